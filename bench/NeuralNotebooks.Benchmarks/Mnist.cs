using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Benchmarks;

/// <summary>The MNIST lessons' network and data: 784-128-64-10 (ReLU, ReLU, softmax), Adam, sparse categorical
/// cross-entropy, accuracy, validation split 0.2 (the last fifth of the training images).</summary>
internal static class MnistRun
{
    public static readonly int[] Widths = { 784, 128, 64, 10 };

    /// <summary>The first <paramref name="samples"/> MNIST training images (pixels in [0, 1]) and their labels as a column.</summary>
    public static (Matrix X, Matrix Y) Load(int samples)
    {
        var (train, _) = NeuralNotebooks.Datasets.Mnist.Load();
        var x = samples >= train.Images.Rows ? train.Images : train.Images.SliceRows(0, samples);
        var y = Matrix.Column(train.Labels.Take(samples).ToArray());
        return (x, y);
    }

    /// <summary>Where validationSplit 0.2 cuts <paramref name="samples"/> (as <c>Fit</c> does: ⌈n·0.8⌉ training rows).</summary>
    public static int TrainingRows(int samples) => (int)Math.Ceiling(samples * (1 - 0.2));

    /// <summary>Multiply-adds of one sample's forward pass: Σ inputs·units over the layers.</summary>
    public static long ForwardMacs => Enumerable.Range(0, Widths.Length - 1).Sum(l => (long)Widths[l] * Widths[l + 1]);

    /// <summary>Multiply-adds of one sample's backward pass: dW for every layer, dX for all but the first.</summary>
    public static long BackwardMacs => ForwardMacs + Enumerable.Range(1, Widths.Length - 2).Sum(l => (long)Widths[l] * Widths[l + 1]);

    /// <summary>Floating-point operations (2 per multiply-add) of one Fit epoch: forward + backward over the training rows,
    /// forward over the validation rows. Bias, activations, loss and Adam are not counted (they are O(n), not O(n²)).</summary>
    public static double EpochFlops(int samples)
    {
        int train = TrainingRows(samples), validation = samples - train;
        return 2.0 * (train * (ForwardMacs + BackwardMacs) + validation * ForwardMacs);
    }
}
