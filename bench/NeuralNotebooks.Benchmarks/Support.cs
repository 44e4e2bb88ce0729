using System.Diagnostics;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralNotebooks.Benchmarks;

/// <summary>Command-line options.</summary>
internal sealed record BenchmarkOptions(int Threads, int Repeats, int Samples, bool Quick)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        int threads = 2, repeats = 5, samples = 48_000;
        bool quick = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--threads" when i + 1 < args.Length && int.TryParse(args[i + 1], out threads) && threads > 0: i++; break;
                case "--repeats" when i + 1 < args.Length && int.TryParse(args[i + 1], out repeats) && repeats > 0: i++; break;
                case "--samples" when i + 1 < args.Length && int.TryParse(args[i + 1], out samples) && samples > 0: i++; break;
                case "--quick": quick = true; break;
                default:
                    Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Usage: [--threads N ≥ 1] [--repeats R ≥ 1] [--samples S ≥ 1] [--quick]");
                    return null;
            }
        }
        if (quick) { repeats = Math.Min(repeats, 1); samples = Math.Min(samples, 4_800); }
        return new BenchmarkOptions(threads, repeats, samples, quick);
    }
}

/// <summary>Random data of MNIST's shape: N×784 pixels in [0, 1) and labels 0–9 (the same arrays feed both engines).</summary>
internal sealed class SyntheticMnist
{
    public required float[] Pixels { get; init; }
    public required int[] Labels { get; init; }
    public int Count => Labels.Length;

    public static SyntheticMnist Create(int count, int seed)
    {
        var rng = new Rng(seed);
        var pixels = new float[count * 784];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)rng.NextDouble();
        var labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = rng.NextInt(10);
        return new SyntheticMnist { Pixels = pixels, Labels = labels };
    }
}

/// <summary>The from-scratch network, trained with <c>Sequential.Fit</c> one epoch at a time.</summary>
internal sealed class ScratchTrainer
{
    private readonly Sequential _model;
    private readonly Matrix _x, _y;
    private readonly int _batch;

    public ScratchTrainer(SyntheticMnist data, int batch)
    {
        _batch = batch;
        _x = new Matrix(data.Count, 784, data.Pixels);
        _y = new Matrix(data.Count, 1, data.Labels.Select(l => (float)l).ToArray());
        _model = new Sequential(seed: 42) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        _model.Compile(new Adam(learningRate: 0.001), Loss.SparseCategoricalCrossEntropy);
    }

    /// <summary>Trains one epoch and returns its wall-clock seconds.</summary>
    public double Epoch()
    {
        var watch = Stopwatch.StartNew();
        var history = _model.Fit(_x, _y, epochs: 1, batchSize: _batch, shuffle: true);
        watch.Stop();
        if (!double.IsFinite(history.Loss[^1])) throw new InvalidOperationException("scratch training diverged");
        return watch.Elapsed.TotalSeconds;
    }
}

/// <summary>The same network in TorchSharp: Linear-ReLU-Linear-ReLU-Linear + CrossEntropyLoss (softmax inside), Adam.</summary>
internal sealed class TorchTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly nn.Module<Tensor, Tensor, Tensor> _loss;
    private readonly optim.Optimizer _optimizer;
    private readonly Tensor _x, _y;
    private readonly int _batch;

    public TorchTrainer(SyntheticMnist data, int batch)
    {
        _batch = batch;
        _x = tensor(data.Pixels, new long[] { data.Count, 784 });
        _y = tensor(data.Labels.Select(l => (long)l).ToArray(), new long[] { data.Count });
        _model = nn.Sequential(
            ("dense", nn.Linear(784, 128)), ("relu", nn.ReLU()),
            ("dense_1", nn.Linear(128, 64)), ("relu_1", nn.ReLU()),
            ("dense_2", nn.Linear(64, 10)));
        _loss = nn.CrossEntropyLoss();
        _optimizer = optim.Adam(_model.parameters(), lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7);
    }

    /// <summary>Trains one epoch (shuffled mini-batches, the loss read back every batch like Fit) and returns its seconds.</summary>
    public double Epoch()
    {
        var watch = Stopwatch.StartNew();
        _model.train();
        long n = _x.shape[0];
        double lossSum = 0;
        using (var epochScope = NewDisposeScope())
        {
            var order = randperm(n);
            for (long start = 0; start < n; start += _batch)
            {
                using var scope = NewDisposeScope();
                long count = Math.Min(_batch, n - start);
                var idx = order.narrow(0, start, count);
                var xb = _x.index_select(0, idx);
                var yb = _y.index_select(0, idx);
                _optimizer.zero_grad();
                var loss = _loss.call(_model.call(xb), yb);
                loss.backward();
                _optimizer.step();
                lossSum += loss.item<float>() * count;
            }
        }
        watch.Stop();
        if (!double.IsFinite(lossSum)) throw new InvalidOperationException("torch training diverged");
        return watch.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        _model.Dispose();
        _x.Dispose();
        _y.Dispose();
    }
}

/// <summary>One product shape: <c>C = op(A)·op(B)</c> with C m×n and inner dimension k.</summary>
internal sealed record ProductShape(string Label, int M, int K, int N, char Kind);

/// <summary>GFLOP/s of one product in our kernel and in torch.</summary>
internal static class MatMulBench
{
    public static IEnumerable<ProductShape> Shapes(bool quick)
    {
        yield return new ProductShape("X·W 128×784×128", 128, 784, 128, 'N');
        if (!quick) yield return new ProductShape("X·W 1024×1024×1024", 1024, 1024, 1024, 'N');
        yield return new ProductShape("Xᵀ·dZ (dW) 784×32×128", 784, 32, 128, 'A');
        yield return new ProductShape("dZ·Wᵀ (dX) 32×128×784", 32, 128, 784, 'B');
        yield return new ProductShape("X·W 32×784×128", 32, 784, 128, 'N');
    }

    public static (List<double> Ours, List<double> Torch) Measure(ProductShape s, double seconds, int repeats)
    {
        var rng = new Rng(3);
        // Stored operands: 'N' A m×k, B k×n; 'A' A k×m; 'B' B n×k.
        var a = Random(rng, s.M * s.K);
        var b = Random(rng, s.K * s.N);
        var c = new float[s.M * s.N];
        double flops = 2.0 * s.M * s.K * s.N;
        var kernel = Kernel.Current;
        Action ours = s.Kind switch
        {
            'N' => () => kernel.MatMul(a, b, c, s.M, s.K, s.N),
            'A' => () => kernel.MatMulTransposeA(a, b, c, s.M, s.K, s.N),
            _ => () => kernel.MatMulTransposeB(a, b, c, s.M, s.K, s.N),
        };
        using var ta = s.Kind == 'A' ? tensor(a, new long[] { s.K, s.M }) : tensor(a, new long[] { s.M, s.K });
        using var tb = s.Kind == 'B' ? tensor(b, new long[] { s.N, s.K }) : tensor(b, new long[] { s.K, s.N });
        using var tat = ta.t();
        using var tbt = tb.t();
        Action theirs = s.Kind switch
        {
            'N' => () => { using var r = torch.matmul(ta, tb); },
            'A' => () => { using var r = torch.matmul(tat, tb); },
            _ => () => { using var r = torch.matmul(ta, tbt); },
        };
        var oursRates = new List<double>();
        var torchRates = new List<double>();
        Rate(ours, flops, 0.05); Rate(theirs, flops, 0.05); // warm-up
        for (int r = 0; r < repeats; r++)
        {
            oursRates.Add(Rate(ours, flops, seconds));
            torchRates.Add(Rate(theirs, flops, seconds));
        }
        return (oursRates, torchRates);
    }

    private static double Rate(Action product, double flops, double seconds)
    {
        long calls = 0;
        var watch = Stopwatch.StartNew();
        do { product(); calls++; } while (watch.Elapsed.TotalSeconds < seconds);
        return flops * calls / watch.Elapsed.TotalSeconds / 1e9;
    }

    private static float[] Random(Rng rng, int count)
    {
        var v = new float[count];
        for (int i = 0; i < v.Length; i++) v[i] = (float)(rng.NextDouble() * 2 - 1);
        return v;
    }
}

internal static class Stats
{
    public static double Min(IReadOnlyList<double> v) => v.Min();
    public static double Max(IReadOnlyList<double> v) => v.Max();
    public static double Median(IReadOnlyList<double> v)
    {
        var s = v.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
