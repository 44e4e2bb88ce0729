using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuralNotebooks.Datasets;

/// <summary>
/// Reads IDX files (the MNIST file format), raw or gzip-compressed, and validates their headers.
/// </summary>
/// <remarks>
/// <para>Header, all big-endian: magic <c>0x0000TTDD</c> (TT = 0x08 unsigned byte, DD = number of dimensions), then
/// DD int32 sizes. Only unsigned-byte files are supported (that is what MNIST and Fashion-MNIST use).</para>
/// <para>Gzip is recognised by its first two bytes (0x1F 0x8B), not by the file name. The whole file is decompressed
/// into one array sized from the gzip trailer, so there is no intermediate copy.</para>
/// <para>Every failure is a <see cref="DatasetException"/> naming the file and what was expected; nothing is returned
/// for a file that does not exactly match its header (too short or too long).</para>
/// </remarks>
public static class IdxReader
{
    /// <summary>Magic number of an IDX label file: unsigned bytes, one dimension (0x00000801).</summary>
    public const int LabelMagic = 0x0801;

    /// <summary>Magic number of an IDX image file: unsigned bytes, three dimensions (0x00000803).</summary>
    public const int ImageMagic = 0x0803;

    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads a file's bytes, decompressing it when it is gzip.</summary>
    /// <param name="path">A raw or gzip-compressed file.</param>
    /// <returns>The (decompressed) content, in an array of exactly its length.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="DatasetException">The file does not exist (<see cref="DatasetErrorKind.MissingFile"/>), cannot
    /// be read (<see cref="DatasetErrorKind.Unreadable"/>: permission denied, a folder) or is not a valid gzip stream
    /// (<see cref="DatasetErrorKind.BadCompression"/>).</exception>
    public static byte[] ReadAllBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0) throw new ArgumentException("path must not be empty.", nameof(path));
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            Span<byte> head = stackalloc byte[2];
            int headLength = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            file.Position = 0;
            if (headLength == 2 && head[0] == 0x1F && head[1] == 0x8B)
                return Gunzip(file, path);
            if (file.Length > Array.MaxLength)
                throw new DatasetException(DatasetErrorKind.WrongDimensions,
                    $"'{path}' is {file.Length} bytes long, more than an array can hold.", path);
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException(DatasetErrorKind.MissingFile, $"'{path}' does not exist.", path, e);
        }
        catch (Exception e) when (DatasetException.IsReadFailure(e))
        {
            throw DatasetException.Unreadable(path, e);
        }
    }

    /// <summary>Reads and parses an IDX file of unsigned bytes with any number of dimensions.</summary>
    /// <param name="path">A raw or gzip-compressed IDX file.</param>
    /// <exception cref="DatasetException">The file is missing, damaged or not an unsigned-byte IDX file.</exception>
    public static IdxArray Read(string path) => Parse(ReadAllBytes(path), path);

    /// <summary>Reads a label file (magic 2049, one dimension).</summary>
    /// <param name="path">A raw or gzip-compressed IDX label file.</param>
    /// <exception cref="DatasetException">The file is missing, damaged or not a label file.</exception>
    public static IdxArray ReadLabels(string path) => ParseLabels(ReadAllBytes(path), path);

    /// <summary>Reads an image file (magic 2051) whose images are <paramref name="height"/>×<paramref name="width"/>.</summary>
    /// <param name="path">A raw or gzip-compressed IDX image file.</param>
    /// <param name="height">Expected rows per image (28 for MNIST).</param>
    /// <param name="width">Expected columns per image (28 for MNIST).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    /// <exception cref="DatasetException">The file is missing, damaged, not an image file or has other image dimensions.</exception>
    public static IdxArray ReadImages(string path, int height = 28, int width = 28)
    {
        CheckImageSize(height, width);
        return ParseImages(ReadAllBytes(path), path, height, width);
    }

    /// <summary>Parses the content of a label file: magic 2049, one dimension.</summary>
    /// <param name="content">The decompressed file content.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <exception cref="DatasetException">Wrong magic, or length different from the header's.</exception>
    public static IdxArray ParseLabels(byte[] content, string source) => Parse(content, source, LabelMagic, "a label file");

    /// <summary>Parses the content of an image file: magic 2051, dimensions N × <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <param name="content">The decompressed file content.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <param name="height">Expected rows per image.</param>
    /// <param name="width">Expected columns per image.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    /// <exception cref="DatasetException">Wrong magic, wrong image dimensions, or length different from the header's.</exception>
    public static IdxArray ParseImages(byte[] content, string source, int height = 28, int width = 28)
    {
        CheckImageSize(height, width);
        return Parse(content, source, ImageMagic, "an image file", (height, width));
    }

    /// <summary>Parses IDX content of unsigned bytes with any number of dimensions.</summary>
    /// <param name="content">The decompressed file content.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <exception cref="DatasetException">Not an unsigned-byte IDX header, or length different from the header's.</exception>
    public static IdxArray Parse(byte[] content, string source) => Parse(content, source, expectedMagic: null, what: "an IDX file");

    private static IdxArray Parse(byte[] content, string source, int? expectedMagic, string what, (int Height, int Width)? imageSize = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(source);
        if (content.Length < 4)
            throw new DatasetException(DatasetErrorKind.Truncated,
                $"'{source}' is truncated: {content.Length} bytes, not even the 4-byte IDX magic number of {what}.", source);

        int magic = BinaryPrimitives.ReadInt32BigEndian(content);
        int rank = magic & 0xFF;
        bool magicOk = expectedMagic is int m
            ? magic == m
            : (magic >> 16) == 0 && ((magic >> 8) & 0xFF) == UnsignedByteType && rank >= 1;
        if (!magicOk)
        {
            string expected = expectedMagic is int e
                ? $"{e} (0x{e:X8})"
                : "0x000008DD (unsigned bytes, DD ≥ 1 dimensions)";
            throw new DatasetException(DatasetErrorKind.WrongMagic,
                $"'{source}': IDX magic number is {magic} (0x{magic:X8}) but {what} must start with {expected}.", source);
        }

        int headerLength = 4 + 4 * rank;
        if (content.Length < headerLength)
            throw new DatasetException(DatasetErrorKind.Truncated,
                $"'{source}' is truncated: {content.Length} bytes, shorter than its {headerLength}-byte IDX header.", source);

        var dimensions = new int[rank];
        long dataLength = 1;
        for (int d = 0; d < rank; d++)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(4 + 4 * d));
            if (size < 0)
                throw new DatasetException(DatasetErrorKind.WrongDimensions,
                    $"'{source}': dimension {d} is {size}; IDX sizes must be ≥ 0.", source);
            dimensions[d] = size;
            dataLength *= size;
            if (dataLength > Array.MaxLength)
                throw new DatasetException(DatasetErrorKind.WrongDimensions,
                    $"'{source}': dimensions {string.Join("×", dimensions.Take(d + 1))} declare more data than an array can hold.", source);
        }

        // Dimensions before length: "images are 27×28" says more than "file too long".
        if (imageSize is (int h, int w) && (dimensions[1] != h || dimensions[2] != w))
            throw new DatasetException(DatasetErrorKind.WrongDimensions,
                $"'{source}': its header declares {dimensions[0]} images of {dimensions[1]}×{dimensions[2]} pixels but {h}×{w} were expected.", source);

        long actual = content.Length - (long)headerLength;
        if (actual != dataLength)
        {
            string shape = string.Join("×", dimensions);
            string problem = actual < dataLength
                ? $"is truncated: its header declares {shape} = {dataLength} data bytes but only {actual} follow"
                : $"is too long: its header declares {shape} = {dataLength} data bytes but {actual} follow";
            throw new DatasetException(DatasetErrorKind.Truncated,
                $"'{source}' {problem} (content length {content.Length} bytes after any decompression, expected {headerLength + dataLength}).", source);
        }

        return new IdxArray(source, magic, dimensions, content, headerLength, (int)dataLength);
    }

    private static void CheckImageSize(int height, int width)
    {
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be > 0.");
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be > 0.");
    }

    /// <summary>Decompresses a whole gzip file into one array sized from the gzip trailer (ISIZE).</summary>
    private static byte[] Gunzip(FileStream file, string path)
    {
        long compressedLength = file.Length;
        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(1024, compressedLength * 4));
        if (compressedLength >= 18) // 10-byte header + 8-byte trailer: the smallest gzip member
        {
            Span<byte> trailer = stackalloc byte[4];
            file.Position = compressedLength - 4;
            file.ReadExactly(trailer);
            file.Position = 0;
            // ISIZE = uncompressed length mod 2^32. Trust it only if deflate could produce that much (≤ ~1032:1).
            uint isize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            if (isize <= Array.MaxLength && isize <= compressedLength * 1032 + 1024)
                capacity = (int)isize;
        }

        var buffer = GC.AllocateUninitializedArray<byte>(capacity); // only [0, filled) is kept
        int filled = 0;
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            Span<byte> probe = stackalloc byte[1];
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // Full: either exactly done (the usual case, ISIZE was right) or the hint was short.
                    if (gzip.Read(probe) == 0) break;
                    if (buffer.Length == Array.MaxLength)
                        throw new DatasetException(DatasetErrorKind.WrongDimensions,
                            $"'{path}' decompresses to more data than an array can hold.", path);
                    Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max(1024, buffer.Length * 2L)));
                    buffer[filled++] = probe[0];
                    continue;
                }
                int read = gzip.Read(buffer, filled, buffer.Length - filled);
                if (read == 0) break;
                filled += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(DatasetErrorKind.BadCompression,
                $"'{path}' starts like gzip but is not a valid gzip stream ({e.Message}). Re-fetch the file (see data/README.md).", path, e);
        }

        if (filled != buffer.Length) Array.Resize(ref buffer, filled);
        return buffer;
    }
}
