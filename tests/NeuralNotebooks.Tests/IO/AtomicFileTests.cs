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
    public void Arguments_are_named()
    {
        Assert.Equal("path", Assert.ThrowsAny<ArgumentException>(() => AtomicFile.WriteAllText("", "x")).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => AtomicFile.WriteAllText("a", null!)).ParamName);
        Assert.Equal("write", Assert.Throws<ArgumentNullException>(() => AtomicFile.Write("a", null!)).ParamName);
    }
}
