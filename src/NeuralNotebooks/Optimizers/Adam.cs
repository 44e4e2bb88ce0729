using System.Numerics;

namespace NeuralNotebooks.Optimizers;

/// <summary>Adam: momentum on the gradient and on its square, with bias correction (Kingma &amp; Ba, 2015).</summary>
/// <remarks>
/// <para>At step t: <c>m ← β₁·m + (1 − β₁)·g</c>, <c>v ← β₂·v + (1 − β₂)·g²</c>,
/// <c>α_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)</c>, <c>w ← w − α_t·m / (√v + ε)</c> — Keras' form. It equals the paper's
/// <c>η·m̂/(√v̂ + ε̂)</c> with m̂, v̂ bias-corrected and ε̂ = ε/√(1 − β₂ᵗ).</para>
/// <para>Keras defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7.</para>
/// </remarks>
public sealed class Adam : Optimizer
{
    /// <summary>Creates Adam.</summary>
    /// <exception cref="ArgumentOutOfRangeException">η ≤ 0, β₁ or β₂ outside [0, 1), or ε ≤ 0.</exception>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7) : base(learningRate)
    {
        Beta1 = RequireUnitInterval(beta1, nameof(beta1));
        Beta2 = RequireUnitInterval(beta2, nameof(beta2));
        Epsilon = RequirePositive(epsilon, nameof(epsilon));
    }

    /// <summary>β₁, decay of the gradient average.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, decay of the squared-gradient average.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to the denominator.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string Name => "adam";

    /// <inheritdoc />
    protected override int SlotCount => 2;

    /// <inheritdoc />
    /// <remarks>Vectorised (SIMD lanes compute exactly the scalar formula) and, for large tensors, split over the
    /// kernel's threads (<see cref="Kernels.Kernel.Threads"/>); m and v are flushed to 0 when they become denormal
    /// (see <see cref="Optimizer.FlushDenormal(float)"/>).</remarks>
    protected override unsafe void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration)
    {
        float b1 = (float)Beta1, b2 = (float)Beta2, eps = (float)Epsilon;
        float alpha = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, iteration)) / (1 - Math.Pow(Beta1, iteration)));
        int threads = Kernels.Kernel.Threads;
        if (threads <= 1 || value.Length < ParallelLength)
        {
            UpdateRange(value, gradient, slots[0], slots[1], b1, b2, eps, alpha);
            return;
        }
        fixed (float* pv = value, pg = gradient, pm = slots[0], ps = slots[1])
        {
            var job = _job ??= new AdamJob();
            job.Set(pv, pg, pm, ps, value.Length, b1, b2, eps, alpha);
            int chunks = Math.Min(4 * threads, value.Length / (ParallelLength / 4));
            Kernels.WorkerPool.Run(job, chunks, threads);
        }
    }

    /// <summary>Tensors at least this long are updated by several threads.</summary>
    private const int ParallelLength = 32_768;

    [ThreadStatic] private static AdamJob? _job;

    private static void UpdateRange(Span<float> value, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float b1, float b2, float eps, float alpha)
    {
        m = m[..value.Length];
        v = v[..value.Length];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var vb1 = new Vector<float>(b1);
            var vb1c = new Vector<float>(1f - b1);
            var vb2 = new Vector<float>(b2);
            var vb2c = new Vector<float>(1f - b2);
            var veps = new Vector<float>(eps);
            var valpha = new Vector<float>(alpha);
            for (; i + w <= value.Length; i += w)
            {
                var g = new Vector<float>(gradient.Slice(i, w));
                var mi = FlushDenormal(vb1 * new Vector<float>(m.Slice(i, w)) + vb1c * g);
                var vi = FlushDenormal(vb2 * new Vector<float>(v.Slice(i, w)) + vb2c * g * g);
                mi.CopyTo(m.Slice(i, w));
                vi.CopyTo(v.Slice(i, w));
                (new Vector<float>(value.Slice(i, w)) - valpha * mi / (Vector.SquareRoot(vi) + veps)).CopyTo(value.Slice(i, w));
            }
        }
        for (; i < value.Length; i++)
        {
            float g = gradient[i];
            m[i] = FlushDenormal(b1 * m[i] + (1f - b1) * g);
            v[i] = FlushDenormal(b2 * v[i] + (1f - b2) * g * g);
            value[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + eps);
        }
    }

    /// <summary>One Adam update split into contiguous ranges (each element's arithmetic is unchanged).</summary>
    private sealed unsafe class AdamJob : Kernels.ParallelJob
    {
        private float* _value, _gradient, _m, _v;
        private int _length;
        private float _b1, _b2, _eps, _alpha;

        public void Set(float* value, float* gradient, float* m, float* v, int length, float b1, float b2, float eps, float alpha)
        {
            _value = value; _gradient = gradient; _m = m; _v = v;
            (_length, _b1, _b2, _eps, _alpha) = (length, b1, b2, eps, alpha);
        }

        public override void Run(int part, int parts)
        {
            int start = (int)((long)_length * part / parts) & ~63;
            int end = part == parts - 1 ? _length : (int)((long)_length * (part + 1) / parts) & ~63;
            int n = end - start;
            UpdateRange(new Span<float>(_value + start, n), new ReadOnlySpan<float>(_gradient + start, n),
                new Span<float>(_m + start, n), new Span<float>(_v + start, n), _b1, _b2, _eps, _alpha);
        }
    }
}
