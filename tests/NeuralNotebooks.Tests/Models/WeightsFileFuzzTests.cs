using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;

namespace NeuralNotebooks.Tests.Models;

/// <summary>
/// Seeded fuzzing of weights files: thousands of damaged copies of a saved file, each of which must be refused with an
/// <see cref="InvalidDataException"/> — never another exception, never a hang, never a model whose weights changed.
/// </summary>
public sealed class WeightsFileFuzzTests : IDisposable
{
    private const int Variants = 3000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nn-weights-fuzz-" + Guid.NewGuid().ToString("N"));

    public WeightsFileFuzzTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Sequential Model(int seed) =>
        new(seed) { new Input(3), new Dense(5, "relu"), new Dropout(0.25), new Dense(2, "softmax") };

    [Fact]
    public async Task Every_damaged_version_2_file_is_refused_and_the_model_is_unchanged()
    {
        string original = Path.Combine(_folder, "original.weights");
        Model(seed: 1).SaveWeights(original);
        byte[] file = File.ReadAllBytes(original);
        var target = Model(seed: 2);
        var expected = target.Parameters.Select(p => (p.Name, p.Value.Rows, p.Value.Columns)).ToArray();
        var before = target.GetWeights().Select(w => w.Span.ToArray()).ToArray();
        string path = Path.Combine(_folder, "damaged.weights");
        var problems = new List<string>();

        var run = Task.Run(() =>
        {
            int i = 0;
            foreach (var (what, bytes) in Corruptions.Of(file, Variants, seed: 20261202))
            {
                try
                {
                    // Every 10th variant through the file and the model; the rest in memory (the same checks).
                    if (i++ % 10 == 0)
                    {
                        File.WriteAllBytes(path, bytes);
                        target.LoadWeights(path);
                    }
                    else
                    {
                        WeightsFile.Parse(bytes, path, target.Architecture, expected);
                    }
                    problems.Add($"{what}: accepted");
                }
                catch (InvalidDataException)
                {
                }
                catch (Exception e)
                {
                    problems.Add($"{what}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        Assert.True(await Task.WhenAny(run, Task.Delay(Limit)) == run, $"the fuzz run did not finish within {Limit.TotalSeconds} s");
        await run;
        Assert.Empty(problems);
        Assert.Equal(before, target.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public async Task A_damaged_version_1_file_gives_only_invalid_data_errors_or_loads_the_same_shapes()
    {
        // Version 1 has no checksum: a flipped weight bit cannot be seen, so only the kind of error is checked here.
        var source = Model(seed: 1);
        byte[] file = WeightsFileCatalogueTests.Version1File(source.Architecture, source.Parameters.Select(p => (p.Name, p.Value)));
        var expected = source.Parameters.Select(p => (p.Name, p.Value.Rows, p.Value.Columns)).ToArray();
        var problems = new List<string>();

        var run = Task.Run(() =>
        {
            foreach (var (what, bytes) in Corruptions.Of(file, Variants, seed: 7))
            {
                try
                {
                    var loaded = WeightsFile.Parse(bytes, "v1.weights", source.Architecture, expected);
                    if (loaded.Select(m => (m.Rows, m.Columns)).SequenceEqual(expected.Select(e => (e.Rows, e.Columns))) == false)
                        problems.Add($"{what}: loaded other shapes");
                    if (loaded.Any(m => m.Span.ToArray().Any(v => !float.IsFinite(v))))
                        problems.Add($"{what}: loaded a non-finite weight");
                }
                catch (InvalidDataException)
                {
                }
                catch (Exception e)
                {
                    problems.Add($"{what}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        Assert.True(await Task.WhenAny(run, Task.Delay(Limit)) == run, $"the fuzz run did not finish within {Limit.TotalSeconds} s");
        await run;
        Assert.Empty(problems);
    }
}
