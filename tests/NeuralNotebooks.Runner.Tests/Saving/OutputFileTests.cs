using NeuralNotebooks.Runner.Saving;

namespace NeuralNotebooks.Runner.Tests;

public class OutputFileTests
{
    private static string Temp(string folder, string target, TimeSpan age)
    {
        var path = Path.Combine(folder, $".{target}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(path, "half a save");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
        return path;
    }

    [Fact]
    public void A_save_deletes_the_temporary_files_killed_saves_left_and_nothing_a_running_save_holds()
    {
        var folder = TestNotebooks.NewFolder();
        var stale = Temp(folder, "lesson.ipynb", TimeSpan.FromHours(2));
        var other = Temp(folder, "other.ipynb", TimeSpan.Zero);         // another target's killed save
        var unrelated = Path.Combine(folder, ".lesson.ipynb.notours.tmp");
        File.WriteAllText(unrelated, "");
        var held = Temp(folder, "lesson.ipynb", TimeSpan.FromHours(2));
        using (new FileStream(held, FileMode.Open, FileAccess.Write, FileShare.None)) // a save that is still writing
            OutputFile.WriteAllText(Path.Combine(folder, "lesson.ipynb"), "{}");
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(other));
        Assert.True(File.Exists(unrelated));
        Assert.True(File.Exists(held));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(folder, "lesson.ipynb")));
    }

    [Fact]
    public void A_failed_write_names_the_target_not_the_temporary_file()
    {
        var folder = TestNotebooks.NewFolder();
        var target = Path.Combine(folder, "page.html");
        Directory.CreateDirectory(target);
        var e = Assert.Throws<OutputException>(() => OutputFile.WriteAllText(target, "x"));
        Assert.StartsWith($"cannot write {target}: ", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Equal(target, e.TargetPath);
    }
}
