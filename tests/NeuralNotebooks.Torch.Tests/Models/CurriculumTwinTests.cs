using System.Diagnostics;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Models;
using NeuralNotebooks.Torch.Tests.Support;
using NeuralNotebooks.Torch.Training;
using Xunit.Abstractions;

namespace NeuralNotebooks.Torch.Tests.Models;

public sealed class CurriculumTwinTests(ITestOutputHelper output) : TorchTest
{
    [TorchFact]
    public void Factories_build_the_curriculum_architectures()
    {
        (Func<TorchSequential> make, string architecture, long parameters)[] cases =
        {
            (() => TorchModels.LogicGateUnit(), "Input(2) -> Dense(1, linear)", 3),
            (() => TorchModels.XorMlp(), "Input(2) -> Dense(32, relu) -> Dense(1, sigmoid)", 2 * 32 + 32 + 32 + 1),
            (() => TorchModels.XorMlpSmall(), "Input(2) -> Dense(4, relu) -> Dense(1, sigmoid)", 2 * 4 + 4 + 4 + 1),
            (() => TorchModels.BinaryClassifier(), "Input(20) -> Dense(64, relu) -> Dropout(0.5) -> Dense(32, relu) -> Dense(1, sigmoid)", 20 * 64 + 64 + 64 * 32 + 32 + 33),
            (() => TorchModels.MnistRunA(), "Input(784) -> Dense(64, relu) -> Dense(32, relu) -> Dense(10, softmax)", 784 * 64 + 64 + 64 * 32 + 32 + 330),
            (() => TorchModels.MnistRunB(), "Input(784) -> Dense(128, relu) -> Dense(64, relu) -> Dense(10, softmax)", 109_386),
            (() => TorchModels.FashionMnist(), "Input(784) -> Dense(128, relu) -> Dense(10, softmax)", 101_770),
        };
        foreach (var (make, architecture, parameters) in cases)
        {
            using var twin = make();
            Assert.Equal(architecture, twin.Architecture);
            Assert.Equal(parameters, twin.ParameterCount);
        }
        using var b = TorchModels.BinaryClassifier();
        Assert.Equal(new[] { "dense", "dense_relu", "dropout", "dense_1", "dense_1_relu", "dense_2", "dense_2_sigmoid" },
            b.Module.named_children().Select(c => c.name).ToArray());
        using var m = TorchModels.MnistRunB();
        Assert.Equal(new[] { "dense", "dense_relu", "dense_1", "dense_1_relu", "dense_2" },       // the softmax is applied outside
            m.Module.named_children().Select(c => c.name).ToArray());
    }

    [TorchFact]
    public void Same_seed_twins_start_from_the_scratch_models_weights()
    {
        using var twin = TorchModels.MnistRunA(seed: 7);
        var scratch = CurriculumModels.MnistRunA(seed: 7);
        Assert.Equal(scratch.GetWeights()[0].Span.ToArray(), twin.GetWeights()[0].Span.ToArray());
    }

    [TorchFact]
    public void Single_linear_unit_learns_OR_but_not_XOR()
    {
        var (orX, orY) = TestData.Or();
        using var or = TorchModels.LogicGateUnit();
        or.Compile(new Sgd(0.1), Loss.MeanSquaredError, "accuracy");
        var h = or.Fit(orX, orY, epochs: 500, batchSize: 4);
        Assert.Equal(1.0, h["accuracy"][^1]);

        var (xorX, xorY) = TestData.Xor();
        using var xor = TorchModels.LogicGateUnit();
        xor.Compile(new Sgd(0.1), Loss.MeanSquaredError, "accuracy");
        var hx = xor.Fit(xorX, xorY, epochs: 500, batchSize: 4);
        Assert.True(hx["accuracy"][^1] <= 0.75, $"a line separated XOR? accuracy {hx["accuracy"][^1]}");
        Assert.Equal(0.25, hx.Loss[^1], 2);
    }

    [TorchFact]
    public void Xor_mlp_twin_solves_xor_in_at_least_four_of_five_seeds()
    {
        var (x, y) = TestData.Xor();
        var solved = new List<int>();
        for (int seed = 1; seed <= 5; seed++)
        {
            using var twin = TorchModels.XorMlp(seed);
            twin.Compile(new RmsProp(), Loss.MeanSquaredError, "accuracy");
            twin.Fit(x, y, epochs: 500, batchSize: 4);
            var p = twin.Predict(x);
            double accuracy = twin.Evaluate(x, y).Accuracy;
            output.WriteLine($"seed {seed}: accuracy {accuracy}, predictions {string.Join(", ", p.Span.ToArray().Select(v => v.ToString("0.000")))}");
            if (accuracy == 1.0) solved.Add(seed);
        }
        Assert.True(solved.Count >= 4, $"solved XOR only for seeds {string.Join(", ", solved)}");
    }

    [TorchFact]
    public void Small_xor_mlp_twin_with_adam_and_bce_lowers_the_loss()
    {
        var (x, y) = TestData.Xor();
        using var twin = TorchModels.XorMlpSmall(seed: 2);
        twin.Compile(new Adam(), Loss.BinaryCrossEntropy, "accuracy");
        var h = twin.Fit(x, y, epochs: 100, batchSize: 4);
        Assert.True(h.Loss[^1] < h.Loss[0], $"loss {h.Loss[0]} → {h.Loss[^1]}");
    }

    /// <summary>
    /// MNIST-sized twin vs scratch on an MNIST-shaped synthetic set (the real MNIST loader lives on another branch):
    /// same architecture (784-128-64-10, run B), same seed and data, Adam, batch 32 — the twin's test accuracy lands in
    /// the scratch model's band.
    /// </summary>
    [TorchFact]
    [Trait("Category", "FullData")]
    public void Mnist_b_twin_reaches_the_scratch_accuracy_band_on_synthetic_digits()
    {
        var (x, labels) = TestData.SyntheticDigits(3000, seed: 1);
        var (testX, testLabels) = TestData.SyntheticDigits(1000, seed: 2);
        var y = TestData.OneHot(labels, 10);
        var testY = TestData.OneHot(testLabels, 10);

        var scratch = CurriculumModels.MnistRunB(seed: 42);
        using var twin = new TorchSequential(scratch);
        scratch.Compile(new Adam(), Loss.CategoricalCrossEntropy, "accuracy");
        twin.Compile(new Adam(), Loss.CategoricalCrossEntropy, "accuracy");
        var ws = Stopwatch.StartNew();
        scratch.Fit(x, y, epochs: 2, batchSize: 32);
        var scratchTime = ws.Elapsed;
        ws.Restart();
        twin.Fit(x, y, epochs: 2, batchSize: 32);
        var twinTime = ws.Elapsed;
        double scratchAccuracy = scratch.Evaluate(testX, testY).Accuracy;
        double twinAccuracy = twin.Evaluate(testX, testY).Accuracy;
        output.WriteLine($"scratch {scratchAccuracy:0.0000} in {scratchTime.TotalSeconds:0.00} s; twin {twinAccuracy:0.0000} in {twinTime.TotalSeconds:0.00} s");
        Assert.True(scratchAccuracy > 0.8, $"scratch accuracy {scratchAccuracy}: the synthetic task is too hard to compare on");
        Assert.True(Math.Abs(twinAccuracy - scratchAccuracy) <= 0.02, $"twin {twinAccuracy} vs scratch {scratchAccuracy}");
    }

    /// <summary>The timing the lessons quote: 784-128-64-10, Adam, batch 32, 48 000 samples per epoch, 2 libtorch threads.</summary>
    [TorchFact]
    [Trait("Category", "FullData")]
    public void Mnist_b_twin_epoch_time_on_two_threads()
    {
        var (x, labels) = TestData.SyntheticDigits(48_000, seed: 3);
        var y = Matrix.Column(labels);
        int before = TorchSupport.Threads;
        TorchSupport.SetThreads(2);
        try
        {
            using var twin = TorchModels.MnistRunB(seed: 42);
            twin.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
            var h = twin.Fit(x, y, epochs: 3, batchSize: 32);
            var seconds = h.EpochDurations.Select(d => d.TotalSeconds).ToArray();
            var sorted = seconds.OrderBy(s => s).ToArray();
            output.WriteLine($"784-128-64-10 Adam batch 32, 48000 samples, 2 threads: epochs {string.Join(", ", seconds.Select(s => s.ToString("0.000")))} s; min {sorted[0]:0.000} s, median {sorted[1]:0.000} s");
            output.WriteLine($"loss {string.Join(" → ", h.Loss.Select(l => l.ToString("0.0000")))}; accuracy {h["accuracy"][^1]:0.0000}");
            Assert.True(h.Loss[^1] < h.Loss[0]);
            Assert.True(h["accuracy"][^1] > 0.8, $"accuracy {h["accuracy"][^1]}");
        }
        finally
        {
            TorchSupport.SetThreads(before);
        }
    }
}
