using NeuralNotebooks.IO;

namespace NeuralNotebooks.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nn-atomic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Writes_utf8_without_a_bom_creating_the_folder_and_leaving_no_temporary_file()
    {
        string path = Path.Combine(_folder, "sub", "a.txt");
        AtomicFile.WriteAllText(path, "héllo");
        Assert.Equal("h\u00e9llo"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["a.txt"], Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Replaces_an_existing_file_whole()
    {
        string path = Path.Combine(_folder, "b.bin");
        AtomicFile.WriteAllBytes(path, new byte[1000]);
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failing_writer_leaves_the_old_file_and_no_temporary_file()
    {
        string path = Path.Combine(_folder, "c.txt");
        AtomicFile.WriteAllText(path, "old");
        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half of the new"u8);
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("disk full", e.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_target_that_cannot_be_replaced_is_an_io_error_and_nothing_is_left_behind()
    {
        string target = Path.Combine(_folder, "dir-not-file");
        Directory.CreateDirectory(target);          // a folder where the file should go: the rename fails
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(target, "x"));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Temporary_files_of_a_killed_save_are_deleted_by_the_next_save_in_that_folder()
    {
        Directory.CreateDirectory(_folder);
        string stale = Path.Combine(_folder, $".model.weights.{Guid.NewGuid():N}.tmp");     // what a killed save leaves
        string otherStale = Path.Combine(_folder, $".page.html.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(stale, new byte[4096]);
        File.WriteAllBytes(otherStale, new byte[10]);
        string notOurs = Path.Combine(_folder, ".notes.tmp");
        File.WriteAllText(notOurs, "a user's file");

        AtomicFile.WriteAllText(Path.Combine(_folder, "model.weights"), "new");

        Assert.Equal([".notes.tmp", "model.weights"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_temporary_file_held_by_a_save_in_progress_is_left_alone()
    {
        Directory.CreateDirectory(_folder);
        string running = Path.Combine(_folder, $".big.bin.{Guid.NewGuid():N}.tmp");
        // Held as a running save holds it (exclusively, until its rename).
        using (var held = new FileStream(running, FileMode.CreateNew, FileAccess.Write,
                   OperatingSystem.IsWindows() ? FileShare.Delete : FileShare.None))
        {
            held.Write(new byte[100]);
            AtomicFile.WriteAllText(Path.Combine(_folder, "other.txt"), "x");
            Assert.True(File.Exists(running));
        }
    }

    [Fact]
    public void The_content_is_complete_in_a_temporary_file_beside_the_target_before_the_old_file_is_replaced()
    {
        string path = Path.Combine(_folder, "pic.png");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        (string Temp, long TempLength, byte[] TargetBytes)? seen = null;
        // (The temporary file itself is locked until the rename: only its length can be seen from outside.)
        AtomicFile.BeforeReplace.Value = (temp, target) => seen = (temp, new FileInfo(temp).Length, File.ReadAllBytes(target));
        try { AtomicFile.WriteAllBytes(path, [4, 5, 6, 7]); }
        finally { AtomicFile.BeforeReplace.Value = null; }

        Assert.Equal(_folder, Path.GetDirectoryName(seen!.Value.Temp));
        Assert.Equal(4, seen.Value.TempLength);
        Assert.Equal(new byte[] { 1, 2, 3 }, seen.Value.TargetBytes);
        Assert.Equal(new byte[] { 4, 5, 6, 7 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failure_at_the_last_moment_leaves_the_old_file_and_names_the_target_not_the_temporary_file()
    {
        string path = Path.Combine(_folder, "pic.png");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        AtomicFile.BeforeReplace.Value = (temp, _) => throw new IOException($"No space left on device : '{temp}'");
        IOException e;
        try { e = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, new byte[1000])); }
        finally { AtomicFile.BeforeReplace.Value = null; }

        Assert.Equal($"Could not save '{path}': No space left on device : '{path}' The file was left as it was.", e.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_path_naming_a_folder_is_an_argument_error()
    {
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllText(_folder + Path.DirectorySeparatorChar, "x")).ParamName);
    }

    [Theory]
    [InlineData(".a.txt.0123456789abcdef0123456789abcdef.tmp", true)]
    [InlineData("..0123456789abcdef0123456789abcdef.tmp", false)]         // no name
    [InlineData(".a.txt.0123456789ABCDEF0123456789abcdef.tmp", false)]    // Guid "N" is lowercase
    [InlineData(".a.txt.0123456789abcdef0123456789abcde.tmp", false)]     // 31 digits
    [InlineData("a.txt.0123456789abcdef0123456789abcdef.tmp", false)]     // not hidden
    [InlineData(".notes.tmp", false)]
    public void Only_this_class_s_temporary_names_count_as_temporary(string name, bool expected) =>
        Assert.Equal(expected, AtomicFile.IsTemporaryName(name));

    [Fact]
    public void Arguments_are_named()
    {
        Assert.Equal("path", Assert.ThrowsAny<ArgumentException>(() => AtomicFile.WriteAllText("", "x")).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => AtomicFile.WriteAllText("a", null!)).ParamName);
        Assert.Equal("write", Assert.Throws<ArgumentNullException>(() => AtomicFile.Write("a", null!)).ParamName);
    }
}
