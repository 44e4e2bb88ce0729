using System.Buffers.Binary;
using System.Runtime.Versioning;
using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

/// <summary>
/// The catalogue of bad dataset files — each named, with the <see cref="DatasetErrorKind"/> it must give and the file it
/// must name. Small files made here (the damaged copies of the real MNIST files are in <see cref="CorruptedDataTests"/>).
/// </summary>
public sealed class DatasetCatalogueTests : IDisposable
{
    private readonly TempDataFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>An IDX header (big-endian magic and sizes) followed by <paramref name="dataBytes"/> zero bytes.</summary>
    internal static byte[] Idx(int magic, int[] sizes, long dataBytes)
    {
        var bytes = new byte[4 + 4 * sizes.Length + dataBytes];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < sizes.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), sizes[d]);
        return bytes;
    }

    public static TheoryData<string> Names => new(
    [
        "missing file",
        "a folder where the file should be",
        "empty file",
        "3 bytes",
        "wrong magic number",
        "a label file read as images",
        "an image file read as labels",
        "images of 27×28 pixels",
        "a negative dimension",
        "dimensions too large for an array",
        "header declares more data than follows",
        "bytes after the data",
        "starts like gzip but is not gzip",
    ]);

    private (byte[]? Content, Func<string, object> Read, DatasetErrorKind Kind, string[] Message) Build(string name) => name switch
    {
        "missing file" => (null, IdxReader.Read, DatasetErrorKind.MissingFile, ["does not exist"]),
        "a folder where the file should be" => (null, IdxReader.Read, DatasetErrorKind.Unreadable, ["cannot be read", "a folder"]),
        "empty file" => ([], IdxReader.Read, DatasetErrorKind.Truncated, ["0 bytes"]),
        "3 bytes" => ([0, 0, 8], IdxReader.Read, DatasetErrorKind.Truncated, ["3 bytes"]),
        "wrong magic number" => (Idx(0x0D03, [1, 28, 28], 784), p => IdxReader.ReadImages(p), DatasetErrorKind.WrongMagic, ["2051"]),
        "a label file read as images" => (Idx(IdxReader.LabelMagic, [5], 5), p => IdxReader.ReadImages(p), DatasetErrorKind.WrongMagic, ["2049", "2051"]),
        "an image file read as labels" => (Idx(IdxReader.ImageMagic, [1, 28, 28], 784), IdxReader.ReadLabels, DatasetErrorKind.WrongMagic, ["2051", "2049"]),
        "images of 27×28 pixels" => (Idx(IdxReader.ImageMagic, [2, 27, 28], 2 * 27 * 28), p => IdxReader.ReadImages(p), DatasetErrorKind.WrongDimensions, ["27×28", "28×28"]),
        "a negative dimension" => (Idx(IdxReader.LabelMagic, [-1], 0), IdxReader.ReadLabels, DatasetErrorKind.WrongDimensions, ["-1"]),
        "dimensions too large for an array" => (Idx(0x0803, [100_000, 100_000, 100_000], 0), IdxReader.Read, DatasetErrorKind.WrongDimensions, ["more data than an array can hold"]),
        "header declares more data than follows" => (Idx(IdxReader.LabelMagic, [10], 7), IdxReader.ReadLabels, DatasetErrorKind.Truncated, ["truncated", "10 data bytes but only 7"]),
        "bytes after the data" => (Idx(IdxReader.LabelMagic, [10], 12), IdxReader.ReadLabels, DatasetErrorKind.Truncated, ["too long", "12 follow"]),
        "starts like gzip but is not gzip" => ([0x1F, 0x8B, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18], IdxReader.Read, DatasetErrorKind.BadCompression, ["not a valid gzip stream"]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_file_is_a_dataset_exception_naming_the_file_and_the_cause(string name)
    {
        var (content, read, kind, message) = Build(name);
        string path = _temp.PathOf("file-idx");
        if (content is not null) File.WriteAllBytes(path, content);
        if (name == "a folder where the file should be") Directory.CreateDirectory(path);

        var e = Assert.Throws<DatasetException>(() => read(path));
        Assert.Equal(kind, e.Kind);
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message);
        foreach (string part in message) Assert.Contains(part, e.Message);
    }

    [UnprivilegedFact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_without_read_permission_is_a_dataset_exception_not_an_access_exception()
    {
        string path = _temp.PathOf("locked-idx");
        File.WriteAllBytes(path, Idx(IdxReader.LabelMagic, [3], 3));
        File.SetUnixFileMode(path, UnixFileMode.None);
        var e = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(path));
        Assert.Equal(DatasetErrorKind.Unreadable, e.Kind);
        Assert.Contains($"'{path}' cannot be read: permission denied", e.Message);
        Assert.IsType<UnauthorizedAccessException>(e.InnerException);
    }

    [UnprivilegedFact]
    [UnsupportedOSPlatform("windows")]
    public void A_manifest_without_read_permission_is_a_dataset_exception()
    {
        string manifest = _temp.PathOf(DatasetManifest.FileName);
        File.WriteAllText(manifest, "");
        File.SetUnixFileMode(manifest, UnixFileMode.None);
        var e = Assert.Throws<DatasetException>(() => DatasetManifest.Load(_temp.Root));
        Assert.Equal(DatasetErrorKind.Unreadable, e.Kind);
        Assert.Contains("permission denied", e.Message);
    }

    [Fact]
    public void A_folder_in_place_of_the_manifest_is_a_dataset_exception_naming_it()
    {
        string manifest = _temp.PathOf(DatasetManifest.FileName);
        Directory.CreateDirectory(manifest);
        var e = Assert.Throws<DatasetException>(() => DatasetManifest.Load(_temp.Root));
        Assert.Equal(DatasetErrorKind.Unreadable, e.Kind);
        Assert.Equal(manifest, e.FilePath);
        Assert.Contains("a folder", e.Message);
    }

    [Fact]
    public void A_malformed_manifest_line_is_named_by_number()
    {
        File.WriteAllLines(_temp.PathOf(DatasetManifest.FileName), ["", "not a checksum  mnist/x"]);
        var e = Assert.Throws<DatasetException>(() => DatasetManifest.Load(_temp.Root));
        Assert.Equal(DatasetErrorKind.BadManifest, e.Kind);
        Assert.Contains("line 2", e.Message);
    }
}

/// <summary>A fact that needs file permissions to hold: skipped (with the reason) when the tests run as root or
/// Administrator, who can read any file, and on Windows, where Unix file modes do not exist.</summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file modes are needed to deny reading a file.";
        else if (Environment.IsPrivilegedProcess) Skip = "Running as root, which reads every file: permission cannot be denied here.";
    }
}
