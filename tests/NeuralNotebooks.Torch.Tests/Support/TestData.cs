using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Torch.Tests.Support;

/// <summary>Seeded test data made with our own <see cref="Rng"/>.</summary>
internal static class TestData
{
    /// <summary>A rows×cols matrix of standard-normal values.</summary>
    public static Matrix Normal(int rows, int cols, int seed, double scale = 1)
    {
        var rng = new Rng(seed);
        var m = new Matrix(rows, cols);
        for (int i = 0; i < m.Length; i++) m.Data[i] = (float)(scale * rng.NextNormal());
        return m;
    }

    /// <summary>Random class labels in [0, classes).</summary>
    public static int[] Labels(int rows, int classes, int seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, rows).Select(_ => rng.NextInt(classes)).ToArray();
    }

    /// <summary>One-hot rows for <paramref name="labels"/>.</summary>
    public static Matrix OneHot(IReadOnlyList<int> labels, int classes)
    {
        var m = new Matrix(labels.Count, classes);
        for (int i = 0; i < labels.Count; i++) m[i, labels[i]] = 1f;
        return m;
    }

    /// <summary>Random 0/1 targets.</summary>
    public static Matrix Binary(int rows, int cols, int seed)
    {
        var rng = new Rng(seed);
        var m = new Matrix(rows, cols);
        for (int i = 0; i < m.Length; i++) m.Data[i] = rng.NextDouble() < 0.5 ? 0f : 1f;
        return m;
    }

    /// <summary>The XOR truth table: x (4×2) and y (4×1).</summary>
    public static (Matrix X, Matrix Y) Xor() =>
        (Matrix.FromRows(new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f }), Matrix.Column(0f, 1f, 1f, 0f));

    /// <summary>The OR truth table: x (4×2) and y (4×1).</summary>
    public static (Matrix X, Matrix Y) Or() =>
        (Matrix.FromRows(new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f }), Matrix.Column(0f, 1f, 1f, 1f));

    /// <summary>
    /// An MNIST-shaped synthetic set (MNIST itself is loaded by NeuralNotebooks.Datasets, not in this branch): 10 classes
    /// of 784 "pixels" in [0, 1]. Each class has a random sparse template (a fraction <paramref name="density"/> of the pixels lit); a sample is its template with random
    /// intensity, a random shift of one pixel left or right, and Gaussian noise of standard deviation <paramref name="noise"/>, clipped to [0, 1]. The defaults make a task that
    /// the 784-128-64-10 network gets about 90% right after two epochs on 3000 samples: hard enough to compare on.
    /// </summary>
    public static (Matrix X, int[] Labels) SyntheticDigits(int samples, int seed, double density = 0.05, double noise = 0.45)
    {
        var templateRng = new Rng(20260);             // the same classes for every seed
        var templates = new float[10][];
        for (int k = 0; k < 10; k++)
        {
            templates[k] = new float[784];
            for (int j = 0; j < 784; j++) templates[k][j] = templateRng.NextDouble() < density ? (float)templateRng.Uniform(0.5, 1) : 0f;
        }
        var rng = new Rng(seed);
        var x = new Matrix(samples, 784);
        var labels = new int[samples];
        for (int i = 0; i < samples; i++)
        {
            int k = rng.NextInt(10);
            labels[i] = k;
            double intensity = rng.Uniform(0.4, 1.0);
            int shift = rng.NextInt(3) - 1;
            var row = x.Row(i);
            for (int j = 0; j < 784; j++)
            {
                int source = Math.Clamp(j + shift, 0, 783);
                double v = intensity * templates[k][source] + noise * rng.NextNormal();
                row[j] = (float)Math.Clamp(v, 0, 1);
            }
        }
        return (x, labels);
    }
}
