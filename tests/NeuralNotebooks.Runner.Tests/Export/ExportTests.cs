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

    [ChromiumFact]
    public async Task Html_export_writes_an_index_a_page_per_notebook_and_the_assets_to_read_it_offline()
    {
        var folder = NewFolder();
        var first = Save(Make(
            Markdown("# First lesson\n\nThe neuron adds its inputs: $z = w_1x_1 + b$. More text.\n\n## 1. Sums\n\n### Detail\n\n## 2. Charts"),
            Code("Console.WriteLine(\"✓ sum: 3 = 3\\n✗ bad: 1 ≥ 2\\nplain\");"),
            Code(ChartCell)), folder, "01-first.ipynb");
        var second = Make(Markdown("# Second\nBack to [lesson 1](01-first.ipynb#1-sums)."), Code("1 + 1"));
        second.Metadata["neuralnotebooks"] = new System.Text.Json.Nodes.JsonObject { ["summary"] = "Given in the metadata." };
        var output = Path.Combine(folder, "site");
        Assert.Equal(0, await RunCli("run", first, "--write"));                 // saved with its chart's figure and picture
        Assert.Equal(0, await RunCli("export-html", first, Save(second, folder, "02-second.ipynb"), "--output", output));

        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Matches("<li><a href=\"01-first.html\">First lesson</a><p>The neuron adds its inputs: z = w_1x_1 \\+ b.</p></li>\\s*"
            + "<li><a href=\"02-second.html\">Second</a><p>Given in the metadata.</p></li>", index);

        var page = File.ReadAllText(Path.Combine(output, "01-first.html"));
        Assert.Contains("<span class=\"math\">z = w_1x_1 + b</span>", page);
        Assert.Contains("<nav class=\"toc toc-side\"", page);
        Assert.Contains("<li><a href=\"#1-sums\">1. Sums</a>\n<ol>\n<li><a href=\"#detail\">Detail</a></li>\n</ol></li>\n<li><a href=\"#2-charts\">2. Charts</a></li>", page);
        Assert.Contains("<span class=\"check pass\">✓ sum: 3 = 3</span>\n<span class=\"check fail\">✗ bad: 1 ≥ 2</span>\nplain", page);
        Assert.Contains("Console.<span class=\"fn\">WriteLine</span>", page);   // highlighted
        Assert.Contains("<a class=\"next\" rel=\"next\" href=\"02-second.html\">Second →</a>", page);
        Assert.Contains("<figure class=\"output chart\">", page);               // drawn by the site's plotly.js…
        Assert.Contains("<noscript><img src=\"data:image/png;base64,", page);     // …with its picture for readers without scripts
        Assert.Contains("<script defer src=\"assets/plotly.min.js\"></script>", page);
        Assert.DoesNotContain("if (!window.Plotly)", page);                      // no plotly.js inlined into the page
        Assert.True(page.Length < 300_000, $"the page is {page.Length} characters");
        var secondPage = File.ReadAllText(Path.Combine(output, "02-second.html"));
        Assert.Contains("<a href=\"01-first.html#1-sums\">lesson 1</a>", secondPage);
        Assert.Contains("<a class=\"prev\" rel=\"prev\" href=\"01-first.html\">← First lesson</a>", secondPage);
        Assert.DoesNotContain("plotly.min.js", secondPage);                      // pages without charts don't load it

        foreach (var asset in new[] { "assets/course.css", "assets/course.js", "assets/plotly.min.js", "assets/katex/katex.min.js",
                     "assets/katex/katex.min.css", "assets/katex/LICENSE", "assets/katex/fonts/KaTeX_Main-Regular.woff2" })
            Assert.True(new FileInfo(Path.Combine(output, asset)) is { Exists: true, Length: > 100 }, asset);
        var css = File.ReadAllText(Path.Combine(output, "assets/katex/katex.min.css"));
        foreach (System.Text.RegularExpressions.Match font in System.Text.RegularExpressions.Regex.Matches(css, @"url\((fonts/[^)]+\.woff2)\)"))
            Assert.True(File.Exists(Path.Combine(output, "assets/katex", font.Groups[1].Value)), font.Value);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page + index);         // nothing from the network
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

    [Fact]
    public void Stream_lines_that_are_checks_are_marked_pass_or_fail()
    {
        Assert.Equal("a &lt; b\n<span class=\"check pass\">  ✓ x: 1 = 1</span>\n<span class=\"check fail\">✗ y</span>\n",
            OutputHtml.Stream("a < b\n  ✓ x: 1 = 1\n✗ y\n"));
    }
}
