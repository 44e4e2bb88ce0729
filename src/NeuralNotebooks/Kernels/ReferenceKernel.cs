namespace NeuralNotebooks.Kernels;

/// <summary>
/// The textbook implementation of <see cref="IKernel"/>: plain loops, one multiply-add at a time, easy to check by eye.
/// Fast kernels are tested against this one.
/// </summary>
public sealed class ReferenceKernel : IKernel
{
    /// <summary>The shared instance.</summary>
    public static ReferenceKernel Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "reference";

    /// <inheritdoc />
    /// <remarks><c>C[i,j] = Σ_p A[i,p]·B[p,j]</c>. The loop order i-p-j walks B and C row by row.</remarks>
    public void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        if (!accumulate) c[..(m * n)].Clear();
        for (int i = 0; i < m; i++)
        {
            var cRow = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                float aip = a[i * k + p];
                var bRow = b.Slice(p * n, n);
                for (int j = 0; j < n; j++) cRow[j] += aip * bRow[j];
            }
        }
    }

    /// <inheritdoc />
    /// <remarks><c>C[i,j] = Σ_p A[i,p]·B[j,p]</c>: a dot product of row i of A with row j of B.</remarks>
    public void MatMulTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        for (int i = 0; i < m; i++)
        {
            var aRow = a.Slice(i * k, k);
            for (int j = 0; j < n; j++)
            {
                var bRow = b.Slice(j * k, k);
                float sum = 0f;
                for (int p = 0; p < k; p++) sum += aRow[p] * bRow[p];
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks><c>C[i,j] = Σ_p A[p,i]·B[p,j]</c>: a sum of outer products of row p of A with row p of B.</remarks>
    public void MatMulTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        if (!accumulate) c[..(m * n)].Clear();
        for (int p = 0; p < k; p++)
        {
            var aRow = a.Slice(p * m, m);
            var bRow = b.Slice(p * n, n);
            for (int i = 0; i < m; i++)
            {
                float api = aRow[i];
                var cRow = c.Slice(i * n, n);
                for (int j = 0; j < n; j++) cRow[j] += api * bRow[j];
            }
        }
    }

    /// <inheritdoc />
    public void AddRowVector(Span<float> matrix, int rows, int columns, ReadOnlySpan<float> vector)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = matrix.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++) row[c] += vector[c];
        }
    }

    /// <inheritdoc />
    public void SumColumns(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> result)
    {
        result[..columns].Clear();
        for (int r = 0; r < rows; r++)
        {
            var row = matrix.Slice(r * columns, columns);
            for (int c = 0; c < columns; c++) result[c] += row[c];
        }
    }

    /// <inheritdoc />
    public void Map<TOp>(TOp op, ReadOnlySpan<float> x, Span<float> y) where TOp : struct, IUnaryOperator
    {
        for (int i = 0; i < x.Length; i++) y[i] = op.Apply(x[i]);
    }

    /// <inheritdoc />
    public void Map<TOp>(TOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z) where TOp : struct, IBinaryOperator
    {
        for (int i = 0; i < x.Length; i++) z[i] = op.Apply(x[i], y[i]);
    }

    /// <inheritdoc />
    public void SoftmaxRows(ReadOnlySpan<float> x, Span<float> y, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * columns, columns);
            var yr = y.Slice(r * columns, columns);
            float max = float.NegativeInfinity;
            for (int c = 0; c < columns; c++) max = Math.Max(max, xr[c]);
            float sum = 0f;
            for (int c = 0; c < columns; c++)
            {
                yr[c] = MathF.Exp(xr[c] - max);
                sum += yr[c];
            }
            float inv = 1f / sum;
            for (int c = 0; c < columns; c++) yr[c] *= inv;
        }
    }

    /// <inheritdoc />
    public void GatherRows(ReadOnlySpan<float> source, int columns, ReadOnlySpan<int> rows, Span<float> destination)
    {
        for (int i = 0; i < rows.Length; i++)
            source.Slice(rows[i] * columns, columns).CopyTo(destination.Slice(i * columns, columns));
    }

    /// <inheritdoc />
    public void AdamUpdate(Span<float> value, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float beta1, float beta2, float epsilon, float stepSize)
    {
        for (int i = 0; i < value.Length; i++)
        {
            float g = gradient[i];
            m[i] = Denormals.Flush(beta1 * m[i] + (1f - beta1) * g);
            v[i] = Denormals.Flush(beta2 * v[i] + (1f - beta2) * g * g);
            value[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) + epsilon);
        }
    }
}
