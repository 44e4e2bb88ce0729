using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.QuickInfo;
using Microsoft.CodeAnalysis.Text;
using NeuralNotebooks.Execution.Hosting;
using NeuralNotebooks.Execution.Sessions;

namespace NeuralNotebooks.Execution.Editing;

/// <summary>
/// Completions and symbol descriptions for the cell being edited, from Roslyn's own editor services
/// (<see cref="CompletionService"/>, <see cref="QuickInfoService"/>), seeing everything the session's earlier cells declared.
/// </summary>
/// <remarks>
/// <para>Each cell that compiled becomes a submission project of a Roslyn workspace (as in an interactive window), each
/// referencing the one before; the text being edited is a last, working submission. The workspace catches up with the
/// session lazily, on the next request.</para>
/// <para>The first request composes Roslyn's editor services (a few seconds); <see cref="WarmUp"/> does it in the background.</para>
/// </remarks>
public sealed class SessionWorkspace
{
    private readonly ScriptSession _session;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AdhocWorkspace? _workspace;
    private ProjectId? _previous;
    private ProjectId? _working;
    private DocumentId? _document;
    private int _added;

    /// <summary>Serves editor requests for <paramref name="session"/>.</summary>
    public SessionWorkspace(ScriptSession session) => _session = session ?? throw new ArgumentNullException(nameof(session));

    /// <summary>Builds the workspace and runs one completion on a background thread, so the first real request is quick.</summary>
    public Task WarmUp() => Task.Run(async () =>
    {
        try { await CompleteAsync("Console.", 8, CancellationToken.None).ConfigureAwait(false); }
        catch (Exception) { /* a warm-up failure shows up again, with its message, on the first real request */ }
    });

    /// <summary>The completions at <paramref name="position"/> (a UTF-16 offset) in <paramref name="code"/>.</summary>
    public async Task<Completions> CompleteAsync(string code, int position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        position = Math.Clamp(position, 0, code.Length);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = Prepare(code);
            var service = CompletionService.GetService(document) ?? throw new InvalidOperationException("Roslyn has no completion service for C#.");
            var list = await service.GetCompletionsAsync(document, position, cancellationToken: cancellationToken).ConfigureAwait(false);
            var span = list.Span;
            var typed = code.Substring(span.Start, Math.Min(span.Length, code.Length - span.Start));
            var items = list.ItemsList
                .Where(i => typed.Length == 0 || i.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(i => i.FilterText.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(i => i.SortText, StringComparer.OrdinalIgnoreCase)
                .Select(i => new Completion(i.DisplayText + i.DisplayTextSuffix, InsertionText(i), Kind(i)))
                .DistinctBy(c => c.Text)
                .Take(1000)
                .ToList();
            return new Completions(items, span.Start, span.End);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>What the symbol at <paramref name="position"/> is: its signature and the summary of its XML documentation; null when there is none.</summary>
    public async Task<string?> DescribeAsync(string code, int position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        position = Math.Clamp(position, 0, code.Length);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var document = Prepare(code);
            var service = QuickInfoService.GetService(document) ?? throw new InvalidOperationException("Roslyn has no quick info service for C#.");
            // A cursor just after a name (where front ends put it) is still on that name.
            foreach (var at in position > 0 ? new[] { position, position - 1 } : new[] { position })
            {
                var info = await service.GetQuickInfoAsync(document, at, cancellationToken).ConfigureAwait(false);
                if (info is null || info.Sections.IsEmpty) continue;
                var lines = info.Sections
                    .Where(s => s.Kind is QuickInfoSectionKinds.Description or QuickInfoSectionKinds.DocumentationComments
                        or QuickInfoSectionKinds.RemarksDocumentationComments or QuickInfoSectionKinds.ReturnsDocumentationComments
                        or QuickInfoSectionKinds.Exception)
                    .Select(s => s.Text.Replace("\r\n", "\n").Trim())
                    .Where(t => t.Length > 0);
                var text = string.Join("\n\n", lines);
                if (text.Length > 0) return text;
            }
            return null;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>True when <paramref name="code"/> is a complete submission (no open braces, strings or comments at its end).</summary>
    public static bool IsComplete(string code) =>
        SyntaxFactory.IsCompleteSubmission(CSharpSyntaxTree.ParseText(code ?? "", CellCompiler.ParseOptions));

    /// <summary>Brings the workspace up to the session's submissions and puts <paramref name="code"/> in the working document.</summary>
    private Document Prepare(string code)
    {
        _workspace ??= new AdhocWorkspace(MefHostServices.DefaultHost);
        var submissions = _session.Submissions;
        var solution = _workspace.CurrentSolution;
        if (submissions.Count > _added || _working is null)
        {
            if (_working is not null) solution = solution.RemoveProject(_working);
            for (; _added < submissions.Count; _added++)
            {
                var s = submissions[_added];
                (solution, _previous) = AddSubmission(solution, $"Submission{_added}", s.Code, s.Script.GetCompilation(), _previous);
            }
            var template = submissions.Count > 0 ? submissions[^1].Script.GetCompilation() : null;
            (solution, _working) = AddSubmission(solution, "Working", "", template, _previous);
            _document = solution.GetProject(_working)!.DocumentIds[0];
        }
        solution = solution.WithDocumentText(_document!, SourceText.From(code));
        if (!_workspace.TryApplyChanges(solution)) throw new InvalidOperationException("the completion workspace refused an update.");
        return _workspace.CurrentSolution.GetDocument(_document!)!;
    }

    private (Solution, ProjectId) AddSubmission(Solution solution, string name, string code, Compilation? compilation, ProjectId? previous)
    {
        var id = ProjectId.CreateNewId(name);
        var options = _session.ScriptOptions;
        var compilationOptions = (compilation?.Options ?? new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                usings: options.Imports, metadataReferenceResolver: options.MetadataResolver, sourceReferenceResolver: options.SourceResolver))
            .WithScriptClassName(name);
        var references = compilation?.References ?? options.MetadataReferences.OfType<PortableExecutableReference>().Cast<MetadataReference>();
        var info = ProjectInfo.Create(id, VersionStamp.Create(), name, name, LanguageNames.CSharp,
            compilationOptions: compilationOptions, parseOptions: CellCompiler.ParseOptions, metadataReferences: references,
            projectReferences: previous is null ? null : new[] { new ProjectReference(previous) },
            isSubmission: true, hostObjectType: typeof(ScriptGlobals));
        solution = solution.AddProject(info).AddDocument(DocumentId.CreateNewId(id, name), name + ".csx", SourceText.From(code));
        return (solution, id);
    }

    private static string InsertionText(CompletionItem item) =>
        item.Properties.TryGetValue("InsertionText", out var text) && !string.IsNullOrEmpty(text) ? text : item.DisplayText;

    private static string Kind(CompletionItem item)
    {
        foreach (var tag in item.Tags)
        {
            switch (tag)
            {
                case "Method" or "ExtensionMethod": return "method";
                case "Property": return "property";
                case "Field": return "field";
                case "Local" or "Parameter" or "RangeVariable": return "variable";
                case "Class" or "Structure" or "Interface" or "Enum" or "Delegate" or "Record" or "RecordStruct": return "class";
                case "Namespace": return "module";
                case "Keyword": return "keyword";
                case "Event": return "event";
                case "Constant" or "EnumMember": return "constant";
            }
        }
        return "text";
    }
}

/// <summary>One completion: what the list shows, what is inserted, and a kind ("method", "property", "class"…).</summary>
public sealed record Completion(string Label, string Text, string Kind);

/// <summary>The completions and the span (UTF-16 offsets) of the code they replace.</summary>
public sealed record Completions(IReadOnlyList<Completion> Items, int Start, int End);
