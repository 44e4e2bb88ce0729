using System.Security.Cryptography;
using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

/// <summary>
/// Seeded fuzzing of IDX files: thousands of damaged label and image files (raw and gzip), and damaged files in a whole
/// (tiny) MNIST data folder. Only <see cref="DatasetException"/> may come out, never a hang; what the loader returns
/// is either refused or exactly the original data (the manifest's SHA-256 catches every change of content).
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

    private static async Task Run(Action fuzz)
    {
        var run = Task.Run(fuzz);
        Assert.True(await Task.WhenAny(run, Task.Delay(Limit)) == run, $"the fuzz run did not finish within {Limit.TotalSeconds} s");
        await run;
    }

    [Fact]
    public async Task Damaged_raw_idx_content_gives_only_dataset_exceptions_and_what_parses_matches_its_header()
    {
        var problems = new List<string>();
        await Run(() =>
        {
            foreach (var (kind, original) in new[] { ("labels", Labels(40)), ("images", Images(3)) })
                foreach (var (what, bytes) in Corruptions.Of(original, 1500, seed: kind.Length))
                {
                    try
                    {
                        var idx = kind == "labels" ? IdxReader.ParseLabels(bytes, "fuzz") : IdxReader.ParseImages(bytes, "fuzz");
                        long items = idx.Dimensions.Aggregate(1L, (a, d) => a * d);
                        if (items != idx.DataLength || idx.DataOffset + idx.DataLength != bytes.Length)
                            problems.Add($"{kind}, {what}: parsed {string.Join("×", idx.Dimensions)} from {bytes.Length} bytes");
                        IdxReader.Parse(bytes, "fuzz");
                    }
                    catch (DatasetException)
                    {
                    }
                    catch (Exception e)
                    {
                        problems.Add($"{kind}, {what}: {e.GetType().Name}: {e.Message}");
                    }
                }
        });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Damaged_gzip_files_give_only_dataset_exceptions()
    {
        var problems = new List<string>();
        byte[] gz = TempDataFolder.Gzip(Images(2));
        await Run(() =>
        {
            int i = 0;
            foreach (var (what, bytes) in Corruptions.Of(gz, 600, seed: 3))
            {
                string path = _temp.PathOf($"fuzz-{i++}.gz");
                File.WriteAllBytes(path, bytes);
                try
                {
                    IdxReader.ReadImages(path);
                }
                catch (DatasetException e) when (e.FilePath == path)
                {
                }
                catch (Exception e)
                {
                    problems.Add($"{what}: {e.GetType().Name}: {e.Message}");
                }
                File.Delete(path);
            }
        });
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_data_folder_with_a_damaged_file_is_refused_or_loads_exactly_the_original_data()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["train-images-idx3-ubyte"] = Images(4),
            ["train-labels-idx1-ubyte"] = Labels(4),
            ["t10k-images-idx3-ubyte"] = Images(2),
            ["t10k-labels-idx1-ubyte"] = Labels(2),
        };
        string manifest = string.Concat(files.Select(f => $"{Convert.ToHexString(SHA256.HashData(f.Value)).ToLowerInvariant()}  mnist/{f.Key}\n"));
        var names = files.Keys.ToArray();
        var problems = new List<string>();
        await Run(() =>
        {
            int variant = 0;
            foreach (var (what, bytes) in names.SelectMany((n, k) => Corruptions.Of(files[n], 60, seed: 100 + k).Select(c => (n + ", " + c.What, (n, c.Bytes)))))
            {
                // A new folder per variant: the loader remembers files it verified by path, length and time.
                string root = _temp.PathOf($"data-{variant++}");
                Directory.CreateDirectory(Path.Combine(root, "mnist"));
                File.WriteAllText(Path.Combine(root, DatasetManifest.FileName), manifest);
                foreach (var (name, content) in files)
                    File.WriteAllBytes(Path.Combine(root, "mnist", name), name == bytes.n ? bytes.Bytes : content);
                try
                {
                    var (train, test) = Mnist.LoadRaw(root);
                    problems.Add($"{what}: loaded ({train.Count} + {test.Count} images)");
                }
                catch (DatasetException)
                {
                }
                catch (Exception e)
                {
                    problems.Add($"{what}: {e.GetType().Name}: {e.Message}");
                }
                Directory.Delete(root, recursive: true);
            }
        });
        Assert.Empty(problems);
    }
}
