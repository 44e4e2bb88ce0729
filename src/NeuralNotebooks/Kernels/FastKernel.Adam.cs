using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralNotebooks.Kernels;

public sealed partial class FastKernel
{
    /// <summary>Tensors at least this long are updated by several threads (a first layer of 784×128 weights is).</summary>
    private const int ParallelAdamLength = 32_768;

    [ThreadStatic] private static AdamJob? _adamJob;

    /// <inheritdoc />
    /// <remarks>Vectorised — each SIMD lane computes exactly the reference's scalar formula, in the same order, so the
    /// results are the same bits — and, for tensors of at least 32 768 values, split into contiguous ranges over
    /// <see cref="Threads"/> threads.</remarks>
    public unsafe void AdamUpdate(Span<float> value, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float beta1, float beta2, float epsilon, float stepSize)
    {
        int threads = Threads;
        if (threads <= 1 || value.Length < ParallelAdamLength)
        {
            AdamRange(value, gradient, m, v, beta1, beta2, epsilon, stepSize);
            return;
        }
        fixed (float* pw = value, pg = gradient, pm = m, pv = v)
        {
            var job = _adamJob ??= new AdamJob();
            job.Set(pw, pg, pm, pv, value.Length, beta1, beta2, epsilon, stepSize);
            int chunks = Math.Min(4 * threads, value.Length / (ParallelAdamLength / 4));
            WorkerPool.Run(job, chunks, threads);
        }
    }

    private static void AdamRange(Span<float> value, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float b1, float b2, float eps, float alpha)
    {
        int n = value.Length, i = 0;
        gradient = gradient[..n];
        m = m[..n];
        v = v[..n];
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            // 16 lanes: the square root and the division dominate, and 512-bit units do twice the values per instruction.
            ref float pw = ref MemoryMarshal.GetReference(value), pg = ref MemoryMarshal.GetReference(gradient);
            ref float pm = ref MemoryMarshal.GetReference(m), pv = ref MemoryMarshal.GetReference(v);
            Vector512<float> vb1 = Vector512.Create(b1), vb1c = Vector512.Create(1f - b1), vb2 = Vector512.Create(b2);
            Vector512<float> vb2c = Vector512.Create(1f - b2), veps = Vector512.Create(eps), valpha = Vector512.Create(alpha);
            for (; i + 16 <= n; i += 16)
            {
                var g = Vector512.LoadUnsafe(ref pg, (nuint)i);
                var mi = Denormals.Flush(vb1 * Vector512.LoadUnsafe(ref pm, (nuint)i) + vb1c * g);
                var vi = Denormals.Flush(vb2 * Vector512.LoadUnsafe(ref pv, (nuint)i) + vb2c * g * g);
                mi.StoreUnsafe(ref pm, (nuint)i);
                vi.StoreUnsafe(ref pv, (nuint)i);
                (Vector512.LoadUnsafe(ref pw, (nuint)i) - valpha * mi / (Vector512.Sqrt(vi) + veps)).StoreUnsafe(ref pw, (nuint)i);
            }
        }
        else if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            Vector<float> vb1 = new(b1), vb1c = new(1f - b1), vb2 = new(b2), vb2c = new(1f - b2), veps = new(eps), valpha = new(alpha);
            for (; i + w <= n; i += w)
            {
                var g = new Vector<float>(gradient.Slice(i, w));
                var mi = Denormals.Flush(vb1 * new Vector<float>(m.Slice(i, w)) + vb1c * g);
                var vi = Denormals.Flush(vb2 * new Vector<float>(v.Slice(i, w)) + vb2c * g * g);
                mi.CopyTo(m.Slice(i, w));
                vi.CopyTo(v.Slice(i, w));
                (new Vector<float>(value.Slice(i, w)) - valpha * mi / (Vector.SquareRoot(vi) + veps)).CopyTo(value.Slice(i, w));
            }
        }
        for (; i < n; i++)
        {
            float g = gradient[i];
            m[i] = Denormals.Flush(b1 * m[i] + (1f - b1) * g);
            v[i] = Denormals.Flush(b2 * v[i] + (1f - b2) * g * g);
            value[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + eps);
        }
    }

    /// <summary>One Adam update split into contiguous ranges (each element's arithmetic is unchanged).</summary>
    private sealed unsafe class AdamJob : ParallelJob
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
            AdamRange(new Span<float>(_value + start, n), new ReadOnlySpan<float>(_gradient + start, n),
                new Span<float>(_m + start, n), new Span<float>(_v + start, n), _b1, _b2, _eps, _alpha);
        }
    }
}
