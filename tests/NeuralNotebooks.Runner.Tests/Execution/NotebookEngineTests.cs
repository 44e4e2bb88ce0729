using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Runner.Notebooks;
using static NeuralNotebooks.Runner.Tests.TestNotebooks;

namespace NeuralNotebooks.Runner.Tests;

public class NotebookEngineTests
{
    private static Task<NotebookRunResult> Run(Notebook nb, TimeSpan? timeout = null)
    {
        var path = Save(nb);
        var engine = new NotebookEngine(new NotebookRunOptions { CellTimeout = timeout ?? TimeSpan.FromSeconds(120) });
        return engine.RunAsync(NotebookReader.Read(path), path);
    }

    [Fact]
    public async Task Cells_share_one_session_and_console_output_becomes_streams()
    {
        var r = await Run(Make(
            Markdown("# title"),
            Code("var x = 20;\nConsole.WriteLine(\"one\");"),
            Code("x += 22;\nConsole.Write(\"x = \" + x);\nConsole.Error.WriteLine(\"warn\");")));
        Assert.True(r.Passed, r.FirstFailure);
        Assert.Equal(new[] { 2, 3 }, r.Cells.Select(c => c.Number));
        var cell = r.Notebook!.Cells[2];
        Assert.Equal(2, cell.ExecutionCount);
        Assert.Equal("x = 42", cell.Outputs[0].Text);
        Assert.Equal(("stderr", "warn\n"), (cell.Outputs[1].Name, cell.Outputs[1].Text));
    }

    [Fact]
    public async Task Default_usings_are_those_of_the_kernel()
    {
        var r = await Run(Make(Code("var sb = new StringBuilder(); var list = new List<int> { 3, 1 }; ArrayList a = new(); Task t = Task.CompletedTask;\nConsole.WriteLine(list.Max());")));
        Assert.True(r.Passed, r.FirstFailure);
    }

    [Fact]
    public async Task A_trailing_expression_is_formatted_like_the_kernel()
    {
        var r = await Run(Make(Code("new { A = 1, B = \"two\" }"), Code("\"hello\""), Code("Console.WriteLine(\"x\")"), Code("HTML(\"<b>bold</b>\")")));
        Assert.True(r.Passed, r.FirstFailure);
        var cells = r.Notebook!.Cells;
        var html = cells[0].Outputs.Single();
        Assert.Equal("execute_result", html.OutputType);
        Assert.Equal(1, html.ExecutionCount);
        Assert.Contains("<td>A</td>", html.GetText("text/html"));
        Assert.Equal("hello", cells[1].Outputs.Single().GetText("text/plain"));
        Assert.Equal("stream", cells[2].Outputs.Single().OutputType); // a void call shows no result
        Assert.Equal("<b>bold</b>", cells[3].Outputs.Single().GetText("text/html"));
    }

    [Fact]
    public async Task Display_outputs_keep_their_order_with_console_output_and_update_in_place()
    {
        var r = await Run(Make(
            Code("Console.WriteLine(\"before\");\nvar handle = display(\"first\");\nConsole.WriteLine(\"after\");\nnew[] { new { A = 1 }, new { A = 2 } }.Display();\ndisplay(\"<i>x</i>\", \"text/html\");"),
            Code("handle.Update(\"second\");")));
        Assert.True(r.Passed, r.FirstFailure);
        var outputs = r.Notebook!.Cells[0].Outputs;
        Assert.Equal(new[] { "stream", "display_data", "stream", "display_data", "display_data" }, outputs.Select(o => o.OutputType));
        Assert.Equal("second", outputs[1].GetText("text/plain"));
        Assert.Contains("<table>", outputs[3].GetText("text/html"));
        Assert.Equal("<i>x</i>", outputs[4].GetText("text/html"));
        Assert.Empty(r.Notebook.Cells[1].Outputs);
    }

    [Fact]
    public async Task A_compilation_error_names_the_cell_and_line_and_stops_the_notebook()
    {
        var r = await Run(Make(Markdown("m"), Code("var ok = 1;"), Code("var a = 1;\n\nvar b = missing + 1;"), Code("Console.WriteLine(1);")));
        Assert.False(r.Passed);
        var failed = r.Cells.Single(c => c.Status == CellStatus.Failed);
        Assert.Equal(3, failed.Number);
        Assert.Contains("cell 3, line 3", failed.Message);
        Assert.Contains("CS0103", failed.Message);
        Assert.Contains("test.ipynb", failed.Message);
        Assert.Equal(CellStatus.NotRun, r.Cells.Last().Status);
        var error = r.Notebook!.Cells[2].Outputs.Single();
        Assert.Equal("error", error.OutputType);
        Assert.Equal("CompilationError", error.EName);
    }

    [Fact]
    public async Task An_exception_becomes_an_error_output_naming_the_cell_and_line()
    {
        var r = await Run(Make(Code("int F(int v) => v;"), Code("var x = F(1);\nthrow new InvalidOperationException(\"boom\");")));
        Assert.False(r.Passed);
        var failed = r.Cells.Single(c => c.Status == CellStatus.Failed);
        Assert.Contains("cell 2, line 2: System.InvalidOperationException: boom", failed.Message);
        var error = r.Notebook!.Cells[1].Outputs.Single();
        Assert.Equal(("System.InvalidOperationException", "boom"), (error.EName, error.EValue));
        Assert.StartsWith("cell 2, line 2", error.Traceback[0]);
    }

    [Fact]
    public async Task A_cell_that_never_ends_times_out_naming_the_cell_and_stops_the_notebook()
    {
        var r = await Run(Make(Code("var a = 1;"), Code("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"), Code("var c = 3;")),
            TimeSpan.FromSeconds(1.5));
        Assert.False(r.Passed);
        var timedOut = r.Cells.Single(c => c.Status == CellStatus.TimedOut);
        Assert.Equal(2, timedOut.Number);
        Assert.Contains("cell 2 did not finish within 1.5 s", timedOut.Message);
        Assert.Equal(CellStatus.NotRun, r.Cells[2].Status);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Cells_of_other_languages_are_skipped()
    {
        var r = await Run(Make(Code("printfn \"hi\"", kernel: "fsharp"), Code("#!pwsh\nWrite-Host hi"), Code("#!csharp\nvar a = 1;\nConsole.WriteLine(a);"), Code("#!time\nvar b = 2;")));
        Assert.True(r.Passed, r.FirstFailure);
        Assert.Equal(new[] { CellStatus.Skipped, CellStatus.Skipped, CellStatus.Succeeded, CellStatus.Skipped }, r.Cells.Select(c => c.Status));
        Assert.Contains("fsharp", r.Cells[0].Message);
        Assert.Contains("pwsh", r.Cells[1].Message);
        Assert.Contains("#!time", r.Cells[3].Message);
        Assert.Equal("1\n", r.Notebook!.Cells[2].Outputs.Single().Text);
    }

    [Fact]
    public async Task Checks_are_collected_per_cell_and_a_failed_check_fails_the_run_without_stopping_it()
    {
        var r = await Run(Make(
            Code(LoadLibrary),
            Code("Check.AtLeast(\"big enough\", 3, 2);"),
            Code("Check.AtMost(\"small enough\", 3, 2);\nConsole.WriteLine(\"still running\");"),
            Code("Check.True(\"later\", true);")));
        Assert.False(r.Passed);
        Assert.All(r.Cells, c => Assert.Equal(CellStatus.Succeeded, c.Status));
        Assert.Equal(new[] { (2, "big enough", true), (3, "small enough", false), (4, "later", true) }, r.Checks.Select(c => (c.Cell, c.Name, c.Passed)));
        Assert.Equal("✗ small enough: 3 ≤ 2\nstill running\n", r.Notebook!.Cells[2].Outputs.Single().Text);
        Assert.Contains("check failed: small enough", r.FirstFailure);
    }

    [Fact]
    public async Task Two_notebooks_running_at_once_do_not_mix_outputs_or_checks()
    {
        Notebook Nb(string tag) => Make(Code(LoadLibrary), Code($"for (int i = 0; i < 200; i++) {{ Console.WriteLine(\"{tag}\"); await Task.Yield(); }}\nCheck.True(\"{tag}\", true);"));
        var engine = new NotebookEngine();
        var pa = Save(Nb("A"));
        var pb = Save(Nb("B"));
        var results = await Task.WhenAll(engine.RunFileAsync(pa), engine.RunFileAsync(pb));
        Assert.All(results, r => Assert.True(r.Passed, r.FirstFailure));
        Assert.Equal("A", results[0].Checks.Single().Name);
        Assert.Equal("B", results[1].Checks.Single().Name);
        Assert.DoesNotContain("B", results[0].Notebook!.Cells[1].Outputs[0].Text);
        Assert.Equal(200, results[1].Notebook!.Cells[1].Outputs[0].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l == "B"));
    }

    [Fact]
    public async Task Missing_or_malformed_notebook_files_give_an_error_naming_them()
    {
        var engine = new NotebookEngine();
        var folder = NewFolder();
        var bad = Path.Combine(folder, "bad.ipynb");
        File.WriteAllText(bad, "{ not json");
        var missing = await engine.RunFileAsync(Path.Combine(folder, "missing.ipynb"));
        var malformed = await engine.RunFileAsync(bad);
        Assert.False(missing.Passed);
        Assert.Contains("missing.ipynb: notebook file not found", missing.Error);
        Assert.Contains("bad.ipynb: not valid JSON", malformed.Error);
        Assert.Equal("{ not json", File.ReadAllText(bad));
    }
}
