using NeuralNotebooks.Datasets;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using Xunit.Abstractions;

namespace NeuralNotebooks.Tests.Curriculum;

/// <summary>Curriculum item 14, run B, from scratch on the real MNIST data (Keras in the notes: 0.9757).</summary>
public class MnistCurriculumTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "FullData")]
    public void Run_B_784_128_64_10_reaches_the_reference_test_accuracy()
    {
        var (train, test) = Mnist.Load();
        var model = new Sequential(seed: 42) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        model.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        var history = model.Fit(train.Images, Matrix.Column(train.Labels), epochs: 10, batchSize: 32, validationSplit: 0.2);
        double accuracy = model.Evaluate(test.Images, Matrix.Column(test.Labels)).Accuracy;
        output.WriteLine($"test accuracy {accuracy:0.0000}; val_accuracy {history["val_accuracy"][^1]:0.0000}; " +
                         $"s/epoch {string.Join(", ", history.EpochDurations.Select(d => d.TotalSeconds.ToString("0.00")))}");
        Assert.True(accuracy >= 0.97, $"test accuracy {accuracy:0.0000} (Keras run B: 0.9757)");
    }
}
