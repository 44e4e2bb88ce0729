using NeuralNotebooks.Datasets;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Tests.Curriculum;
using Xunit.Abstractions;

namespace NeuralNotebooks.Tests.Kernels;

/// <summary>
/// The core models trained under the reference kernel (textbook loops) and under the fast kernel (SIMD, threads) with
/// every instruction set the machine runs: each reaches the curriculum's result, and the runs agree to the tolerance
/// README states for switching kernels.
/// </summary>
/// <remarks>The kernels differ only in the order of float operations inside matrix products (fused multiply-adds);
/// training carries those last-bit differences along. Measured (AMD EPYC, AVX-512, 2 threads): losses per epoch agree to
/// ≤ 5e-7 relative, predictions to ≤ 3e-8, accuracies exactly; AVX2 gives the same bits as AVX-512, the scalar fast
/// path the reference's. The tests allow 1e-5 (other machines may round differently).</remarks>
public class BothKernelsTests(ITestOutputHelper output)
{
    /// <summary>The reference kernel first, then the fast kernel with every instruction set this machine runs.</summary>
    private static readonly IKernel[] Kernels = new IKernel[] { ReferenceKernel.Instance }
        .Concat(Enum.GetValues<InstructionSet>().Where(Gemm.IsSupported).Reverse().Select(set => new FastKernel(instructionSet: set)))
        .ToArray();

    private static T Under<T>(IKernel kernel, Func<T> run)
    {
        using (Kernel.Use(kernel)) return run();
    }

    [Fact]
    public void Xor_2_32_1_with_RMSprop_is_solved_under_every_kernel_with_the_same_predictions()
    {
        var x = Matrix.FromRows(new float[] { 0, 0 }, new float[] { 0, 1 }, new float[] { 1, 0 }, new float[] { 1, 1 });
        var y = Matrix.Column(0f, 1, 1, 0);
        var runs = Kernels.Select(k => Under(k, () =>
        {
            var model = new Sequential(seed: 1) { new Input(2), new Dense(32, "relu"), new Dense(1, "sigmoid") };
            model.Compile(new RmsProp(), Loss.MeanSquaredError, "accuracy");
            var history = model.Fit(x, y, epochs: 500);
            return (History: history, Predictions: model.Predict(x).Span.ToArray(), Accuracy: model.Evaluate(x, y).Accuracy);
        })).ToArray();
        var reference = runs[0];
        Assert.Equal(1.0, reference.Accuracy);
        for (int i = 1; i < runs.Length; i++)
        {
            var fast = runs[i];
            double prediction = MaxDifference(reference.Predictions, fast.Predictions);
            double loss = MaxRelativeDifference(reference.History.Loss, fast.History.Loss);
            output.WriteLine($"XOR, 500 epochs, {Kernels[i]}: predictions differ by ≤ {prediction:E2}, loss per epoch by ≤ {loss:E2} (relative)");
            Assert.Equal(1.0, fast.Accuracy);
            Assert.True(prediction < 1e-5, $"{Kernels[i]}: predictions differ by {prediction}");
            Assert.True(loss < 1e-5, $"{Kernels[i]}: losses differ by {loss} (relative)");
        }
    }

    [Fact]
    public void The_binary_classifier_project_gives_the_same_history_under_every_kernel()
    {
        var runs = Kernels.Select(k => Under(k, () => BinaryClassifierTests.Pipeline(modelSeed: 1))).ToArray();
        var reference = runs[0];
        Assert.True(reference.TestAccuracy >= 0.85);
        for (int i = 1; i < runs.Length; i++)
        {
            var fast = runs[i];
            double valLoss = MaxRelativeDifference(reference.History["val_loss"], fast.History["val_loss"]);
            output.WriteLine($"binary classifier, {Kernels[i]}: {reference.History.Epochs} vs {fast.History.Epochs} epochs, test accuracy " +
                             $"{reference.TestAccuracy:0.0000} vs {fast.TestAccuracy:0.0000}, val_loss differs by ≤ {valLoss:E2} (relative)");
            Assert.Equal(reference.History.Epochs, fast.History.Epochs); // early stopping picks the same epoch
            Assert.True(Math.Abs(reference.TestAccuracy - fast.TestAccuracy) <= 1.0 / 150, $"{Kernels[i]}: test accuracy differs by more than one of 150 samples");
            Assert.True(valLoss < 1e-5, $"{Kernels[i]}: val_loss differs by {valLoss} (relative)");
        }
    }

    [Fact]
    public void A_short_MNIST_run_gives_the_same_history_under_every_kernel()
    {
        var (train, test) = Mnist.Load();
        var (x, y) = (train.Images.SliceRows(0, 6000), Matrix.Column(train.Labels.Take(6000).ToArray()));
        var (xTest, yTest) = (test.Images.SliceRows(0, 2000), Matrix.Column(test.Labels.Take(2000).ToArray()));
        var runs = Kernels.Select(k => Under(k, () =>
        {
            var model = new Sequential(seed: 42) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
            model.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
            var history = model.Fit(x, y, epochs: 2, batchSize: 32, validationSplit: 0.2);
            return (History: history, Test: model.Evaluate(xTest, yTest));
        })).ToArray();
        var reference = runs[0];
        Assert.True(reference.Test.Accuracy >= 0.88, $"reference kernel: test accuracy {reference.Test.Accuracy}");
        for (int i = 1; i < runs.Length; i++)
        {
            var fast = runs[i];
            double loss = MaxRelativeDifference(reference.History.Loss, fast.History.Loss);
            double valLoss = MaxRelativeDifference(reference.History["val_loss"], fast.History["val_loss"]);
            double accuracy = Math.Abs(reference.Test.Accuracy - fast.Test.Accuracy);
            output.WriteLine($"MNIST 6000 samples, 2 epochs, {Kernels[i]}: loss differs by ≤ {loss:E2}, val_loss by ≤ {valLoss:E2} (relative), " +
                             $"test accuracy {reference.Test.Accuracy:0.0000} vs {fast.Test.Accuracy:0.0000}");
            Assert.True(loss < 1e-5, $"{Kernels[i]}: loss differs by {loss} (relative)");
            Assert.True(valLoss < 1e-5, $"{Kernels[i]}: val_loss differs by {valLoss} (relative)");
            Assert.True(accuracy <= 1.0 / 2000, $"{Kernels[i]}: test accuracy differs by {accuracy}: more than one of 2000 images");
        }
    }

    private static double MaxDifference(float[] a, float[] b) => a.Zip(b, (p, q) => (double)Math.Abs(p - q)).Max();

    private static double MaxRelativeDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Assert.Equal(a.Count, b.Count);
        return a.Zip(b, (p, q) => Math.Abs(p - q) / Math.Max(Math.Abs(p), 1e-12)).Max();
    }
}
