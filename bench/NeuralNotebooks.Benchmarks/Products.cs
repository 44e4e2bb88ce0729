using System.Diagnostics;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Randomness;
using static TorchSharp.torch;

namespace NeuralNotebooks.Benchmarks;

/// <summary>One product shape: <c>C = op(A)·op(B)</c> with C m×n and inner dimension k; Kind 'N' = A·B (forward),
/// 'A' = Aᵀ·B (dW = Xᵀ·dZ), 'B' = A·Bᵀ (dX = dZ·Wᵀ).</summary>
internal sealed record ProductShape(string Label, int M, int K, int N, char Kind)
{
    public double Flops => 2.0 * M * K * N;

    /// <summary>The peak probe: one large square product.</summary>
    public static readonly ProductShape Peak = new("1024×1024×1024", 1024, 1024, 1024, 'N');

    /// <summary>Every product one training step of 784-128-64-10 makes at batch <paramref name="b"/>, in order.</summary>
    public static IEnumerable<ProductShape> TrainingStep(int b)
    {
        var w = MnistRun.Widths;
        for (int l = 0; l < w.Length - 1; l++) yield return new($"X·W {b}×{w[l]}×{w[l + 1]}", b, w[l], w[l + 1], 'N');
        for (int l = w.Length - 2; l >= 0; l--)
        {
            yield return new($"dW=Xᵀ·dZ {w[l]}×{b}×{w[l + 1]}", w[l], b, w[l + 1], 'A');
            if (l > 0) yield return new($"dX=dZ·Wᵀ {b}×{w[l + 1]}×{w[l]}", b, w[l + 1], w[l], 'B');
        }
    }
}

/// <summary>GFLOP/s of single products, ours and torch.matmul's.</summary>
internal sealed class ProductTimer : IDisposable
{
    private readonly float[] _a, _b, _c;
    private readonly ProductShape _s;
    private readonly IKernel _kernel;
    private Tensor? _ta, _tb;

    public ProductTimer(ProductShape s, IKernel kernel, bool withTorch)
    {
        (_s, _kernel) = (s, kernel);
        var rng = new Rng(3);
        _a = Random(rng, s.M * s.K);
        _b = Random(rng, s.K * s.N);
        _c = new float[s.M * s.N];
        if (withTorch)
        {
            // Stored operands: 'N' A m×k, B k×n; 'A' A k×m (used transposed); 'B' B n×k (used transposed).
            _ta = s.Kind == 'A' ? tensor(_a, new long[] { s.K, s.M }).t() : tensor(_a, new long[] { s.M, s.K });
            _tb = s.Kind == 'B' ? tensor(_b, new long[] { s.N, s.K }).t() : tensor(_b, new long[] { s.K, s.N });
        }
    }

    /// <summary>Runs our product once.</summary>
    public void Ours()
    {
        switch (_s.Kind)
        {
            case 'N': _kernel.MatMul(_a, _b, _c, _s.M, _s.K, _s.N); break;
            case 'A': _kernel.MatMulTransposeA(_a, _b, _c, _s.M, _s.K, _s.N); break;
            default: _kernel.MatMulTransposeB(_a, _b, _c, _s.M, _s.K, _s.N); break;
        }
    }

    /// <summary>Runs torch.matmul once.</summary>
    public void Torch()
    {
        using var r = matmul(_ta!, _tb!);
    }

    /// <summary>GFLOP/s of <paramref name="product"/> over a window of <paramref name="seconds"/>.</summary>
    public double Rate(Action product, double seconds)
    {
        long calls = 0;
        var watch = Stopwatch.StartNew();
        do { product(); calls++; } while (watch.Elapsed.TotalSeconds < seconds);
        return _s.Flops * calls / watch.Elapsed.TotalSeconds / 1e9;
    }

    /// <summary>GFLOP per CPU-second of this process for <paramref name="product"/> over about <paramref name="seconds"/>
    /// of CPU time. For a one-thread kernel this is what the core does while it runs, whatever else the machine runs
    /// (time slices lost to other processes cost wall time, not CPU time).</summary>
    public double CpuRate(Action product, double seconds)
    {
        long calls = 0;
        double start = Timing.ProcessCpuSeconds(), used;
        do { product(); calls++; } while ((used = Timing.ProcessCpuSeconds() - start) < seconds);
        return _s.Flops * calls / used / 1e9;
    }

    public void Dispose()
    {
        _ta?.Dispose();
        _tb?.Dispose();
    }

    private static float[] Random(Rng rng, int count)
    {
        var v = new float[count];
        for (int i = 0; i < v.Length; i++) v[i] = (float)(rng.NextDouble() * 2 - 1);
        return v;
    }
}
