using System.Security.Cryptography;
using System.Text;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Models;

/// <summary>
/// The catalogue of bad weights files and bad saves — each named, with the error it must give. Every failed load also
/// checks that the model is unchanged.
/// </summary>
public sealed class WeightsFileCatalogueTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nn-weights-catalogue-" + Guid.NewGuid().ToString("N"));

    public WeightsFileCatalogueTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Sequential Mlp(string hidden = "relu", int seed = 5) =>
        new(seed) { new Input(2), new Dense(8, hidden), new Dense(1, "sigmoid") };

    /// <summary>A weights file of <see cref="Mlp"/> in the format this library writes (version 2, with its SHA-256).</summary>
    private byte[] SavedFile(string hidden = "relu")
    {
        string path = Path.Combine(_folder, $"saved-{Guid.NewGuid():N}.weights");
        Mlp(hidden).SaveWeights(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>A weights file in the first format (version 1: no checksum), built here byte by byte.</summary>
    internal static byte[] Version1File(string architecture, IEnumerable<(string Name, Matrix Value)> tensors)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("NNWEIGHT"u8);
            w.Write(1);
            var list = tensors.ToList();
            void Str(string s) { var b = Encoding.UTF8.GetBytes(s); w.Write(b.Length); w.Write(b); }
            Str(architecture);
            w.Write(list.Count);
            foreach (var (name, value) in list)
            {
                Str(name);
                w.Write(value.Rows);
                w.Write(value.Columns);
                foreach (float f in value.Span) w.Write(f);
            }
        }
        return stream.ToArray();
    }

    private static byte[] Version1Of(Sequential model) =>
        Version1File(model.Architecture, model.Parameters.Select(p => (p.Name, p.Value)));

    private static byte[] Flip(byte[] bytes, int offset, int bit = 0)
    {
        var copy = bytes.ToArray();
        copy[offset] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Int32At(byte[] bytes, int offset, int value)
    {
        var copy = bytes.ToArray();
        BitConverter.GetBytes(value).CopyTo(copy, offset);
        return copy;
    }

    /// <summary>Offset of the first float of tensor 0 in a file of <see cref="Mlp"/>.</summary>
    private static int FirstFloat(string architecture) =>
        8 + 4 + 4 + Encoding.UTF8.GetByteCount(architecture) + 4 + 4 + "dense/kernel".Length + 4 + 4;

    public static TheoryData<string> Names => new(
    [
        "a bit flipped in a weight (version 2)",
        "a bit flipped in the checksum",
        "a bit flipped in the architecture string",
        "one byte cut off the end",
        "cut in the middle of a tensor",
        "empty file",
        "7 bytes of the magic only",
        "not a weights file at all",
        "version 3",
        "version 0",
        "a negative string length (version 1, no checksum to catch it)",
        "a string length of 2 GB (version 1)",
        "a NaN weight (version 1)",
        "bytes after the last tensor (version 1)",
        "a version-2 file relabelled as version 1",
        "saved with relu, loaded into tanh (version 2)",
        "saved with relu, loaded into tanh (version 1)",
        "saved from a wider model",
        "fewer tensors than the model has",
    ]);

    private (byte[] File, Sequential Target, string[] Message) Build(string name)
    {
        string relu = Mlp().Architecture, tanh = Mlp("tanh").Architecture;
        byte[] saved = SavedFile();
        byte[] v1 = Version1Of(Mlp());
        return name switch
        {
            "a bit flipped in a weight (version 2)" => (Flip(saved, FirstFloat(relu) + 2, 3), Mlp(seed: 1), ["damaged", "SHA-256 checksum"]),
            "a bit flipped in the checksum" => (Flip(saved, saved.Length - 1, 7), Mlp(seed: 1), ["damaged", "checksum"]),
            "a bit flipped in the architecture string" => (Flip(saved, 20, 1), Mlp(seed: 1), ["damaged"]),
            "one byte cut off the end" => (saved[..^1], Mlp(seed: 1), ["damaged"]),
            "cut in the middle of a tensor" => (v1[..(FirstFloat(relu) + 10)], Mlp(seed: 1), ["truncated"]),
            "empty file" => ([], Mlp(seed: 1), ["not a NeuralNotebooks weights file"]),
            "7 bytes of the magic only" => ("NNWEIGH"u8.ToArray(), Mlp(seed: 1), ["not a NeuralNotebooks weights file"]),
            "not a weights file at all" => ("hello, not weights"u8.ToArray(), Mlp(seed: 1), ["not a NeuralNotebooks weights file"]),
            "version 3" => (Int32At(saved, 8, 3), Mlp(seed: 1), ["version 3", "versions 1 and 2"]),
            "version 0" => (Int32At(saved, 8, 0), Mlp(seed: 1), ["version 0"]),
            "a negative string length (version 1, no checksum to catch it)" => (Int32At(v1, 12, -5), Mlp(seed: 1), ["a string length of -5"]),
            "a string length of 2 GB (version 1)" => (Int32At(v1, 12, int.MaxValue), Mlp(seed: 1), ["a string length of 2147483647"]),
            "a NaN weight (version 1)" => (Nan(v1, FirstFloat(relu) + 4 * 9), Mlp(seed: 1), ["tensor 0 (dense/kernel) row 1, column 1 is NaN"]),
            "bytes after the last tensor (version 1)" => ([.. v1, 1, 2, 3], Mlp(seed: 1), ["3 unexpected bytes follow the last tensor"]),
            "a version-2 file relabelled as version 1" => (Int32At(saved, 8, 1), Mlp(seed: 1), ["32 unexpected bytes"]),
            "saved with relu, loaded into tanh (version 2)" => (saved, Mlp("tanh"), [relu, tanh, "layers differ"]),
            "saved with relu, loaded into tanh (version 1)" => (v1, Mlp("tanh"), [relu, tanh]),
            "saved from a wider model" => (Version1Of(new Sequential(1) { new Input(2), new Dense(16, "relu"), new Dense(1, "sigmoid") }),
                Mlp(seed: 1), ["(2, 16)", "(2, 8)", "Dense(16, relu)", "Dense(8, relu)"]),
            "fewer tensors than the model has" => (Int32At(v1, 16 + relu.Length, 3), Mlp(seed: 1), ["holds 3 tensors", "has 4"]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        static byte[] Nan(byte[] file, int offset)
        {
            var copy = file.ToArray();
            BitConverter.GetBytes(float.NaN).CopyTo(copy, offset);
            return copy;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_file_is_refused_naming_the_file_and_the_model_is_unchanged(string name)
    {
        var (bytes, target, message) = Build(name);
        string path = Path.Combine(_folder, "bad.weights");
        File.WriteAllBytes(path, bytes);
        var before = target.GetWeights();
        var e = Assert.Throws<InvalidDataException>(() => target.LoadWeights(path));
        Assert.Contains(path, e.Message);
        foreach (string part in message) Assert.Contains(part, e.Message);
        Assert.Equal(before.Select(w => w.Span.ToArray()), target.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public void An_old_file_without_checksum_still_loads()
    {
        var trained = Mlp(seed: 3);
        string path = Path.Combine(_folder, "old.weights");
        File.WriteAllBytes(path, Version1Of(trained));
        var fresh = Mlp(seed: 4);
        fresh.LoadWeights(path);
        Assert.Equal(trained.GetWeights().Select(w => w.Span.ToArray()), fresh.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public void A_saved_file_is_version_2_and_ends_with_the_sha256_of_the_rest()
    {
        byte[] file = SavedFile();
        Assert.Equal("NNWEIGHT"u8.ToArray(), file[..8]);
        Assert.Equal(2, BitConverter.ToInt32(file, 8));
        Assert.Equal(SHA256.HashData(file[..^32]), file[^32..]);
        Assert.Equal(Version1Of(Mlp())[12..], file[12..^32]);     // otherwise the same layout as version 1
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_file_not_found_naming_it()
    {
        var model = Mlp();
        string missing = Path.Combine(_folder, "none.weights");
        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => model.LoadWeights(missing)).Message);
        Assert.Contains(_folder, Assert.Throws<FileNotFoundException>(() => model.LoadWeights(_folder)).Message);
    }

    [Fact]
    public void Saving_into_a_folder_that_cannot_exist_names_the_target_not_the_temporary_file()
    {
        string blocker = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocker, "x");
        string target = Path.Combine(blocker, "model.weights");      // its folder would have to be a file
        var e = Assert.ThrowsAny<IOException>(() => Mlp().SaveWeights(target));
        Assert.Contains($"Could not save '{target}'", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Saving_onto_a_folder_names_the_target_and_leaves_no_temporary_file()
    {
        string target = Path.Combine(_folder, "is-a-folder.weights");
        Directory.CreateDirectory(target);
        var e = Assert.ThrowsAny<IOException>(() => Mlp().SaveWeights(target));
        Assert.Contains($"Could not save '{target}'", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Non_finite_weights_are_not_saved_and_the_old_file_stays()
    {
        string path = Path.Combine(_folder, "keep.weights");
        Mlp().SaveWeights(path);
        byte[] old = File.ReadAllBytes(path);
        var broken = Mlp();
        broken.Parameters[2].Value[3, 0] = float.NegativeInfinity;
        var e = Assert.Throws<InvalidOperationException>(() => broken.SaveWeights(path));
        Assert.Contains("dense_1/kernel row 3, column 0 is -Infinity", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(old, File.ReadAllBytes(path));
    }
}
