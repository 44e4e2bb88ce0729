using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

/// <summary>Each kind of damage, on a copy of the MNIST files in a temp data folder, loaded by explicit path.</summary>
[Trait("Category", "FullData")]
public class CorruptedDataTests
{
    private const string TestImages = "mnist/t10k-images-idx3-ubyte";
    private const string TestLabels = "mnist/t10k-labels-idx1-ubyte";

    private static DatasetException LoadFails(TempDataFolder temp, DatasetErrorKind kind)
    {
        var ex = Assert.Throws<DatasetException>(() => Mnist.Load(temp.Root));
        Assert.Equal(kind, ex.Kind);
        // LoadRaw goes through the same checks.
        Assert.Equal(kind, Assert.Throws<DatasetException>(() => Mnist.LoadRaw(temp.Root)).Kind);
        return ex;
    }

    [Fact]
    public void Intact_copy_loads_and_raw_files_work_like_gz()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        temp.Rewrite(TestImages, c => c);
        temp.Rewrite(TestLabels, c => c);
        var (train, test) = Mnist.Load(temp.Root);
        Assert.Equal(60_000, train.Count);
        Assert.Equal(new[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }, test.Labels[..10]);
    }

    [Fact]
    public void Missing_file_says_where_it_looked_and_how_to_get_it()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        File.Delete(temp.PathOf(TestLabels + ".gz"));
        var ex = LoadFails(temp, DatasetErrorKind.MissingFile);
        Assert.Contains(temp.PathOf(TestLabels + ".gz"), ex.Message);
        Assert.Contains(temp.PathOf(TestLabels), ex.Message);
        Assert.Contains("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz", ex.Message);
        Assert.Contains("data/README.md", ex.Message);
    }

    [Fact]
    public void Truncated_file_names_file_and_expected_length()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string path = temp.Rewrite(TestImages, c => c[..(c.Length / 2)]);
        var ex = LoadFails(temp, DatasetErrorKind.Truncated);
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message);
        Assert.Contains("7840016", ex.Message); // 16-byte header + 10000·784
    }

    [Fact]
    public void Truncated_gzip_is_reported_not_returned()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string gz = temp.PathOf(TestImages + ".gz");
        byte[] bytes = File.ReadAllBytes(gz);
        File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<DatasetException>(() => Mnist.Load(temp.Root));
        Assert.Contains(ex.Kind, new[] { DatasetErrorKind.Truncated, DatasetErrorKind.BadCompression });
        Assert.Equal(gz, ex.FilePath);
    }

    [Fact]
    public void Corrupt_gzip_is_bad_compression()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string gz = temp.PathOf(TestLabels + ".gz");
        byte[] bytes = File.ReadAllBytes(gz);
        for (int i = 10; i < 40; i++) bytes[i] = 0xFF;
        File.WriteAllBytes(gz, bytes);
        var ex = LoadFails(temp, DatasetErrorKind.BadCompression);
        Assert.Contains(gz, ex.Message);
    }

    [Fact]
    public void Wrong_magic_names_file_and_expected_magic()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string path = temp.Rewrite(TestLabels, c => TempDataFolder.WithInt32(c, 0, 2051));
        var ex = LoadFails(temp, DatasetErrorKind.WrongMagic);
        Assert.Contains(path, ex.Message);
        Assert.Contains("2049", ex.Message);
    }

    [Fact]
    public void Wrong_dimensions_name_file_and_expected_size()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string path = temp.Rewrite(TestImages, c => TempDataFolder.WithInt32(c, 8, 27));
        var ex = LoadFails(temp, DatasetErrorKind.WrongDimensions);
        Assert.Contains(path, ex.Message);
        Assert.Contains("27×28", ex.Message);
        Assert.Contains("28×28", ex.Message);
    }

    [Fact]
    public void Image_label_count_mismatch_names_both_files()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        // A well-formed label file with one label fewer.
        string path = temp.Rewrite(TestLabels, c => TempDataFolder.WithInt32(c[..^1], 4, 9_999));
        var ex = LoadFails(temp, DatasetErrorKind.CountMismatch);
        Assert.Contains(path, ex.Message);
        Assert.Contains(temp.PathOf(TestImages + ".gz"), ex.Message);
        Assert.Contains("10000 images", ex.Message);
        Assert.Contains("9999 labels", ex.Message);
    }

    [Fact]
    public void Label_out_of_class_range_is_reported()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string path = temp.Rewrite(TestLabels, c => { c[8 + 5] = 10; return c; });
        var ex = LoadFails(temp, DatasetErrorKind.BadLabel);
        Assert.Contains(path, ex.Message);
        Assert.Contains("label 5 is 10", ex.Message);
    }

    [Fact]
    public void Checksum_mismatch_names_file_and_expected_hash()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string path = temp.Rewrite(TestImages, c => { c[16 + 784 * 5000 + 400] ^= 0x01; return c; });
        var ex = LoadFails(temp, DatasetErrorKind.ChecksumMismatch);
        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message);
        Assert.Contains("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", ex.Message);
    }

    [Fact]
    public void File_missing_from_the_manifest_cannot_be_loaded_unchecked()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        string manifest = temp.PathOf(DatasetManifest.FileName);
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Where(l => !l.EndsWith(TestImages, StringComparison.Ordinal)));
        var ex = LoadFails(temp, DatasetErrorKind.BadManifest);
        Assert.Contains(TestImages, ex.Message);
        Assert.Contains(manifest, ex.Message);
    }

    [Fact]
    public void Folder_without_manifest_is_rejected()
    {
        using var temp = new TempDataFolder();
        var ex = Assert.Throws<DatasetException>(() => FashionMnist.Load(temp.Root));
        Assert.Equal(DatasetErrorKind.MissingFile, ex.Kind);
        Assert.Contains(Path.Combine(temp.Root, "SHA256SUMS"), ex.Message);
        Assert.Contains("dataDirectory argument", ex.Message);
    }
}
