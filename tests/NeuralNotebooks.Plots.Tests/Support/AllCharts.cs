using NeuralNotebooks.Activations;
using NeuralNotebooks.Models;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>One example of every chart type, built from tiny real models (shared by the browser tests).</summary>
internal static class AllCharts
{
    public static IReadOnlyList<(string Name, Plot Plot, int Width, int Height)> Build()
    {
        var images = TestData.Images(8);
        var probs = SoftmaxLike(8, 10);
        var labels = new[] { 7, 1, 2, 3, 4, 5, 6, 0 };
        var (bx, by) = TestData.Blobs();
        var model = new Sequential(seed: 1) { new Input(784), new Layers.Dense(128, "relu"), new Layers.Dropout(0.2), new Layers.Dense(10, "softmax") };
        var xor = TestData.XorModel();
        var predicted = xor.Predict(TestData.XorX);
        return new (string, Plot, int, int)[]
        {
            ("history", Charts.History(TestData.HistoryWithBestEpoch()), 1000, 450),
            ("compare-runs", Charts.CompareRuns(new Dictionary<string, History> { ["lr 0.01"] = TestData.Run(0.01), ["lr 0.1"] = TestData.Run(0.1), ["lr 1.0"] = TestData.Run(1.0) }), 800, 460),
            ("decision-boundary-xor", Charts.DecisionBoundary(xor, TestData.XorX, TestData.XorY, title: "XOR, 2-8-1 network"), 700, 560),
            ("decision-boundary-blobs", Charts.DecisionBoundary(m => xor.Predict(m), bx, by, resolution: 60), 700, 560),
            ("activations", Charts.Activations(Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU, Activation.Step), 1000, 460),
            ("actual-vs-predicted", Charts.ActualVsPredicted(Enumerable.Range(0, 50).Select(i => i / 10.0).ToArray(), Enumerable.Range(0, 50).Select(i => i / 10.0 + Math.Sin(i) * 0.3).ToArray()), 600, 560),
            ("weights", Charts.Weights((Layers.Dense)xor.Layers[0]), 800, 360),
            ("confusion-matrix", Charts.ConfusionMatrix(new[,] { { 50, 2, 3 }, { 4, 40, 6 }, { 0, 5, 45 } }, new[] { "cat", "dog", "bird" }), 1000, 480),
            ("image", Charts.Image(TestData.Seven(), title: "a seven", colorBar: true), 520, 460),
            ("image-grid", Charts.ImageGrid(images, Enumerable.Range(0, 8).Select(i => TestData.FashionNames[labels[i]]).ToArray(), columns: 4), 640, 380),
            ("class-probabilities", Charts.ClassProbabilities(probs.Row(1).ToArray(), 2, TestData.FashionNames), 720, 380),
            ("prediction-grid", Charts.PredictionGrid(images, probs, labels, TestData.FashionNames, rows: 2, columns: 3), 1060, 420),
            ("model-diagram", Charts.ModelDiagram(model), 560, 590),
            ("decision-boundaries", Charts.DecisionBoundaries(new Dictionary<string, Func<Tensors.Matrix, Tensors.Matrix>> { ["2-8-1 on XOR"] = m => xor.Predict(m), ["x₁ > 0.5"] = m => Step(m) }, TestData.XorX, new[] { 0, 1, 1, 0 }, resolution: 40), 1000, 470),
            ("lines", Charts.Lines(Enumerable.Range(1, 3).Select(k => new LineSeries($"x^{k}", Enumerable.Range(1, 40).Select(i => i / 10.0).ToArray(), Enumerable.Range(1, 40).Select(i => Math.Pow(i / 10.0, k)).ToArray())), "x", "y", logY: true), 800, 460),
            ("loss-surface", Charts.LossSurface((w, b) => (w - 1) * (w - 1) + 10 * b * b, (-3, 3), (-1.5, 1.5), [new LineSeries("descent", new[] { -2.5, -1.5, -0.5, 0.3, 0.8 }, new[] { 1.2, -0.9, 0.7, -0.4, 0.1 })], minimum: (1, 0)), 800, 600),
            ("precision-recall", Charts.PrecisionRecall(ThresholdChartTests.Sweep()), 1000, 460),
            ("raw-image", Charts.Image(RawImageChartTests.Raw(), 1), 540, 480),
        };
    }

    private static Tensors.Matrix Step(Tensors.Matrix m)
    {
        var o = new Tensors.Matrix(m.Rows, 1);
        for (int i = 0; i < m.Rows; i++) o[i, 0] = m[i, 0] > 0.5f ? 1 : 0;
        return o;
    }

    /// <summary>Rows that look like softmax outputs: row i is confident in class (i * 3) % k; row 1 is wrong for label 2.</summary>
    public static Tensors.Matrix SoftmaxLike(int n, int k)
    {
        var m = new Tensors.Matrix(n, k);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++) m[i, c] = 0.02f;
            int top = i == 0 ? 7 : i == 1 ? 6 : i % k;
            m[i, top] = 0.6f;
            m[i, (top + 2) % k] = 0.4f - 0.02f * (k - 2);
            if (i == 1) m[i, 2] = 0.2f;
        }
        return m;
    }
}
