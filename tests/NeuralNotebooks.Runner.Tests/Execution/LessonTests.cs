using NeuralNotebooks.Runner.Execution;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>Every lesson in notebooks/ runs through the engine with no error and all its checks passing.</summary>
public class LessonTests
{
    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestNotebooks.RepositoryRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_runs_without_error_and_all_checks_pass(string lesson)
    {
        var path = Path.Combine(TestNotebooks.RepositoryRoot, "notebooks", lesson);
        var result = await new NotebookEngine().RunFileAsync(path);
        Assert.True(result.Error is null, result.Error);
        Assert.All(result.Cells, c => Assert.True(c.Status is CellStatus.Succeeded or CellStatus.Skipped, $"cell {c.Number}: {c.Status}: {c.Message}"));
        Assert.NotEmpty(result.Checks);
        Assert.All(result.Checks, c => Assert.True(c.Passed, $"cell {c.Cell}: {c.Name}: {c.Value} {c.Bound}"));
    }
}
