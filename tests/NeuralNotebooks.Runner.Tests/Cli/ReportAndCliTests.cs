using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Cli;
using NeuralNotebooks.Runner.Notebooks;
using static NeuralNotebooks.Runner.Tests.TestNotebooks;

namespace NeuralNotebooks.Runner.Tests;

public class ReportAndCliTests
{
    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_writes_a_json_report_of_cells_and_checks_and_fails_on_a_failed_check()
    {
        var folder = NewFolder();
        Save(Make(Code(LoadLibrary), Code("Check.Close(\"pi\", Math.PI, 3.14159, 1e-5);"), Code("Check.AtLeast(\"too small\", 1, 2);")), folder, "a.ipynb");
        var report = Path.Combine(folder, "out", "report.json");
        var (code, output, _) = await Cli("run", folder, "--report", report);
        Assert.Equal(1, code);
        Assert.Contains("cell   2/3", output);
        Assert.Matches(@"✗\s+a\.ipynb\s+3\s+too small\s+1\s+≥ 2", output);
        Assert.Contains("FAIL ", output);
        Assert.Matches(@"FAIL .*a\.ipynb .*wall \d+\.\d s \(cells \d+\.\d s\)", output); // each notebook's wall time
        Assert.Matches(@"0/1 notebooks passed, wall time \d+\.\d s", output);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.False(json["passed"]!.GetValue<bool>());
        var checks = json["checks"]!.AsArray();
        Assert.Equal(2, checks.Count);
        var pi = checks[0]!;
        Assert.EndsWith("a.ipynb", pi["notebook"]!.GetValue<string>());
        Assert.Equal(2, pi["cell"]!.GetValue<int>());
        Assert.Equal("pi", pi["name"]!.GetValue<string>());
        Assert.Equal("3.14159", pi["value"]!.GetValue<string>());
        Assert.Equal("≈ 3.14159 ± 1E-05", pi["bound"]!.GetValue<string>());
        Assert.True(pi["passed"]!.GetValue<bool>());
        Assert.True(pi["seconds"]!.GetValue<double>() >= 0);
        Assert.False(checks[1]!["passed"]!.GetValue<bool>());
        Assert.Equal("Succeeded", json["notebooks"]![0]!["cells"]![2]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_with_write_saves_outputs_and_passes()
    {
        var folder = NewFolder();
        var path = Save(Make(Code("Console.WriteLine(6 * 7);")), folder);
        var outDir = Path.Combine(folder, "written");
        var (code, output, _) = await Cli("run", path, "--write", "--output", outDir, "--timeout", "30");
        Assert.True(code == 0, output);
        var written = NotebookReader.Read(Path.Combine(outDir, "test.ipynb"));
        Assert.Equal("42\n", written.Cells[0].Outputs.Single().Text);
        Assert.Equal(1, written.Cells[0].ExecutionCount);
        Assert.Empty(NotebookReader.Read(path).Cells[0].Outputs); // the source was not touched
    }

    [Fact]
    public async Task Bad_inputs_give_clear_errors_and_nonzero_exit_codes()
    {
        var folder = NewFolder();
        var missing = await Cli("run", Path.Combine(folder, "missing.ipynb"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("missing.ipynb: notebook file not found", missing.Out);

        File.WriteAllText(Path.Combine(folder, "bad.ipynb"), "{\"nbformat\": 4, \"cells\": [");
        var malformed = await Cli("run", Path.Combine(folder, "bad.ipynb"));
        Assert.Equal(1, malformed.Code);
        Assert.Contains("bad.ipynb: not valid JSON", malformed.Out);

        Assert.Equal(2, (await Cli("run")).Code);
        Assert.Equal(2, (await Cli("frobnicate", "x")).Code);
        var badTimeout = await Cli("run", "x.ipynb", "--timeout", "-1");
        Assert.Equal(2, badTimeout.Code);
        Assert.Contains("--timeout must be a number of seconds > 0", badTimeout.Err);
        Assert.Equal(2, (await Cli("export-html", "x.ipynb")).Code); // needs --output
        Assert.Equal(0, (await Cli("--help")).Code);
    }

    [Fact]
    public async Task A_hanging_cell_is_reported_by_the_cli_with_its_number()
    {
        var path = Save(Make(Code("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);")));
        var (code, output, _) = await Cli("run", path, "--timeout", "1");
        Assert.Equal(1, code);
        Assert.Contains("cell 1 did not finish within 1 s", output);
        Assert.Contains("TIMED OUT", output);
    }
}
