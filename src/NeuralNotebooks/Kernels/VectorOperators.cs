using System.Numerics;

namespace NeuralNotebooks.Kernels;

/// <summary>
/// Optional: a <see cref="IUnaryOperator"/> that can also work on a whole SIMD vector at a time.
/// <see cref="FastKernel"/> uses the vector form when an operator implements it (the reference kernel ignores it).
/// </summary>
/// <remarks>The vector form must give the same value as <see cref="IUnaryOperator.Apply(float)"/> in every lane.</remarks>
public interface IVectorUnaryOperator : IUnaryOperator
{
    /// <summary>The function applied to each lane of <paramref name="x"/>.</summary>
    Vector<float> Apply(Vector<float> x);
}

/// <summary>
/// Optional: a <see cref="IBinaryOperator"/> that can also work on whole SIMD vectors at a time
/// (see <see cref="IVectorUnaryOperator"/>).
/// </summary>
public interface IVectorBinaryOperator : IBinaryOperator
{
    /// <summary>The function applied lane by lane to (<paramref name="x"/>, <paramref name="y"/>).</summary>
    Vector<float> Apply(Vector<float> x, Vector<float> y);
}

/// <summary>Runs a map with the vector form of an operator; one instance per operator type, found by reflection once.</summary>
internal abstract class VectorMap<TOp> where TOp : struct
{
    /// <summary>The vectorised map for <typeparamref name="TOp"/>, or null when the operator has no vector form.</summary>
    public static readonly VectorMap<TOp>? Instance = Create();

    public abstract void Unary(TOp op, ReadOnlySpan<float> x, Span<float> y);

    public abstract void Binary(TOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z);

    private static VectorMap<TOp>? Create()
    {
        if (!Vector.IsHardwareAccelerated) return null;
        var t = typeof(TOp);
        if (typeof(IVectorUnaryOperator).IsAssignableFrom(t))
            return (VectorMap<TOp>?)Activator.CreateInstance(typeof(UnaryVectorMap<>).MakeGenericType(t));
        if (typeof(IVectorBinaryOperator).IsAssignableFrom(t))
            return (VectorMap<TOp>?)Activator.CreateInstance(typeof(BinaryVectorMap<>).MakeGenericType(t));
        return null;
    }
}

internal sealed class UnaryVectorMap<TOp> : VectorMap<TOp> where TOp : struct, IVectorUnaryOperator
{
    public override void Unary(TOp op, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length, w = Vector<float>.Count, i = 0;
        for (; i + w <= n; i += w) op.Apply(new Vector<float>(x.Slice(i, w))).CopyTo(y.Slice(i, w));
        for (; i < n; i++) y[i] = op.Apply(x[i]);
    }

    public override void Binary(TOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z) =>
        throw new NotSupportedException();
}

internal sealed class BinaryVectorMap<TOp> : VectorMap<TOp> where TOp : struct, IVectorBinaryOperator
{
    public override void Unary(TOp op, ReadOnlySpan<float> x, Span<float> y) => throw new NotSupportedException();

    public override void Binary(TOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        int n = x.Length, w = Vector<float>.Count, i = 0;
        for (; i + w <= n; i += w)
            op.Apply(new Vector<float>(x.Slice(i, w)), new Vector<float>(y.Slice(i, w))).CopyTo(z.Slice(i, w));
        for (; i < n; i++) z[i] = op.Apply(x[i], y[i]);
    }
}
