using System.Security.Cryptography;
using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

/// <summary>
/// Seeded fuzzing of IDX files: thousands of damaged label and image files (raw and gzip), and damaged files in a whole
/// (tiny) MNIST data folder. Only <see cref="DatasetException"/> may come out, never a hang; and the data folder is always
/// refused: every change of a raw file changes its content, which the manifest's SHA-256 catches if nothing else does.
/// </summary>
public sealed class IdxFuzzTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly TempDataFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Labels(int count)
    {
        var b = DatasetCatalogueTests.Idx(IdxReader.LabelMagic, [count], count);
        for (int i = 0; i < count; i++) b[8 + i] = (byte)(i % 10);
        return b;
    }

    private static byte[] Images(int count)
    {
        var b = DatasetCatalogueTests.Idx(IdxReader.ImageMagic, [count, 28, 28], count * 784L);
        for (int i = 16; i < b.Length; i++) b[i] = (byte)(i * 7);
        return b;
    }

    [Fact]
    public async Task Damaged_raw_idx_content_gives_only_dataset_exceptions_and_what_parses_matches_its_header()
    {
        foreach (var (kind, original) in new[] { ("labels", Labels(40)), ("images", Images(3)) })
        {
            var problems = await Corruptions.Problems(Corruptions.Of(original, 1500, seed: kind == "labels" ? 1 : 2), (_, bytes, _) =>
            {
                var idx = kind == "labels" ? IdxReader.ParseLabels(bytes, "fuzz") : IdxReader.ParseImages(bytes, "fuzz");
                IdxReader.Parse(bytes, "fuzz");
                long items = idx.Dimensions.Aggregate(1L, (a, d) => a * d);
                return items == idx.DataLength && idx.DataOffset + idx.DataLength == bytes.Length
                    ? null : $"{kind}: parsed {string.Join("×", idx.Dimensions)} from {bytes.Length} bytes";
            }, e => e is DatasetException, Limit);
            Assert.Empty(problems);
        }
    }

    [Fact]
    public async Task Damaged_gzip_files_give_only_dataset_exceptions_naming_the_file()
    {
        var problems = await Corruptions.Problems(Corruptions.Of(TempDataFolder.Gzip(Images(2)), 600, seed: 3), (_, bytes, i) =>
        {
            string path = _temp.PathOf($"fuzz-{i}.gz");
            File.WriteAllBytes(path, bytes);
            try
            {
                IdxReader.ReadImages(path);
                return null;
            }
            catch (DatasetException e) when (e.FilePath != path)
            {
                return $"the error names '{e.FilePath}'";
            }
            finally
            {
                File.Delete(path);
            }
        }, e => e is DatasetException, Limit);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_data_folder_with_a_damaged_file_is_refused()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["train-images-idx3-ubyte"] = Images(4),
            ["train-labels-idx1-ubyte"] = Labels(4),
            ["t10k-images-idx3-ubyte"] = Images(2),
            ["t10k-labels-idx1-ubyte"] = Labels(2),
        };
        string manifest = string.Concat(files.Select(f => $"{Convert.ToHexString(SHA256.HashData(f.Value)).ToLowerInvariant()}  mnist/{f.Key}\n"));
        foreach (string damaged in files.Keys)
        {
            var problems = await Corruptions.Problems(Corruptions.Of(files[damaged], 60, seed: damaged.Length), (_, bytes, i) =>
            {
                // A new folder per variant: the loader remembers files it verified by path, length and time.
                string root = _temp.PathOf($"data-{damaged}-{i}");
                Directory.CreateDirectory(Path.Combine(root, "mnist"));
                File.WriteAllText(Path.Combine(root, DatasetManifest.FileName), manifest);
                foreach (var (name, content) in files)
                    File.WriteAllBytes(Path.Combine(root, "mnist", name), name == damaged ? bytes : content);
                try
                {
                    var (train, test) = Mnist.LoadRaw(root);
                    return $"{damaged}: loaded ({train.Count} + {test.Count} images)";
                }
                finally
                {
                    Directory.Delete(root, recursive: true);
                }
            }, e => e is DatasetException, Limit);
            Assert.Empty(problems);
        }
    }
}
