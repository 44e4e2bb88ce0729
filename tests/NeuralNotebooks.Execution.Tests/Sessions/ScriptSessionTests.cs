using NeuralNotebooks.Execution.Sessions;

namespace NeuralNotebooks.Execution.Tests.Sessions;

public class ScriptSessionTests
{
    private static ScriptSession NewSession(TimeSpan? timeout = null) => new(new SessionOptions
    {
        NotebookDirectory = Path.GetTempPath(), HostName = "kernel", CellTimeout = timeout, InterruptGrace = TimeSpan.FromSeconds(2),
    });

    private static int _count;

    private static Task<CellOutcome> Run(ScriptSession session, string code, RecordingSink sink)
    {
        int n = Interlocked.Increment(ref _count);
        return session.ExecuteAsync(new CellSubmission(code, $"cell {n}", Path.Combine(Path.GetTempPath(), $"cell{n}"), n), sink);
    }

    [Fact]
    public async Task Outputs_reach_the_sink_in_order_and_a_handle_updates_from_a_later_cell()
    {
        var session = NewSession();
        var first = new RecordingSink();
        await Run(session, "Console.Write(\"a\");\nvar h = display(\"one\");\nConsole.Error.Write(\"b\");\n40 + 2", first);
        Assert.Equal("stream stdout: a", first.Events[0]);
        Assert.Equal("display display-1: text/plain=one", first.Events[1]);
        Assert.Equal("stream stderr: b", first.Events[2]);
        Assert.StartsWith("result [", first.Events[3]);
        var second = new RecordingSink();
        var outcome = await Run(session, "h.Update(\"two\");", second);
        Assert.Equal(CellOutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal(new[] { "update display-1: text/plain=two" }, second.Events);
    }

    [Fact]
    public async Task Each_session_sends_plotly_js_with_its_own_first_chart_whatever_other_sessions_drew()
    {
        // Two notebooks in one process (the runner's worker, parallel tests): each saved notebook must carry the library.
        string plots = typeof(NeuralNotebooks.Plots.Plot).Assembly.Location;
        string chart = $"#r \"{plots}\"\nConsole.Write(NeuralNotebooks.Plots.Charts.Activations(NeuralNotebooks.Activations.Activation.ReLU).ToHtml().Contains(\"if (!window.Plotly)\"));";
        var a = NewSession();
        var b = NewSession();
        async Task<string> Draw(ScriptSession session)
        {
            var sink = new RecordingSink();
            await Run(session, chart, sink);
            return sink.Events.Single();
        }
        Assert.Equal("stream stdout: True", await Draw(a));
        Assert.Equal("stream stdout: True", await Draw(b));   // b's first chart, drawn after a's
        Assert.Equal("stream stdout: False", await Draw(a));  // a's page has the library already
        Assert.Equal("stream stdout: False", await Draw(b));
    }

    [Fact]
    public async Task An_interrupt_stops_a_runaway_loop_and_keeps_what_the_cell_had_set()
    {
        var session = NewSession();
        var sink = new RecordingSink();
        var running = Run(session, "long n = 0;\nConsole.Write(\"go\");\nwhile (true)\n    n++;", sink);
        await WaitFor(sink, "stream stdout: go");
        Assert.True(session.Interrupt());
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(CellOutcomeStatus.Interrupted, outcome.Status);
        Assert.False(outcome.Abandoned);
        Assert.EndsWith(", line 4: interrupted", outcome.Error!.Summary);
        var after = new RecordingSink();
        Assert.Equal(CellOutcomeStatus.Succeeded, (await Run(session, "Console.Write(n > 0);", after)).Status);
        Assert.Equal("stream stdout: True", after.Events.Single());
        Assert.False(session.Interrupt()); // nothing runs now
    }

    [Fact]
    public async Task An_interrupt_during_compilation_stops_the_cell_without_abandoning_it()
    {
        var session = NewSession();
        var running = Run(session, string.Join("\n", Enumerable.Range(0, 400).Select(i => $"var v{i} = new List<int> {{ {i} }}.Select(x => x * 2).Sum();")), new RecordingSink());
        session.Interrupt();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(CellOutcomeStatus.Interrupted, outcome.Status);
        Assert.False(outcome.Abandoned);
    }

    private static async Task WaitFor(RecordingSink sink, string e)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            lock (sink.Events) if (sink.Events.Contains(e)) return;
            await Task.Delay(50, limit.Token);
        }
    }

    [Fact]
    public async Task Loops_in_methods_declared_by_earlier_cells_stop_too()
    {
        var session = NewSession();
        await Run(session, "void Spin() { for (;;) { } }", new RecordingSink());
        var sink = new RecordingSink();
        var running = Run(session, "Console.Write(\"go\"); Spin();", sink);
        await WaitFor(sink, "stream stdout: go");
        session.Interrupt();
        Assert.Equal(CellOutcomeStatus.Interrupted, (await running.WaitAsync(TimeSpan.FromSeconds(60))).Status);
    }

    [Fact]
    public async Task A_cell_stuck_outside_its_loops_is_abandoned_and_the_session_goes_on_from_the_state_before_it()
    {
        var session = NewSession();
        await Run(session, "var before = 7;", new RecordingSink());
        var stuck = new RecordingSink();
        var running = Run(session, "before = 8; Console.Write(\"go\"); System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);", stuck);
        await WaitFor(stuck, "stream stdout: go");
        session.Interrupt();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(outcome.Abandoned);
        Assert.Contains("its thread was abandoned", outcome.Error!.EValue, StringComparison.OrdinalIgnoreCase);
        var sink = new RecordingSink();
        Assert.Equal(CellOutcomeStatus.Succeeded, (await Run(session, "Console.Write(before);", sink)).Status);
        Assert.Equal("stream stdout: 8", sink.Events.Single()); // the same variable: the abandoned cell had set it
    }

    [Fact]
    public async Task A_timeout_stops_the_cell_and_says_how_long_it_was_given()
    {
        var session = NewSession(TimeSpan.FromSeconds(1));
        var outcome = await Run(session, "while (true) { }", new RecordingSink());
        Assert.Equal(CellOutcomeStatus.TimedOut, outcome.Status);
        Assert.Contains("did not finish within 1 s", outcome.Error!.Summary);
    }

    [Fact]
    public async Task Compile_errors_give_the_columns_of_the_cell_as_written_even_after_a_loop_on_the_same_line()
    {
        var sink = new RecordingSink();
        var outcome = await Run(NewSession(), "for (int i = 0; i < 2; i++) { } var x = missing;", sink);
        Assert.Equal(CellOutcomeStatus.Failed, outcome.Status);
        Assert.Equal("CompilationError", outcome.Error!.EName);
        Assert.EndsWith("line 1, column 41: error CS0103: The name 'missing' does not exist in the current context", outcome.Error.Summary);
    }

    [Fact]
    public async Task A_reference_that_does_not_resolve_is_reported_before_compiling_naming_the_host()
    {
        var outcome = await Run(NewSession(), "// first line\n#r \"nuget: NoSuch, 1.0.0\"", new RecordingSink());
        Assert.Equal("ReferenceError", outcome.Error!.EName);
        Assert.Contains("line 2: #r \"nuget: NoSuch, 1.0.0\": package \"NoSuch\" is not available to the notebook kernel", outcome.Error.Summary);
    }
}
