using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>Tiny real models and data, trained with the library (each well under a second).</summary>
internal static class TestData
{
    public static readonly Matrix XorX = Matrix.FromRows(new float[] { 0, 0 }, new float[] { 0, 1 }, new float[] { 1, 0 }, new float[] { 1, 1 });
    public static readonly Matrix XorY = Matrix.Column(0f, 1f, 1f, 0f);

    /// <summary>XOR learned by a 2-8-1 network (accuracy 1). A new model each call: models are not thread-safe and tests run in parallel.</summary>
    public static Sequential XorModel()
    {
        var m = new Sequential(seed: 7) { new Input(2), new Dense(8, "tanh"), new Dense(1, "sigmoid") };
        m.Compile(new Adam(0.05), Loss.BinaryCrossEntropy, "accuracy");
        m.Fit(XorX, XorY, epochs: 400, batchSize: 4, seed: 7);
        return m;
    }

    /// <summary>Two noisy Gaussian blobs, 200 points, labels 0/1.</summary>
    public static (Matrix X, Matrix Y) Blobs(int seed = 3, int n = 200)
    {
        var rng = new Rng(seed);
        var x = new Matrix(n, 2);
        var y = new Matrix(n, 1);
        for (int i = 0; i < n; i++)
        {
            int c = i % 2;
            x[i, 0] = (float)(rng.NextNormal() * 0.9 + (c == 0 ? -1 : 1));
            x[i, 1] = (float)(rng.NextNormal() * 0.9 + (c == 0 ? -0.5 : 0.7));
            y[i, 0] = c;
        }
        return (x, y);
    }

    /// <summary>A history with validation and an early-stopping best epoch.</summary>
    public static History HistoryWithBestEpoch()
    {
        var (x, y) = Blobs();
        var m = new Sequential(seed: 1) { new Input(2), new Dense(16, "relu"), new Dense(1, "sigmoid") };
        m.Compile(new Adam(0.05), Loss.BinaryCrossEntropy, "accuracy");
        return m.Fit(x, y, epochs: 40, batchSize: 16, validationSplit: 0.3, seed: 1,
            callbacks: new Callback[] { new EarlyStopping("val_loss", patience: 3, restoreBestWeights: true) });
    }

    /// <summary>A plain training run (no early stopping) with the given learning rate.</summary>
    public static History Run(double learningRate, int epochs = 12)
    {
        var (x, y) = Blobs();
        var m = new Sequential(seed: 2) { new Input(2), new Dense(8, "relu"), new Dense(1, "sigmoid") };
        m.Compile(new Sgd(learningRate), Loss.BinaryCrossEntropy, "accuracy");
        return m.Fit(x, y, epochs: epochs, batchSize: 32, validationSplit: 0.25, seed: 2);
    }

    /// <summary>A 28 × 28 "7": a thick bar along the top rows and a diagonal down to the bottom left. Row 0 is the top.</summary>
    public static float[] Seven()
    {
        var p = new float[784];
        for (int r = 3; r <= 7; r++) for (int c = 4; c <= 23; c++) p[r * 28 + c] = 1f;
        for (int r = 8; r <= 25; r++)
        {
            int c = 23 - (r - 8) * 14 / 17;
            for (int d = -2; d <= 1; d++) if (c + d is >= 0 and < 28) p[r * 28 + c + d] = 0.85f;
        }
        return p;
    }

    /// <summary>Eight small synthetic 28 × 28 images (shifted bars and blocks), N × 784.</summary>
    public static Matrix Images(int n = 8)
    {
        var m = new Matrix(n, 784);
        for (int i = 0; i < n; i++)
        {
            if (i == 0) { Seven().CopyTo(m.Row(0)); continue; }
            for (int r = 0; r < 28; r++)
                for (int c = 0; c < 28; c++)
                {
                    bool on = (i % 3) switch
                    {
                        0 => Math.Abs(r - 14) + Math.Abs(c - 14) < 6 + i,          // diamond
                        1 => r >= 4 + i && r <= 8 + i && c >= 3 && c <= 24,        // horizontal bar
                        _ => c >= 4 + i && c <= 8 + i && r >= 3 && r <= 24,        // vertical bar
                    };
                    if (on) m.Row(i)[r * 28 + c] = 0.2f + 0.8f * (r / 27f);
                }
        }
        return m;
    }

    public static readonly string[] FashionNames =
        { "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot" };
}
