using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Runner.Notebooks;
using NeuralNotebooks.Execution.References;

namespace NeuralNotebooks.Runner.Export;

/// <summary>
/// Exports a notebook as a .NET 10 file-based app (<c>dotnet run lesson.cs</c>), the upstream successor of Polyglot notebooks.
/// </summary>
/// <remarks>
/// <para><c>#r "nuget: Id, Version"</c> becomes <c>#:package Id@Version</c>; a reference to one of our libraries becomes
/// <c>#:project &lt;relative path to src/Name/Name.csproj&gt;</c>. Markdown cells become comments, C# cells are concatenated
/// as top-level statements (their <c>using</c> directives moved to the top, their type declarations to the end, a trailing
/// expression turned into <c>display(…);</c>), and cells in other languages are kept as comments.</para>
/// <para>A small shim at the end provides <c>display()</c>, <c>HTML()</c> and <c>.Display()</c>: they print text, except for
/// values whose type has a convention-based HTML formatter (<c>TypeFormatterSourceAttribute</c>, as our chart types will),
/// which are saved as standalone HTML pages next to the app; <c>NotebookShim.HtmlPage</c> is the hook to change that.</para>
/// <para>Unlike notebook cells, top-level statements cannot declare the same variable twice: a notebook that re-declares a
/// variable in a later cell needs a rename before it exports.</para>
/// </remarks>
public static class FileAppExporter
{
    /// <summary>Writes <c>&lt;name&gt;.cs</c> for <paramref name="notebook"/> (read from <paramref name="notebookPath"/>) into <paramref name="outputDirectory"/>.</summary>
    /// <returns>The path written.</returns>
    /// <exception cref="InvalidOperationException">A <c>#r</c> cannot be turned into a directive (unknown package, missing project); the message names the notebook and cell.</exception>
    /// <exception cref="OutputException">The app cannot be written.</exception>
    public static string Export(Notebook notebook, string notebookPath, string outputDirectory, PackageCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(notebookPath);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var output = AppPath(notebookPath, outputDirectory);
        OutputFile.WriteAllText(output, Convert(notebook, notebookPath, Path.GetDirectoryName(output)!, catalog ?? PackageCatalog.Default));
        return output;
    }

    /// <summary>The app a notebook is exported to: "lessons/01-perceptron.ipynb" → "&lt;output&gt;/01-perceptron.cs".</summary>
    public static string AppPath(string notebookPath, string outputDirectory) =>
        Path.Combine(Path.GetFullPath(outputDirectory), Path.GetFileNameWithoutExtension(notebookPath) + ".cs");

    /// <summary>The file-based app's source for <paramref name="notebook"/>, with paths relative to <paramref name="outputDirectory"/>.</summary>
    public static string Convert(Notebook notebook, string notebookPath, string outputDirectory, PackageCatalog catalog)
    {
        var notebookDir = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var rules = new ReferenceRules(catalog, notebookDir);
        var directives = new List<string>();
        var usings = new List<string>();
        var body = new StringBuilder();
        var types = new StringBuilder();
        string defaultKernel = notebook.DefaultKernelName;
        var parseOptions = new CSharpParseOptions(kind: SourceCodeKind.Script);

        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            int number = i + 1;
            if (cell.CellType != "code")
            {
                body.Append(Separator($"cell {number} ({cell.CellType})"));
                foreach (var line in cell.Source.Replace("\r\n", "\n").Split('\n')) body.Append(("// " + line).TrimEnd()).Append('\n');
                body.Append('\n');
                continue;
            }
            var code = CellCode.Prepare(cell, defaultKernel, out var skipReason);
            body.Append(Separator($"cell {number}"));
            if (code is null)
            {
                body.Append($"// skipped: {skipReason}\n");
                foreach (var line in cell.Source.Replace("\r\n", "\n").Split('\n')) body.Append(("// " + line).TrimEnd()).Append('\n');
                body.Append('\n');
                continue;
            }
            var tree = CSharpSyntaxTree.ParseText(code, parseOptions);
            var root = tree.GetCompilationUnitRoot();
            foreach (var directive in root.GetReferenceDirectives())
                directives.Add(ToDirective(directive.File.ValueText, rules, notebookPath, number, outputDirectory, notebookDir));
            foreach (var u in root.Usings)
            {
                var text = u.WithoutTrivia().ToString();
                if (!usings.Contains(text)) usings.Add(text);
            }
            for (int m = 0; m < root.Members.Count; m++)
            {
                var member = root.Members[m];
                switch (member)
                {
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                        types.Append(member.ToFullString().Trim('\n')).Append("\n\n");
                        break;
                    case GlobalStatementSyntax { Statement: ExpressionStatementSyntax es } when m == root.Members.Count - 1 && es.SemicolonToken.IsMissing:
                        body.Append(es.GetLeadingTrivia().ToFullString().TrimStart('\n'))
                            .Append("display(").Append(es.Expression.WithoutTrivia().ToString()).Append(");\n");
                        break;
                    case MethodDeclarationSyntax method:
                        // A script method becomes a local function of the top-level statements (no accessibility modifiers there).
                        var modifiers = SyntaxFactory.TokenList(method.Modifiers.Where(t => !t.IsKind(SyntaxKind.PublicKeyword)
                            && !t.IsKind(SyntaxKind.PrivateKeyword) && !t.IsKind(SyntaxKind.InternalKeyword) && !t.IsKind(SyntaxKind.ProtectedKeyword)));
                        body.Append(method.WithModifiers(modifiers).ToFullString().Trim('\n')).Append('\n');
                        break;
                    default:
                        body.Append(member.ToFullString().Trim('\n')).Append('\n');
                        break;
                }
            }
            body.Append('\n');
        }

        var sb = new StringBuilder();
        sb.Append("#:property PublishAot=false\n#:property TreatWarningsAsErrors=false\n#:property ManagePackageVersionsCentrally=false\n");
        foreach (var d in directives.Distinct()) sb.Append(d).Append('\n');
        sb.Append($"// {Path.GetFileName(notebookPath)} as a .NET file-based app, exported by the NeuralNotebooks runner (export-cs).\n");
        sb.Append($"// Run it with: dotnet run {Path.GetFileNameWithoutExtension(notebookPath)}.cs\n");
        foreach (var ns in new[] { "System.Text", "System.Collections" })
            if (!usings.Contains($"using {ns};")) sb.Append($"using {ns};\n");
        foreach (var u in usings) sb.Append(u).Append('\n');
        sb.Append("using static NotebookShim;\n\n");
        sb.Append(body);
        if (types.Length > 0) sb.Append(Separator("types declared in the notebook")).Append('\n').Append(types);
        sb.Append(Shim);
        return sb.ToString();
    }

    private static string Separator(string title)
    {
        var line = $"// --- {title} ";
        return line + new string('-', Math.Max(3, 100 - line.Length)) + "\n";
    }

    private static string ToDirective(string reference, ReferenceRules rules, string notebookPath, int cell, string outputDirectory, string notebookDir)
    {
        var resolution = rules.Resolve(reference);
        if (resolution.Error is not null)
            throw new InvalidOperationException($"{notebookPath}: cell {cell}: {resolution.Error}");
        if (resolution.Package is { IsProject: false } package) return $"#:package {package.Id}@{package.Version}";
        if (resolution.Package is { IsProject: true } project)
        {
            var csproj = FindProject(reference, project.Id, notebookDir)
                ?? throw new InvalidOperationException($"{notebookPath}: cell {cell}: #r \"{reference}\": cannot find src/{project.Id}/{project.Id}.csproj above {notebookDir}.");
            return $"#:project {Path.GetRelativePath(outputDirectory, csproj).Replace('\\', '/')}";
        }
        throw new InvalidOperationException($"{notebookPath}: cell {cell}: #r \"{reference}\": file-based apps cannot reference a loose assembly; " +
            "turn it into a project (#:project) or a package (#:package).");
    }

    private static string? FindProject(string reference, string name, string notebookDir)
    {
        if (!ReferenceRules.IsNuGet(reference))
        {
            var full = Path.GetFullPath(Path.Combine(notebookDir, reference.Trim())).Replace('\\', '/');
            int bin = full.LastIndexOf("/bin/", StringComparison.OrdinalIgnoreCase);
            if (bin > 0)
            {
                var projectDir = full[..bin];
                var candidate = Path.Combine(projectDir, Path.GetFileName(projectDir) + ".csproj");
                if (File.Exists(candidate)) return candidate;
            }
        }
        for (var dir = new DirectoryInfo(notebookDir); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", name, name + ".csproj");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The display()/HTML()/.Display() shim appended to every exported app.</summary>
    public const string Shim = """

        // --- notebook shim: display(), HTML(), .Display() -------------------------------------------------------

        /// <summary>What the notebook kernel gave cells: display(), HTML(). In an app they print text.</summary>
        static class NotebookShim
        {
            private static int _pages;

            /// <summary>
            /// Hook: turns a value into a standalone HTML page, or returns null to print it as text. By default it uses the
            /// value's convention-based HTML formatter (TypeFormatterSourceAttribute), which our chart types carry; set it to
            /// change where charts go.
            /// </summary>
            public static Func<object, string?> HtmlPage { get; set; } = ConventionHtml;

            /// <summary>Shows a value: prints it, or saves it as an HTML page when <see cref="HtmlPage"/> gives one.</summary>
            public static NotebookDisplay display(object? value, params string[] mimeTypes)
            {
                var d = new NotebookDisplay();
                d.Update(value);
                return d;
            }

            /// <summary>Raw HTML (saved as a page when displayed).</summary>
            public static RawHtml HTML(string content) => new(content);

            internal static void Show(object? value)
            {
                if (value is not null && HtmlPage(value) is { } page)
                {
                    var name = $"{Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "app")}-display-{++_pages}.html";
                    var path = Path.Combine(Environment.CurrentDirectory, name);
                    File.WriteAllText(path, page);
                    Console.WriteLine($"[display] saved {path}");
                    return;
                }
                switch (value)
                {
                    case null: Console.WriteLine("<null>"); break;
                    case string s: Console.WriteLine(s); break;
                    case System.Collections.IEnumerable items:
                        foreach (var item in items) Console.WriteLine(item);
                        break;
                    default: Console.WriteLine(value); break;
                }
            }

            private static string? ConventionHtml(object value)
            {
                if (value is RawHtml raw) return Page(raw.Content);
                foreach (var attribute in value.GetType().GetCustomAttributes(true))
                {
                    var type = attribute.GetType();
                    if (type.Name != "TypeFormatterSourceAttribute") continue;
                    if (type.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
                    var source = Activator.CreateInstance(sourceType);
                    if (sourceType.GetMethod("CreateTypeFormatters")?.Invoke(source, null) is not System.Collections.IEnumerable formatters) continue;
                    foreach (var formatter in formatters)
                    {
                        var ft = formatter.GetType();
                        if (ft.GetProperty("MimeType")?.GetValue(formatter) as string != "text/html") continue;
                        if (ft.GetProperty("Type")?.GetValue(formatter) is Type target && !target.IsInstanceOfType(value)) continue;
                        var writer = new StringWriter();
                        if (ft.GetMethod("Format", new[] { typeof(object), typeof(TextWriter) })?.Invoke(formatter, new object[] { value, writer }) is true)
                            return Page(writer.ToString());
                    }
                }
                return null;
            }

            private static string Page(string body) =>
                $"<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"></head>\n<body>\n{body}\n</body>\n</html>\n";
        }

        /// <summary>The handle display() returns; Update shows the new value.</summary>
        sealed class NotebookDisplay
        {
            /// <summary>Shows <paramref name="value"/> (in an app: prints it again).</summary>
            public void Update(object? value) => NotebookShim.Show(value);
        }

        /// <summary>Raw HTML content.</summary>
        sealed record RawHtml(string Content)
        {
            public override string ToString() => Content;
        }

        /// <summary>value.Display(), as in the notebook.</summary>
        static class NotebookDisplayExtensions
        {
            public static NotebookDisplay Display(this object? value, params string[] mimeTypes) => NotebookShim.display(value, mimeTypes);
        }

        """;
}
