using System.Diagnostics;
using NeuralNotebooks.Runner.Cli;
using NeuralNotebooks.Runner.Export;
using NeuralNotebooks.Runner.Notebooks;
using NeuralNotebooks.Execution.References;
using static NeuralNotebooks.Runner.Tests.TestNotebooks;

namespace NeuralNotebooks.Runner.Tests;

public class ExportTests
{
    private static string Lesson01 => Path.Combine(RepositoryRoot, "notebooks", "01-perceptron.ipynb");

    [Theory]
    [InlineData("# Title", "<h1 id=\"title\">Title</h1>")]
    [InlineData("### A *b* c", "<h3 id=\"a-b-c\">A <em>b</em> c</h3>")]
    [InlineData("one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>")]
    [InlineData("**bold** and _it_ and *it2* and `x < y`", "<p><strong>bold</strong> and <em>it</em> and <em>it2</em> and <code>x &lt; y</code></p>")]
    [InlineData("[next](02-x.ipynb) <https://a.b/c>", "<p><a href=\"02-x.ipynb\">next</a> <a href=\"https://a.b/c\">https://a.b/c</a></p>")]
    [InlineData("- a\n- b\n  - c\n- d", "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>")]
    [InlineData("1. a\n2. b", "<ol>\n<li>a</li>\n<li>b</li>\n</ol>")]
    [InlineData("```csharp\nvar x = a < b;\n```", "<pre><code class=\"language-csharp\">var x = a &lt; b;</code></pre>")]
    [InlineData("| a | b |\n|---|--:|\n| `1` | 2 |", "<table>\n<thead><tr><th>a</th><th style=\"text-align:right\">b</th></tr></thead>\n<tbody>\n<tr><td><code>1</code></td><td style=\"text-align:right\">2</td></tr>\n</tbody>\n</table>")]
    [InlineData("sum $w_i x_i * 2$ and $$a_1 < b_2$$", "<p>sum <span class=\"math\">$w_i x_i * 2$</span> and <span class=\"math\">$$a_1 &lt; b_2$$</span></p>")]
    [InlineData("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>")]
    [InlineData("a <script>", "<p>a &lt;script&gt;</p>")]
    [InlineData("---", "<hr>")]
    public void Markdown_renders_the_common_constructs(string markdown, string html) =>
        Assert.Equal(html, NeuralNotebooks.Runner.Export.Markdown.ToHtml(markdown).TrimEnd('\n'));

    [Fact]
    public async Task Html_export_writes_a_page_per_notebook_and_an_index()
    {
        var folder = NewFolder();
        var other = Save(Make(Markdown("# Second\nBack to [lesson 1](01-perceptron.ipynb)."), Code("1 + 1")), folder, "02-second.ipynb");
        var output = Path.Combine(folder, "site");
        var result = await RunCli("export-html", Lesson01, other, "--output", output);
        Assert.Equal(0, result);
        var page = File.ReadAllText(Path.Combine(output, "01-perceptron.html"));
        Assert.Contains("<h1 id=\"lesson-01-the-perceptron\">Lesson 01 — The perceptron</h1>", page);
        Assert.Contains("<table>", page);                        // markdown table
        Assert.Contains("<span class=\"math\">$z = \\sum_i w_i x_i + b$</span>", page);
        Assert.Contains("var coffee = new Perceptron", page);     // code
        Assert.Contains("z = 5.7, answer = 0", page);             // stream output
        Assert.Contains("dni-treeview", page);                    // text/html output inlined
        Assert.Contains("✓ weighted sum of the coffee example", page);
        Assert.Contains("<a href=\"02-second.html\">Second →</a>", page);
        var second = File.ReadAllText(Path.Combine(output, "02-second.html"));
        Assert.Contains("<a href=\"01-perceptron.html\">lesson 1</a>", second);
        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("<a href=\"01-perceptron.html\">Lesson 01 — The perceptron</a>", index);
        Assert.Contains("<a href=\"02-second.html\">Second</a>", index);
    }

    [Fact]
    public async Task Html_export_with_run_executes_first()
    {
        var folder = NewFolder();
        var path = Save(Make(Code("Console.WriteLine(\"fresh \" + (40 + 2));")), folder);
        Assert.Equal(0, await RunCli("export-html", path, "--run", "--output", Path.Combine(folder, "site")));
        Assert.Contains("fresh 42", File.ReadAllText(Path.Combine(folder, "site", "test.html")));
    }

    [Fact]
    public void File_app_export_turns_references_into_directives_and_cells_into_statements()
    {
        var folder = NewFolder();
        var nb = Make(
            Markdown("# Title\ntext"),
            Code("#r \"nuget: Plotly.NET, 6.0.0\"\nusing System.Globalization;\nvar x = 2;"),
            Code("record Point(int X, int Y);\nint Twice(int v) => 2 * v;\nTwice(x)"),
            Code("printfn \"hi\"", kernel: "fsharp"));
        var cs = FileAppExporter.Convert(nb, Path.Combine(RepositoryRoot, "notebooks", "x.ipynb"), folder, PackageCatalog.Default);
        Assert.Contains("#:package Plotly.NET@6.0.0\n", cs);
        Assert.Contains("// # Title\n// text\n", cs);
        Assert.Contains("using System.Globalization;\nusing static NotebookShim;", cs);
        Assert.Contains("display(Twice(x));", cs);
        Assert.Contains("// skipped: fsharp cell", cs);
        Assert.True(cs.IndexOf("record Point", StringComparison.Ordinal) > cs.IndexOf("display(Twice(x));", StringComparison.Ordinal), "types go after the statements");
        Assert.DoesNotContain("#r ", cs);

        var lesson = FileAppExporter.Convert(NotebookReader.Read(Lesson01), Lesson01, folder, PackageCatalog.Default);
        var expected = Path.GetRelativePath(folder, Path.Combine(RepositoryRoot, "src", "NeuralNotebooks", "NeuralNotebooks.csproj")).Replace('\\', '/');
        Assert.Contains($"#:project {expected}\n", lesson);
    }

    [Fact]
    public void File_app_export_of_an_unknown_package_names_notebook_and_cell()
    {
        var nb = Make(Code("var a = 1;"), Code("#r \"nuget: Nope, 1.0.0\""));
        var e = Assert.Throws<InvalidOperationException>(() => FileAppExporter.Convert(nb, "/x/y.ipynb", "/tmp", PackageCatalog.Default));
        Assert.Contains("/x/y.ipynb: cell 2: #r \"nuget: Nope, 1.0.0\"", e.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Exported_lesson_01_builds_and_runs_with_dotnet_run()
    {
        var folder = NewFolder();
        Assert.Equal(0, await RunCli("export-cs", Lesson01, "--output", folder));
        var file = Path.Combine(folder, "01-perceptron.cs");
        Assert.True(File.Exists(file));
        var psi = new ProcessStartInfo("dotnet", ["run", file])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(cts.Token);
        var text = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("z = 5.7, answer = 0", text);
        Assert.Contains("✓ weighted sum of the coffee example: 5.7", text);
        Assert.Contains("✓ smallest whole caffeine the coffee neuron accepts: 4 = 4", text);
        Assert.DoesNotContain("✗", text);
    }

    private static Task<int> RunCli(params string[] args) => CommandLine.RunAsync(args, new StringWriter(), new StringWriter());
}
