using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NeuralNotebooks.IO;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>
/// The binary format of <see cref="Sequential.SaveWeights"/>: a header that names the architecture, then each tensor,
/// then a SHA-256 checksum of all of it.
/// </summary>
/// <remarks>
/// <para>All integers are little-endian int32, strings are an int32 byte count followed by UTF-8, floats little-endian IEEE-754 binary32:</para>
/// <code>
/// magic        8 bytes  "NNWEIGHT"
/// version      int32    2
/// architecture string   e.g. "Input(2) -> Dense(32, relu) -> Dense(1, sigmoid)"
/// count        int32    number of tensors
/// count × { name string, rows int32, columns int32, rows·columns float32 (row-major) }
/// checksum     32 bytes SHA-256 of every byte before it (version 2 only)
/// </code>
/// <para>Version 1 files (no checksum) still load; the library writes version 2.</para>
/// <para>Loading reads the whole file and checks everything before the model is touched, in this order: magic, version,
/// checksum (so a damaged file says "damaged", not something odd about its content), tensor count and shapes, no bytes
/// after the last tensor, the architecture string (a file saved from <c>Dense(8, relu)</c> does not load into
/// <c>Dense(8, tanh)</c>: the numbers would mean something else), and finite values. Every error is an
/// <see cref="InvalidDataException"/> naming the file.</para>
/// <para>Saving builds the whole file in memory, then writes it with <see cref="AtomicFile"/>: a crash or a full disk
/// never leaves half a file, and the old file stays as it was.</para>
/// </remarks>
public static class WeightsFile
{
    /// <summary>The 8 magic bytes at the start of every weights file.</summary>
    public static ReadOnlySpan<byte> Magic => "NNWEIGHT"u8;

    /// <summary>The format version written by this library (2: with a SHA-256 checksum).</summary>
    public const int Version = 2;

    /// <summary>The first version, without a checksum; still read.</summary>
    public const int VersionWithoutChecksum = 1;

    private const int ChecksumLength = 32;
    private const int MaxStringBytes = 1 << 20;

    /// <summary>Writes <paramref name="tensors"/> with the header and checksum to <paramref name="path"/>, atomically.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">A tensor holds NaN or ±∞ (the file could never be loaded).</exception>
    /// <exception cref="IOException">The file cannot be written (the message names <paramref name="path"/>); nothing changed.</exception>
    public static void Save(string path, string architecture, IReadOnlyList<(string Name, Matrix Value)> tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(tensors);
        foreach (var (name, value) in tensors)
            if (NonFinite.IndexOf(value.Span) is int k and >= 0)
                throw new InvalidOperationException(
                    $"Not saving '{path}': {name} row {k / value.Columns}, column {k % value.Columns} is {ValueChecks.Text(value.Data[k])}; " +
                    "weights must be finite numbers (did training diverge?).");

        using var content = new MemoryStream();
        using (var w = new BinaryWriter(content, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            WriteString(w, architecture);
            w.Write(tensors.Count);
            foreach (var (name, value) in tensors)
            {
                WriteString(w, name);
                w.Write(value.Rows);
                w.Write(value.Columns);
                foreach (float f in value.Span) w.Write(f);
            }
        }
        var bytes = content.GetBuffer().AsMemory(0, (int)content.Length);
        byte[] checksum = SHA256.HashData(bytes.Span);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(bytes.Span);
            stream.Write(checksum);
        });
    }

    /// <summary>Reads a weights file and checks it against the expected architecture and tensors.</summary>
    /// <returns>The tensors, in file order (= expected order).</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="IOException">The file cannot be read (e.g. permission denied); the message names it.</exception>
    /// <exception cref="InvalidDataException">Not a weights file, another version, damaged (checksum), truncated, a
    /// NaN/±∞ weight, or another architecture (the message names both).</exception>
    public static IReadOnlyList<Matrix> Load(string path, string architecture, IReadOnlyList<(string Name, int Rows, int Columns)> expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(expected);
        return Parse(ReadFile(path), path, architecture, expected);
    }

    /// <summary>Checks the content of a weights file (as <see cref="Load"/> does) and returns its tensors.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="path">The file name used in messages.</param>
    /// <param name="architecture">The model's architecture line.</param>
    /// <param name="expected">The model's tensors: name and shape, in order.</param>
    /// <exception cref="InvalidDataException">See <see cref="Load"/>.</exception>
    internal static IReadOnlyList<Matrix> Parse(ReadOnlySpan<byte> file, string path, string architecture,
        IReadOnlyList<(string Name, int Rows, int Columns)> expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(expected);
        if (file.Length < Magic.Length || !file[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a NeuralNotebooks weights file (it does not start with \"NNWEIGHT\").");
        var r = new Reader(file, path);
        r.Skip(Magic.Length);
        int version = r.Int32();
        if (version == Version)
        {
            if (file.Length < Magic.Length + 4 + ChecksumLength) throw r.Truncated();
            var content = file[..^ChecksumLength];
            if (!SHA256.HashData(content).AsSpan().SequenceEqual(file[^ChecksumLength..]))
                throw new InvalidDataException(
                    $"'{path}' is damaged: its SHA-256 checksum does not match its content (the file was changed or cut after it was saved). " +
                    "Save the weights again.");
            r = new Reader(content, path);
            r.Skip(Magic.Length + 4);
        }
        else if (version != VersionWithoutChecksum)
        {
            throw new InvalidDataException(
                $"'{path}' has weights-file version {version}; this library reads versions {VersionWithoutChecksum} and {Version}.");
        }

        string fileArchitecture = r.String();
        int count = r.Int32();
        if (count != expected.Count)
            throw new InvalidDataException(
                $"'{path}' holds {count} tensors for architecture [{fileArchitecture}] but the model [{architecture}] has {expected.Count}.");
        var result = new Matrix[count];
        for (int i = 0; i < count; i++)
        {
            string name = r.String();
            int rows = r.Int32(), cols = r.Int32();
            var (expName, expRows, expCols) = expected[i];
            if (rows != expRows || cols != expCols)
                throw new InvalidDataException(
                    $"'{path}': tensor {i} ({name}) has shape ({rows}, {cols}) but the model's {expName} has shape ({expRows}, {expCols}). " +
                    $"File architecture: [{fileArchitecture}]; model architecture: [{architecture}].");
            var m = new Matrix(rows, cols);
            r.Floats(m.Span);
            result[i] = m;
        }
        if (r.Remaining > 0)
            throw new InvalidDataException($"'{path}' is damaged: {r.Remaining} unexpected bytes follow the last tensor.");
        if (fileArchitecture != architecture)
            throw new InvalidDataException(
                $"'{path}' holds the weights of [{fileArchitecture}] but the model is [{architecture}]: the shapes fit, but the " +
                "layers differ, so the numbers would mean something else. Build the model with the layers the file was saved from.");
        for (int i = 0; i < count; i++)
            if (NonFinite.IndexOf(result[i].Span) is int k and >= 0)
                throw new InvalidDataException(
                    $"'{path}' is damaged: tensor {i} ({expected[i].Name}) row {k / result[i].Columns}, column {k % result[i].Columns} " +
                    $"is {ValueChecks.Text(result[i].Data[k])}; weights must be finite numbers.");
        return result;
    }

    private static byte[] ReadFile(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"No weights file at '{full}'.", path);
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException and not FileNotFoundException)
        {
            throw new IOException($"Cannot read the weights file '{full}': {e.Message}", e);
        }
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    /// <summary>Reads the little-endian fields of a weights file, each error naming the file.</summary>
    private ref struct Reader(ReadOnlySpan<byte> content, string path)
    {
        private readonly ReadOnlySpan<byte> _content = content;
        private int _position;

        public readonly int Remaining => _content.Length - _position;

        public void Skip(int count) => Take(count);

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public string String()
        {
            int length = Int32();
            if (length < 0 || length > MaxStringBytes)
                throw new InvalidDataException($"'{path}' is damaged: a string length of {length} bytes at byte {_position - 4}.");
            return Encoding.UTF8.GetString(Take(length));
        }

        public void Floats(Span<float> destination)
        {
            var bytes = Take(checked(destination.Length * sizeof(float)));
            for (int k = 0; k < destination.Length; k++)
                destination[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(k * sizeof(float)));
        }

        public readonly InvalidDataException Truncated() =>
            new($"'{path}' is truncated: it ends before all weights were read.");

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > Remaining) throw Truncated();
            var slice = _content.Slice(_position, count);
            _position += count;
            return slice;
        }
    }
}
