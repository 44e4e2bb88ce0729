using NeuralNotebooks.Activations;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Benchmarks;

/// <summary>
/// Where a scratch epoch's time goes: each kind of work of one epoch (every batch's products, Adam steps, element-wise
/// passes, batch gathering), run alone through the same kernel calls and shapes as <c>Fit</c> makes them.
/// What the parts do not add up to is the rest: metrics, Fit's bookkeeping, calls and cache misses between the parts.
/// </summary>
/// <remarks>Measured on one thread in CPU seconds of this process, and compared with the one-thread Fit's CPU seconds:
/// on a busy machine wall-clock parts swing with the time slices lost to other processes, CPU seconds hardly do.</remarks>
internal static class EpochBreakdown
{
    public sealed record Part(string Name, double Seconds, string Detail);

    public static IReadOnlyList<Part> Measure(Matrix x, Matrix y, int batch)
    {
        using var oneThread = Kernel.UseThreads(1);
        int train = MnistRun.TrainingRows(x.Rows), validation = x.Rows - train;
        int batches = (train + batch - 1) / batch, valBatches = (validation + batch - 1) / batch;
        var parts = new List<Part>();
        var training = ProductShape.TrainingStep(batch).ToArray();
        var forward = training.Where(s => s.Kind == 'N').ToArray();
        var timers = training.Select(s => new ProductTimer(s, Kernel.Current, withTorch: false)).ToArray();
        double productSeconds = Time(() =>
        {
            for (int b = 0; b < batches; b++) foreach (var t in timers) t.Ours();
            for (int b = 0; b < valBatches; b++) for (int i = 0; i < forward.Length; i++) timers[i].Ours();
        });
        double productFlops = batches * training.Sum(s => s.Flops) + valBatches * forward.Sum(s => s.Flops);
        parts.Add(new("matrix products", productSeconds, $"{training.Length} per step, {productFlops / productSeconds / 1e9:F0} GFLOP/s"));

        var model = new Sequential(seed: 1) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        var parameters = model.Parameters;
        var rng = new Rng(5);
        foreach (var p in parameters) for (int i = 0; i < p.Gradient.Length; i++) p.Gradient.Data[i] = (float)(rng.NextDouble() - 0.5) * 1e-3f;
        var adam = new Adam();
        double adamSeconds = Time(() => { for (int b = 0; b < batches; b++) adam.Step(parameters); });
        long values = parameters.Sum(p => (long)p.Value.Length);
        parts.Add(new("Adam updates", adamSeconds, $"{values:N0} values per step, {batches * values * 7 * 4 / adamSeconds / 1e9:F0} GB/s (7 floats each)"));

        var widths = MnistRun.Widths;
        var z = widths.Skip(1).Select(w => Filled(batch, w, rng)).ToArray();
        var a = widths.Skip(1).Select(w => new Matrix(batch, w)).ToArray();
        var d = widths.Skip(1).Select(w => Filled(batch, w, rng)).ToArray();
        var bias = widths.Skip(1).Select(w => new float[w]).ToArray();
        var labels = new Matrix(batch, 1, Enumerable.Range(0, batch).Select(i => (float)(i % 10)).ToArray());
        var outputGradient = new Matrix(batch, 10);
        var loss = Loss.SparseCategoricalCrossEntropy;
        void ForwardPasses()
        {
            for (int l = 0; l < z.Length; l++)
            {
                Ops.AddRowVector(z[l], bias[l]);
                (l == z.Length - 1 ? Activation.Softmax : Activation.ReLU).Forward(z[l], a[l]);
            }
            loss.Compute(a[^1], labels);
        }
        double elementSeconds = Time(() =>
        {
            for (int b = 0; b < batches; b++)
            {
                ForwardPasses();
                loss.TryOutputGradient(Activation.Softmax, a[^1], labels, outputGradient);
                for (int l = z.Length - 1; l >= 0; l--)
                {
                    if (l < z.Length - 1) Activation.ReLU.Backward(z[l], a[l], d[l], d[l]);
                    Ops.SumColumns(d[l], bias[l]);
                }
            }
            for (int b = 0; b < valBatches; b++) ForwardPasses();
        });
        parts.Add(new("bias, activations, softmax, loss", elementSeconds, "element-wise passes over each layer's outputs"));

        var order = Enumerable.Range(0, train).ToArray();
        rng.Shuffle(order.AsSpan());
        var xb = new Matrix(batch, 784);
        var yb = new Matrix(batch, 1);
        double gatherSeconds = Time(() =>
        {
            for (int b = 0; b < batches; b++)
            {
                var rows = order.AsSpan(b * batch, Math.Min(batch, train - b * batch));
                x.GatherRows(rows, xb);
                y.GatherRows(rows, yb);
            }
        });
        parts.Add(new("gathering shuffled batches", gatherSeconds, $"{(double)train * 785 * 4 / gatherSeconds / 1e9:F1} GB/s"));
        foreach (var t in timers) t.Dispose();
        return parts;
    }

    private static Matrix Filled(int rows, int columns, Rng rng)
    {
        var m = new Matrix(rows, columns);
        for (int i = 0; i < m.Length; i++) m.Data[i] = (float)(rng.NextDouble() - 0.5);
        return m;
    }

    /// <summary>CPU seconds of this process for <paramref name="work"/>, after one warm-up run of it.</summary>
    private static double Time(Action work)
    {
        work();
        double start = Timing.ProcessCpuSeconds();
        work();
        return Timing.ProcessCpuSeconds() - start;
    }
}
