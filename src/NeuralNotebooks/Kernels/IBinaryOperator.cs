using System.Numerics;

namespace NeuralNotebooks.Kernels;

/// <summary>An element-wise function of two values, e.g. "upstream gradient × local derivative": what
/// <see cref="IKernel.Map{TOp}(TOp, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> applies pairwise,
/// <c>z[i] = f(x[i], y[i])</c>.</summary>
/// <remarks>Structs, like <see cref="IUnaryOperator"/>; an operator with a SIMD form implements
/// <see cref="IVectorBinaryOperator"/>, which turns <see cref="IsVectorized"/> on.</remarks>
public interface IBinaryOperator
{
    /// <summary>The function's value at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    float Apply(float x, float y);

    /// <summary>True when <see cref="Apply(Vector{float}, Vector{float})"/> is implemented (the operator is an <see cref="IVectorBinaryOperator"/>).</summary>
    static virtual bool IsVectorized => false;

    /// <summary>The function applied lane by lane; only called when <see cref="IsVectorized"/>.</summary>
    /// <exception cref="NotSupportedException">The operator has no vector form.</exception>
    Vector<float> Apply(Vector<float> x, Vector<float> y) => throw new NotSupportedException($"{GetType().Name} has no vector form; implement {nameof(IVectorBinaryOperator)}.");
}

/// <summary>An <see cref="IBinaryOperator"/> that can also work on whole SIMD vectors at a time (see <see cref="IVectorUnaryOperator"/>).</summary>
/// <remarks>The vector form must give the same value as <see cref="IBinaryOperator.Apply(float, float)"/> in every lane.</remarks>
public interface IVectorBinaryOperator : IBinaryOperator
{
    static bool IBinaryOperator.IsVectorized => true;

    /// <summary>The function applied lane by lane to (<paramref name="x"/>, <paramref name="y"/>).</summary>
    abstract Vector<float> IBinaryOperator.Apply(Vector<float> x, Vector<float> y);
}
