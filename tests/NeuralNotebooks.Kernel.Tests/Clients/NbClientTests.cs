using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Tests.Support;
using NeuralNotebooks.Runner.Execution;

namespace NeuralNotebooks.Kernel.Tests.Clients;

/// <summary>The kernel driven by a client we did not write: Debian's nbclient 0.7.2 (what <c>jupyter execute</c> runs) and jupyter_client 7.4.9.</summary>
public class NbClientTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var lesson in Repo.Lessons()) data.Add(lesson);
        return data;
    }

    private static async Task<(JsonObject Result, JsonObject Notebook)> ExecuteAsync(string notebook, params string[] options)
    {
        var output = Path.Combine(Repo.NewFolder("executed"), Path.GetFileName(notebook));
        var result = await Jupyter.RunClientAsync("execute_notebook.py", Limit, new[] { notebook, output }.Concat(options).ToArray());
        return (result, TestNotebook.Read(output));
    }

    [JupyterTheory]
    [MemberData(nameof(Lessons))]
    public async Task Every_lesson_runs_through_the_kernel_with_the_same_checks_passing_as_under_the_runner(string lesson)
    {
        var path = Path.Combine(Repo.Root, "notebooks", lesson);
        var (result, executed) = await ExecuteAsync(path);
        Assert.True(result["error"] is null, $"{lesson}: {result["error"]?["message"]}");
        Assert.Equal("C#", (string?)result["kernel"]);

        var kernelChecks = TestNotebook.CodeCells(executed)
            .SelectMany((_, i) => TestNotebook.Streams(executed, i).Split('\n'))
            .Where(l => l.StartsWith("✓ ", StringComparison.Ordinal) || l.StartsWith("✗ ", StringComparison.Ordinal))
            .Select(l => (Passed: l[0] == '✓', Name: l[2..l.LastIndexOf(": ", StringComparison.Ordinal)]))
            .ToList();
        var runner = await new NotebookEngine().RunFileAsync(path);
        var runnerChecks = runner.Checks.Select(c => (c.Passed, c.Name)).ToList();
        Assert.NotEmpty(runnerChecks);
        Assert.Equal(runnerChecks, kernelChecks);
        Assert.All(kernelChecks, c => Assert.True(c.Passed, $"{lesson}: check failed in the kernel: {c.Name}"));
    }

    [JupyterFact]
    public async Task A_cell_that_throws_makes_the_client_report_a_CellExecutionError_naming_the_cell_and_line()
    {
        var path = TestNotebook.Save(
            TestNotebook.Code("var ok = 1;"),
            TestNotebook.Code("var a = 1;\nthrow new InvalidOperationException(\"boom\");"),
            TestNotebook.Code("Console.WriteLine(\"never\");"));
        var (result, executed) = await ExecuteAsync(path);
        var error = result["error"]!;
        Assert.Equal("CellExecutionError", (string?)error["type"]);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Contains("cell [2], line 2: System.InvalidOperationException: boom", (string?)error["message"]);
        Assert.Equal("", TestNotebook.Streams(executed, 2));
    }

    [JupyterFact]
    public async Task An_infinite_loop_is_interrupted_and_the_next_cell_runs_in_the_same_session()
    {
        var path = TestNotebook.Save(
            TestNotebook.Code("long n = 0;"),
            TestNotebook.Code("while (true) { n++; }", "raises-exception", "interrupt-me"),
            TestNotebook.Code("Console.WriteLine(n > 0 ? \"survived\" : \"no\");"));
        var (result, executed) = await ExecuteAsync(path, "--interrupt-tag", "interrupt-me", "--interrupt-after", "5");
        Assert.True(result["error"] is null, (string?)result["error"]?["message"]);
        var loopOutputs = TestNotebook.CodeCells(executed).ElementAt(1)["outputs"]!.AsArray();
        var error = Assert.Single(loopOutputs, o => (string?)o!["output_type"] == "error")!;
        Assert.Equal("Interrupted", (string?)error["ename"]);
        Assert.Equal("cell [2], line 1: interrupted", (string?)error["traceback"]![0]);
        Assert.Equal("survived\n", TestNotebook.Streams(executed, 2));
    }

    [JupyterFact]
    public async Task A_badly_signed_message_is_refused_and_the_kernel_goes_on()
    {
        var seen = await Jupyter.RunClientAsync("probe_kernel.py", Limit, ".net-csharp", "bad-signature");
        Assert.False((bool)seen["bad_key_reply"]!);
        Assert.True((bool)seen["good_key_reply"]!);
        Assert.True((bool)seen["alive"]!);
    }

    [JupyterFact]
    public async Task Charts_arrive_as_display_data_with_html_and_a_live_training_chart_as_update_display_data()
    {
        var code = Path.Combine(Repo.NewFolder("charts"), "charts.csx");
        File.WriteAllText(code, TestNotebook.LoadLibraries + "\n" + """
            using NeuralNotebooks.Layers; using NeuralNotebooks.Losses; using NeuralNotebooks.Models; using NeuralNotebooks.Optimizers;
            display(Charts.Activations(NeuralNotebooks.Activations.Activation.ReLU));
            var (x, y) = NeuralNotebooks.Data.LogicGates.TruthTable(NeuralNotebooks.Data.LogicGate.Xor);
            var model = new Sequential(seed: 1) { new Input(2), new Dense(8, "relu"), new Dense(1, "sigmoid") };
            model.Compile(new Adam(0.05), Loss.BinaryCrossEntropy, "accuracy");
            model.Fit(x, y, epochs: 5, callbacks: [new LiveHistoryChart(display)]);
            """);
        var seen = await Jupyter.RunClientAsync("probe_kernel.py", Limit, ".net-csharp", "charts", code);
        Assert.True((string?)seen["status"] == "ok", seen["error"]?.ToJsonString());
        var outputs = seen["outputs"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var displays = outputs.Where(o => (string?)o["type"] == "display_data").ToList();
        Assert.Equal(2, displays.Count); // the activation chart, then the live chart's first epoch
        Assert.All(displays, d => { Assert.Contains("text/html", d["mimes"]!.AsArray().Select(m => (string?)m)); Assert.True((bool)d["plotly"]!); });
        var liveId = (string?)displays[1]["display_id"];
        var updates = outputs.Where(o => (string?)o["type"] == "update_display_data").ToList();
        Assert.Equal(4, updates.Count); // epochs 2…5
        Assert.All(updates, u => { Assert.Equal(liveId, (string?)u["display_id"]); Assert.True((bool)u["plotly"]!); });
    }

    [JupyterFact]
    public async Task Restart_from_the_client_starts_a_fresh_kernel_process()
    {
        var seen = await Jupyter.RunClientAsync("probe_kernel.py", Limit, ".net-csharp", "restart");
        Assert.True((bool)seen["new_process"]!);
        Assert.Equal("fresh\n", (string?)seen["after_restart"]);
        Assert.Equal("error", (string?)seen["old_variable"]); // a new session: earlier variables are gone
    }
}
