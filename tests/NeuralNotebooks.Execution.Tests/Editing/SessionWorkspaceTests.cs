using NeuralNotebooks.Execution.Editing;
using NeuralNotebooks.Execution.Sessions;
using NeuralNotebooks.Execution.Tests.Sessions;

namespace NeuralNotebooks.Execution.Tests.Editing;

public class SessionWorkspaceTests
{
    [Fact]
    public async Task Completions_and_descriptions_see_what_earlier_cells_declared()
    {
        var session = new ScriptSession(new SessionOptions { NotebookDirectory = Path.GetTempPath() });
        var outcome = await session.ExecuteAsync(new CellSubmission(
            "#r \"../src/NeuralNotebooks/bin/Debug/net8.0/NeuralNotebooks.dll\"\n/// <summary>The learning rate.</summary>\nvar rate = 0.1;\nclass Box { public int Width; }",
            "cell 1", Path.Combine(Path.GetTempPath(), "ws-cell1"), 1), new RecordingSink());
        Assert.Equal(CellOutcomeStatus.Succeeded, outcome.Status);
        var workspace = new SessionWorkspace(session);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var members = await workspace.CompleteAsync("new Box().Wi", 12, limit.Token);
        Assert.Equal("Width", Assert.Single(members.Items).Text);
        Assert.Equal((10, 12), (members.Start, members.End));

        var names = await workspace.CompleteAsync("ra", 2, limit.Token);
        Assert.Contains(names.Items, c => c.Text == "rate" && c.Kind is "field" or "variable");

        var described = await workspace.DescribeAsync("NeuralNotebooks.Checks.Check.True(\"a\", true)", 32, limit.Token);
        Assert.Contains("Check.True(string name, bool condition)", described);
        Assert.Contains("Checks that condition is true.", described);
        Assert.Null(await workspace.DescribeAsync("   ", 1, limit.Token));
    }

    [Theory]
    [InlineData("var a = 1;", true)]
    [InlineData("if (true) {", false)]
    [InlineData("var s = \"open", false)]
    [InlineData("/* open comment", false)]
    public void Is_complete_follows_Roslyn(string code, bool complete) => Assert.Equal(complete, SessionWorkspace.IsComplete(code));
}
