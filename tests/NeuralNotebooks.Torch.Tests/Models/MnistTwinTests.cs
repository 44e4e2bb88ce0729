using NeuralNotebooks.Datasets;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Models;
using NeuralNotebooks.Torch.Tests.Support;
using Xunit.Abstractions;

namespace NeuralNotebooks.Torch.Tests.Models;

/// <summary>Curriculum item 14, run B, with the TorchSharp twin on the real MNIST data.</summary>
public sealed class MnistTwinTests(ITestOutputHelper output) : TorchTest
{
    [TorchFact]
    [Trait("Category", "FullData")]
    public void Mnist_run_B_twin_reaches_the_reference_band()
    {
        var (train, test) = Mnist.Load();
        using var twin = TorchModels.MnistRunB(seed: 42);
        twin.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        var history = twin.Fit(train.Images, Matrix.Column(train.Labels), epochs: 10, batchSize: 32, validationSplit: 0.2);
        double accuracy = twin.Evaluate(test.Images, Matrix.Column(test.Labels)).Accuracy;
        output.WriteLine($"test accuracy {accuracy:0.0000}; s/epoch {string.Join(", ", history.EpochDurations.Select(d => d.TotalSeconds.ToString("0.00")))}");
        Assert.True(accuracy >= 0.97, $"test accuracy {accuracy:0.0000} (Keras run B: 0.9757)");
    }
}
