using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

public class DatasetManifestTests
{
    private const string HashA = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db";
    private const string HashB = "65A50CBBF4E906D70832878AD85CCDA5333A97F0F4C3DD2EF09A8A9EEF7101C5";

    [Fact]
    public void Parses_text_and_binary_mode_lines_and_normalises_paths()
    {
        var m = DatasetManifest.Parse([$"{HashA}  mnist/a", "", $"{HashB} *./mnist/b\r"], "/d/SHA256SUMS");
        Assert.Equal(HashA, m.ExpectedHash("mnist/a"));
        Assert.Equal(HashB.ToLowerInvariant(), m.ExpectedHash("mnist\\b"));
        Assert.True(m.Contains("./mnist/a"));
        Assert.Equal(2, m.Files.Count);
        Assert.Equal("/d/SHA256SUMS", m.Path);
    }

    [Theory]
    [InlineData("not a hash  mnist/a")]
    [InlineData("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776d  mnist/a")]
    [InlineData("zz891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  mnist/a")]
    [InlineData("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db mnist/a")]
    [InlineData("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  ")]
    public void Malformed_lines_are_rejected_with_their_number(string line)
    {
        var ex = Assert.Throws<DatasetException>(() => DatasetManifest.Parse([$"{HashA}  ok", line], "/d/SHA256SUMS"));
        Assert.Equal(DatasetErrorKind.BadManifest, ex.Kind);
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("/d/SHA256SUMS", ex.Message);
    }

    [Fact]
    public void Duplicate_entries_are_rejected()
    {
        var ex = Assert.Throws<DatasetException>(() => DatasetManifest.Parse([$"{HashA}  x", $"{HashB}  ./x"], "m"));
        Assert.Equal(DatasetErrorKind.BadManifest, ex.Kind);
        Assert.Contains("'x'", ex.Message);
    }

    [Fact]
    public void Missing_entry_names_the_file()
    {
        var m = DatasetManifest.Parse([$"{HashA}  mnist/a"], "m");
        var ex = Assert.Throws<DatasetException>(() => m.ExpectedHash("mnist/zzz"));
        Assert.Equal(DatasetErrorKind.BadManifest, ex.Kind);
        Assert.Contains("mnist/zzz", ex.Message);
    }

    [Fact]
    public void Missing_manifest_file_is_missing_file()
    {
        using var temp = new TempDataFolder();
        var ex = Assert.Throws<DatasetException>(() => DatasetManifest.Load(temp.Root));
        Assert.Equal(DatasetErrorKind.MissingFile, ex.Kind);
        Assert.Equal(Path.Combine(temp.Root, "SHA256SUMS"), ex.FilePath);
        Assert.Throws<ArgumentException>("dataDirectory", () => DatasetManifest.Load(""));
    }

    [Fact]
    public void Repository_manifest_lists_all_eight_files_with_the_official_hashes()
    {
        var m = DatasetManifest.Load(TempDataFolder.RepositoryData);
        Assert.Equal(8, m.Files.Count);
        Assert.Equal(HashA, m.ExpectedHash("mnist/train-images-idx3-ubyte"));
        Assert.Equal("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", m.ExpectedHash("fashion-mnist/train-images-idx3-ubyte"));
    }
}
