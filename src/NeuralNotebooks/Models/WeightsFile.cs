using System.Text;
using NeuralNotebooks.IO;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>
/// The binary format of <see cref="Sequential.SaveWeights"/>: a header that names the architecture, then each tensor.
/// </summary>
/// <remarks>
/// <para>All integers are little-endian int32, strings are an int32 byte count followed by UTF-8, floats little-endian IEEE-754 binary32:</para>
/// <code>
/// magic        8 bytes  "NNWEIGHT"
/// version      int32    1
/// architecture string   e.g. "Input(2) -> Dense(32, relu) -> Dense(1, sigmoid)"
/// count        int32    number of tensors
/// count × { name string, rows int32, columns int32, rows·columns float32 (row-major) }
/// </code>
/// <para>Saving writes to a temporary file and renames it, so a crash never leaves half a file. Loading reads and checks
/// everything before the model is touched.</para>
/// </remarks>
public static class WeightsFile
{
    /// <summary>The 8 magic bytes at the start of every weights file.</summary>
    public static ReadOnlySpan<byte> Magic => "NNWEIGHT"u8;

    /// <summary>The format version written by this library.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="tensors"/> with the header to <paramref name="path"/>.</summary>
    public static void Save(string path, string architecture, IReadOnlyList<(string Name, Matrix Value)> tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
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
        });
    }

    /// <summary>Reads a weights file and checks it against the expected tensors.</summary>
    /// <returns>The tensors, in file order (= expected order).</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not a weights file, another version, truncated, or another architecture.</exception>
    public static IReadOnlyList<Matrix> Load(string path, string architecture, IReadOnlyList<(string Name, int Rows, int Columns)> expected)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No weights file at '{Path.GetFullPath(path)}'.", path);
        using var stream = File.OpenRead(path);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            var magic = r.ReadBytes(8);
            if (!magic.AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException($"'{path}' is not a NeuralNotebooks weights file (it does not start with \"NNWEIGHT\").");
            int version = r.ReadInt32();
            if (version != Version)
                throw new InvalidDataException($"'{path}' has weights-file version {version}; this library reads version {Version}.");
            string fileArchitecture = ReadString(r);
            int count = r.ReadInt32();
            if (count != expected.Count)
                throw new InvalidDataException(
                    $"'{path}' holds {count} tensors for architecture [{fileArchitecture}] but the model [{architecture}] has {expected.Count}.");
            var result = new Matrix[count];
            for (int i = 0; i < count; i++)
            {
                string name = ReadString(r);
                int rows = r.ReadInt32(), cols = r.ReadInt32();
                var (expName, expRows, expCols) = expected[i];
                if (rows != expRows || cols != expCols)
                    throw new InvalidDataException(
                        $"'{path}': tensor {i} ({name}) has shape ({rows}, {cols}) but the model's {expName} has shape ({expRows}, {expCols}). " +
                        $"File architecture: [{fileArchitecture}]; model architecture: [{architecture}].");
                var m = new Matrix(rows, cols);
                var bytes = r.ReadBytes(checked(rows * cols * 4));
                if (bytes.Length != rows * cols * 4) throw new EndOfStreamException();
                Buffer.BlockCopy(bytes, 0, m.Data, 0, bytes.Length);
                if (!BitConverter.IsLittleEndian)
                    for (int k = 0; k < m.Length; k++) m.Data[k] = BitConverter.Int32BitsToSingle(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(BitConverter.SingleToInt32Bits(m.Data[k])));
                result[i] = m;
            }
            return result;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"'{path}' is truncated: it ends before all weights were read.");
        }
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static string ReadString(BinaryReader r)
    {
        int len = r.ReadInt32();
        if (len < 0 || len > 1 << 20) throw new InvalidDataException($"Corrupt weights file: a string length of {len}.");
        var bytes = r.ReadBytes(len);
        if (bytes.Length != len) throw new EndOfStreamException();
        return Encoding.UTF8.GetString(bytes);
    }
}
