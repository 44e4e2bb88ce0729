using System.Numerics;

namespace NeuralNotebooks.Kernels;

/// <summary>An element-wise function of one value, e.g. the sigmoid: what <see cref="IKernel.Map{TOp}(TOp, ReadOnlySpan{float}, Span{float})"/>
/// applies to every element, <c>y[i] = f(x[i])</c>.</summary>
/// <remarks>
/// <para>Operators are structs: the kernel's loop is generic over the operator type, so the JIT compiles one loop per
/// operator with <see cref="Apply(float)"/> inlined — no delegate call per element.</para>
/// <para>Implementing <see cref="Apply(float)"/> is enough. An operator that can also work on a whole SIMD vector at a
/// time implements <see cref="IVectorUnaryOperator"/> instead, which turns <see cref="IsVectorized"/> on.</para>
/// </remarks>
public interface IUnaryOperator
{
    /// <summary>The function's value at <paramref name="x"/>.</summary>
    float Apply(float x);

    /// <summary>True when <see cref="Apply(Vector{float})"/> is implemented (the operator is an <see cref="IVectorUnaryOperator"/>).</summary>
    /// <remarks>A static property, so it is a constant in each operator's specialised loop: the kernel's test of it costs nothing.</remarks>
    static virtual bool IsVectorized => false;

    /// <summary>The function applied to each lane of <paramref name="x"/>; only called when <see cref="IsVectorized"/>.</summary>
    /// <exception cref="NotSupportedException">The operator has no vector form.</exception>
    Vector<float> Apply(Vector<float> x) => throw new NotSupportedException($"{GetType().Name} has no vector form; implement {nameof(IVectorUnaryOperator)}.");
}

/// <summary>
/// An <see cref="IUnaryOperator"/> that can also work on a whole SIMD vector at a time. <see cref="FastKernel"/> uses the
/// vector form (the reference kernel ignores it).
/// </summary>
/// <remarks>The vector form must give the same value as <see cref="IUnaryOperator.Apply(float)"/> in every lane (the fast
/// kernel's tests compare both forms bit for bit).</remarks>
public interface IVectorUnaryOperator : IUnaryOperator
{
    static bool IUnaryOperator.IsVectorized => true;

    /// <summary>The function applied to each lane of <paramref name="x"/>.</summary>
    abstract Vector<float> IUnaryOperator.Apply(Vector<float> x);
}
