using System.Buffers.Binary;
using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

public class IdxReaderTests
{
    /// <summary>An IDX file of unsigned bytes: magic 0x000008DD, sizes, then data i % 251.</summary>
    private static byte[] Idx(int magic, int[] dims, int? dataLength = null)
    {
        long n = 1;
        foreach (int d in dims) n *= d;
        int length = dataLength ?? (int)n;
        var bytes = new byte[4 + 4 * dims.Length + length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dims.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dims[d]);
        for (int i = 0; i < length; i++) bytes[4 + 4 * dims.Length + i] = (byte)(i % 251);
        return bytes;
    }

    [Fact]
    public void Magic_numbers_are_the_documented_ones()
    {
        Assert.Equal(2049, IdxReader.LabelMagic);
        Assert.Equal(2051, IdxReader.ImageMagic);
    }

    [Fact]
    public void Parses_an_image_file_header_and_items()
    {
        var idx = IdxReader.ParseImages(Idx(2051, [3, 2, 4]), "x", height: 2, width: 4);
        Assert.Equal(new[] { 3, 2, 4 }, idx.Dimensions);
        Assert.Equal(3, idx.Count);
        Assert.Equal(8, idx.ItemLength);
        Assert.Equal(24, idx.DataLength);
        Assert.Equal(2051, idx.Magic);
        Assert.Equal(new byte[] { 8, 9, 10, 11, 12, 13, 14, 15 }, idx.Item(1).ToArray());
        Assert.Equal(24, idx.ToArray().Length);
        Assert.Throws<ArgumentOutOfRangeException>("index", () => idx.Item(3));
    }

    [Fact]
    public void Parses_a_label_file()
    {
        var idx = IdxReader.ParseLabels(Idx(2049, [5]), "labels");
        Assert.Equal(5, idx.Count);
        Assert.Equal(1, idx.ItemLength);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4 }, idx.Data.ToArray());
    }

    [Fact]
    public void Generic_parse_accepts_any_unsigned_byte_rank()
    {
        var idx = IdxReader.Parse(Idx(0x0802, [2, 3]), "m");
        Assert.Equal(new[] { 2, 3 }, idx.Dimensions);
        var ex = Assert.Throws<DatasetException>(() => IdxReader.Parse(Idx(0x0D01, [2], dataLength: 2), "floats"));
        Assert.Equal(DatasetErrorKind.WrongMagic, ex.Kind);
    }

    [Fact]
    public void Wrong_magic_names_the_file_and_the_expected_number()
    {
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ParseLabels(Idx(2051, [1, 1, 1]), "/d/labels.idx"));
        Assert.Equal(DatasetErrorKind.WrongMagic, ex.Kind);
        Assert.Contains("/d/labels.idx", ex.Message);
        Assert.Contains("2049", ex.Message);
        Assert.Contains("2051", ex.Message);
        Assert.Equal("/d/labels.idx", ex.FilePath);
    }

    [Fact]
    public void Wrong_image_size_is_reported_before_length()
    {
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ParseImages(Idx(2051, [2, 27, 28], dataLength: 2 * 784), "img"));
        Assert.Equal(DatasetErrorKind.WrongDimensions, ex.Kind);
        Assert.Contains("27×28", ex.Message);
        Assert.Contains("28×28", ex.Message);
    }

    [Fact]
    public void Negative_dimension_is_rejected()
    {
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ParseLabels(Idx(2049, [-1], dataLength: 0), "l"));
        Assert.Equal(DatasetErrorKind.WrongDimensions, ex.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void Short_content_is_truncated(int keep)
    {
        byte[] full = Idx(2049, [5]);
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ParseLabels(full[..keep], "l"));
        Assert.Equal(DatasetErrorKind.Truncated, ex.Kind);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Extra_bytes_after_the_data_are_rejected()
    {
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ParseLabels(Idx(2049, [5], dataLength: 6), "l"));
        Assert.Equal(DatasetErrorKind.Truncated, ex.Kind);
        Assert.Contains("too long", ex.Message);
    }

    [Fact]
    public void Reads_raw_and_gzip_files_alike()
    {
        using var temp = new TempDataFolder();
        byte[] content = Idx(2051, [4, 28, 28]);
        File.WriteAllBytes(temp.PathOf("a.idx"), content);
        File.WriteAllBytes(temp.PathOf("a.idx.gz"), TempDataFolder.Gzip(content));
        Assert.Equal(content, IdxReader.ReadAllBytes(temp.PathOf("a.idx")));
        Assert.Equal(content, IdxReader.ReadAllBytes(temp.PathOf("a.idx.gz")));
        Assert.Equal(4, IdxReader.ReadImages(temp.PathOf("a.idx.gz")).Count);
        Assert.Equal(4, IdxReader.Read(temp.PathOf("a.idx")).Count);
    }

    [Fact]
    public void Multi_member_gzip_decompresses_fully_although_the_trailer_gives_only_the_last_size()
    {
        using var temp = new TempDataFolder();
        byte[] content = Idx(2049, [3000]);
        byte[] gz = [.. TempDataFolder.Gzip(content[..2000]), .. TempDataFolder.Gzip(content[2000..])];
        File.WriteAllBytes(temp.PathOf("l.gz"), gz);
        Assert.Equal(content, IdxReader.ReadAllBytes(temp.PathOf("l.gz")));
        Assert.Equal(3000, IdxReader.ReadLabels(temp.PathOf("l.gz")).Count);
    }

    [Fact]
    public void Gzip_whose_trailer_does_not_match_is_bad_compression()
    {
        using var temp = new TempDataFolder();
        byte[] gz = TempDataFolder.Gzip(Idx(2049, [3000]));
        gz[^1] ^= 0x40; // ISIZE no longer matches the content
        File.WriteAllBytes(temp.PathOf("l.gz"), gz);
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadAllBytes(temp.PathOf("l.gz")));
        Assert.Equal(DatasetErrorKind.BadCompression, ex.Kind);
    }

    [Fact]
    public void Invalid_gzip_is_bad_compression()
    {
        using var temp = new TempDataFolder();
        File.WriteAllBytes(temp.PathOf("bad.gz"), [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadAllBytes(temp.PathOf("bad.gz")));
        Assert.Equal(DatasetErrorKind.BadCompression, ex.Kind);
        Assert.Contains(temp.PathOf("bad.gz"), ex.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        using var temp = new TempDataFolder();
        var ex = Assert.Throws<DatasetException>(() => IdxReader.ReadLabels(temp.PathOf("none.gz")));
        Assert.Equal(DatasetErrorKind.MissingFile, ex.Kind);
        Assert.Equal(temp.PathOf("none.gz"), ex.FilePath);
    }

    [Fact]
    public void Preconditions_name_the_argument()
    {
        Assert.Throws<ArgumentException>("path", () => IdxReader.ReadAllBytes(""));
        var h = Assert.Throws<ArgumentOutOfRangeException>("height", () => IdxReader.ParseImages(Idx(2051, [1, 1, 1]), "x", 0, 1));
        Assert.Contains("0", h.Message);
        Assert.Throws<ArgumentOutOfRangeException>("width", () => IdxReader.ParseImages(Idx(2051, [1, 1, 1]), "x", 1, -2));
        Assert.Throws<ArgumentOutOfRangeException>("height", () => IdxReader.ReadImages("x", -1, 28));
    }
}
