namespace NeuralNotebooks.Kernels;

/// <summary>
/// The few numeric routines all heavy math in the library goes through: the three matrix products of a dense layer,
/// bias broadcasting, column sums and element-wise maps.
/// </summary>
/// <remarks>
/// <para>Matrices are passed as row-major spans plus their dimensions. Shapes are checked by <see cref="Ops"/> before
/// a kernel is called, so kernels may assume the spans are exactly large enough.</para>
/// <para>The readable implementation is <see cref="ReferenceKernel"/>. A faster implementation can be installed with
/// <see cref="Kernel.Current"/> without touching any layer.</para>
/// </remarks>
public interface IKernel
{
    /// <summary>A short name for logs and benchmarks, e.g. "reference".</summary>
    string Name { get; }

    /// <summary><c>C = A·B</c> (or <c>C += A·B</c> when <paramref name="accumulate"/>), with A m×k, B k×n, C m×n.</summary>
    void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false);

    /// <summary><c>C = A·Bᵀ</c>, with A m×k, B n×k, C m×n — used for <c>dX = dY·Wᵀ</c> without materialising Wᵀ.</summary>
    void MatMulTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false);

    /// <summary><c>C = Aᵀ·B</c>, with A k×m, B k×n, C m×n — used for <c>dW = Xᵀ·dY</c> without materialising Xᵀ.</summary>
    void MatMulTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false);

    /// <summary>Adds <paramref name="vector"/> (length <paramref name="columns"/>) to every row of the matrix.</summary>
    void AddRowVector(Span<float> matrix, int rows, int columns, ReadOnlySpan<float> vector);

    /// <summary>Sums each column over all rows: <c>result[c] = Σ_r matrix[r, c]</c> (the bias gradient).</summary>
    void SumColumns(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> result);

    /// <summary><c>y[i] = op.Apply(x[i])</c>. <paramref name="x"/> and <paramref name="y"/> may be the same span.</summary>
    /// <remarks>Operators are structs, so the JIT specialises and inlines the loop body for each operator.</remarks>
    void Map<TOp>(TOp op, ReadOnlySpan<float> x, Span<float> y) where TOp : struct, IUnaryOperator;

    /// <summary><c>z[i] = op.Apply(x[i], y[i])</c>. <paramref name="z"/> may alias an input.</summary>
    void Map<TOp>(TOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z) where TOp : struct, IBinaryOperator;

    /// <summary>Row-wise softmax: <c>y[r, c] = exp(x[r, c] − max_r) / Σ_j exp(x[r, j] − max_r)</c>.</summary>
    /// <remarks>Subtracting the row maximum keeps <c>exp</c> from overflowing; the result is unchanged mathematically.</remarks>
    void SoftmaxRows(ReadOnlySpan<float> x, Span<float> y, int rows, int columns);

    /// <summary>Copies rows <paramref name="rows"/> of the row-major <paramref name="source"/> (rows of
    /// <paramref name="columns"/> values), in that order, into <paramref name="destination"/> — a shuffled mini-batch.</summary>
    /// <remarks>Row indices are checked by the caller (<see cref="Tensors.Matrix.GatherRows"/>).</remarks>
    void GatherRows(ReadOnlySpan<float> source, int columns, ReadOnlySpan<int> rows, Span<float> destination);

    /// <summary>One Adam step on a parameter tensor, in place: for every i, with <c>g = gradient[i]</c>,
    /// <c>m ← β₁·m + (1 − β₁)·g</c>, <c>v ← β₂·v + (1 − β₂)·g²</c>, <c>w ← w − α·m / (√v + ε)</c>.</summary>
    /// <remarks><paramref name="stepSize"/> α already holds the bias corrections (see <see cref="Optimizers.Adam"/>);
    /// m and v are flushed to 0 when they become denormal (<see cref="Denormals"/>). All spans have the same length.</remarks>
    void AdamUpdate(Span<float> value, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float beta1, float beta2, float epsilon, float stepSize);
}
