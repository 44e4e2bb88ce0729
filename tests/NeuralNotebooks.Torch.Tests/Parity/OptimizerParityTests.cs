using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Tests.Support;
using NeuralNotebooks.Torch.Training;

namespace NeuralNotebooks.Torch.Tests.Parity;

/// <summary>Optimizer steps: ours and the mapped torch optimizer, from the same weights and batch, give the same new weights.</summary>
public sealed class OptimizerParityTests : TorchTest
{
    private const double Tolerance = 1e-6;

    [TorchFact]
    public void Sgd_with_momentum_gives_the_same_weights_for_three_steps() =>
        AssertSameWeights(() => new Sgd(learningRate: 0.1, momentum: 0.9), () => new Sgd(learningRate: 0.1, momentum: 0.9), steps: 3);

    [TorchFact]
    public void Plain_sgd_gives_the_same_weights() =>
        AssertSameWeights(() => new Sgd(learningRate: 0.05), () => new Sgd(learningRate: 0.05), steps: 2);

    [TorchFact]
    public void RmsProp_gives_the_same_weights_when_epsilon_is_tiny()
    {
        // ε inside the root (ours, Keras 3) or outside (torch) only matters when s is near ε; with ε tiny both are η·g/√s.
        AssertSameWeights(() => new RmsProp(learningRate: 0.01, rho: 0.9, epsilon: 1e-12), () => new RmsProp(learningRate: 0.01, rho: 0.9, epsilon: 1e-12), steps: 3);
    }

    [TorchFact]
    public void RmsProp_with_default_epsilon_differs_by_less_than_a_tenth_of_a_step()
    {
        // With ε = 1e-7 the forms differ where g² is not ≫ ε/(1 − ρ); the first step is about η/√(1 − ρ) ≈ 3.2e-3 per
        // weight, and the two optimizers stay within a tenth of it (measured: 1.4e-4).
        double step = 0.001 / Math.Sqrt(1 - 0.9);
        AssertSameWeights(() => new RmsProp(learningRate: 0.001), () => new RmsProp(learningRate: 0.001), steps: 1, tolerance: 0.1 * step);
    }

    [TorchFact]
    public void Adam_gives_the_same_weights_after_one_step_with_torch_epsilon_rescaled()
    {
        var ours = new Adam(learningRate: 0.01);
        double torchEpsilon = TorchOptimizers.TorchAdamEpsilonForStep(ours, step: 1);
        Assert.Equal(1e-7 / Math.Sqrt(1 - 0.999), torchEpsilon, 12);
        AssertSameWeights(() => new Adam(learningRate: 0.01), () => new Adam(learningRate: 0.01, epsilon: torchEpsilon), steps: 1);
    }

    [TorchFact]
    public void Adam_with_the_same_epsilon_stays_close_over_several_steps()
    {
        AssertSameWeights(() => new Adam(learningRate: 0.01), () => new Adam(learningRate: 0.01), steps: 5, tolerance: 1e-4);
    }

    [TorchFact]
    public void TorchAdamEpsilonForStep_rejects_step_zero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TorchOptimizers.TorchAdamEpsilonForStep(new Adam(), 0));
        Assert.Equal("step", e.ParamName);
    }

    private static void AssertSameWeights(Func<Optimizer> scratchOptimizer, Func<Optimizer> torchOptimizer, int steps, double tolerance = Tolerance)
    {
        var scratch = new Sequential(seed: 5) { new Input(4), new Dense(8, "tanh"), new Dense(3, "softmax") };
        scratch.Compile(scratchOptimizer(), Loss.CategoricalCrossEntropy);
        using var twin = new TorchSequential(scratch);
        twin.Compile(torchOptimizer(), Loss.CategoricalCrossEntropy);
        var x = TestData.Normal(16, 4, seed: 7);
        var y = TestData.OneHot(TestData.Labels(16, 3, seed: 8), 3);
        var initial = scratch.GetWeights();

        for (int s = 0; s < steps; s++)
        {
            scratch.TrainOnBatch(x, y);
            twin.TrainOnBatch(x, y);
        }

        var expected = scratch.GetWeights();
        var actual = twin.GetWeights();
        for (int i = 0; i < expected.Count; i++)
        {
            Compare.Absolute(expected[i], actual[i], tolerance, $"{scratch.Parameters[i].Name} after {steps} step(s)");
            Assert.NotEqual(initial[i].Span.ToArray(), expected[i].Span.ToArray());
        }
    }
}
