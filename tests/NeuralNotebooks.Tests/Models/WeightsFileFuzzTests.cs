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

    private static (string, int, int)[] Shapes(Sequential model) =>
        model.Parameters.Select(p => (p.Name, p.Value.Rows, p.Value.Columns)).ToArray();

    [Fact]
    public async Task Every_damaged_version_2_file_is_refused_and_the_model_is_unchanged()
    {
        string original = Path.Combine(_folder, "original.weights");
        Model(seed: 1).SaveWeights(original);
        var target = Model(seed: 2);
        var before = target.GetWeights().Select(w => w.Span.ToArray()).ToArray();
        string path = Path.Combine(_folder, "damaged.weights");

        var problems = await Corruptions.Problems(Corruptions.Of(File.ReadAllBytes(original), Variants, seed: 20261202), (_, bytes, i) =>
        {
            // Every 10th variant through the file and the model; the rest in memory (the same checks).
            if (i % 10 == 0)
            {
                File.WriteAllBytes(path, bytes);
                target.LoadWeights(path);
            }
            else
            {
                WeightsFile.Parse(bytes, path, target.Architecture, Shapes(target));
            }
            return "accepted";
        }, e => e is InvalidDataException, Limit);

        Assert.Empty(problems);
        Assert.Equal(before, target.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public async Task A_damaged_version_1_file_gives_only_invalid_data_errors_or_loads_the_same_shapes()
    {
        // Version 1 has no checksum: a flipped weight bit cannot be seen, so only the kind of error is checked here.
        var source = Model(seed: 1);
        byte[] file = WeightsFileCatalogueTests.Version1File(source.Architecture, source.Parameters.Select(p => (p.Name, p.Value)));
        var expected = Shapes(source);

        var problems = await Corruptions.Problems(Corruptions.Of(file, Variants, seed: 7), (_, bytes, _) =>
        {
            var loaded = WeightsFile.Parse(bytes, "v1.weights", source.Architecture, expected);
            if (!loaded.Select(m => (m.Rows, m.Columns)).SequenceEqual(expected.Select(e => (e.Item2, e.Item3)))) return "loaded other shapes";
            return loaded.Any(m => m.Span.ToArray().Any(v => !float.IsFinite(v))) ? "loaded a non-finite weight" : null;
        }, e => e is InvalidDataException, Limit);

        Assert.Empty(problems);
    }
}
