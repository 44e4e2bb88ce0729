using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>
/// Standardises features: subtracts each column's mean and divides by its standard deviation, both learned from
/// the training data (scikit-learn's <c>StandardScaler</c>).
/// </summary>
/// <remarks>
/// <para><c>z = (x − μ) / σ</c> per column, with <c>μ</c> the column mean and <c>σ</c> the population standard deviation
/// (divide by N, ddof = 0) of the data given to <see cref="Fit"/>. Fit on the training split only and reuse the same
/// μ and σ for validation and test data; fitting on all data leaks information about the test set.</para>
/// <para>Sums are accumulated in double with a two-pass algorithm (mean first, then squared deviations).</para>
/// <para>A constant column has σ = 0; like scikit-learn its scale is set to 1 so it maps to 0 instead of dividing by
/// zero. "Constant" uses scikit-learn's tolerance: variance ≤ N·ε·var + (N·μ·ε)², with ε the double machine epsilon,
/// so rounding noise in an all-equal column does not count as variance.</para>
/// </remarks>
public sealed class StandardScaler
{
    private double[]? _mean;
    private double[]? _scale;
    private double[]? _variance;

    /// <summary>The double machine epsilon, 2⁻⁵² (numpy's <c>finfo(float64).eps</c>).</summary>
    private const double Eps = 2.220446049250313e-16;

    /// <summary>Whether <see cref="Fit"/> has been called.</summary>
    public bool IsFitted => _mean is not null;

    /// <summary>The number of columns seen by <see cref="Fit"/> (0 before fitting).</summary>
    public int Features => _mean?.Length ?? 0;

    /// <summary>The number of rows seen by <see cref="Fit"/> (0 before fitting).</summary>
    public int SamplesSeen { get; private set; }

    /// <summary>The per-column means μ learned by <see cref="Fit"/> (a copy).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public float[] Mean => ToFloats(RequireFitted().mean);

    /// <summary>The per-column scales σ learned by <see cref="Fit"/> (a copy; 1 for constant columns).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public float[] Scale => ToFloats(RequireFitted().scale);

    /// <summary>The per-column population variances σ² learned by <see cref="Fit"/> (a copy; 0 for constant columns).</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    public double[] Variance => RequireFitted().variance.ToArray();

    /// <summary>Learns the mean and standard deviation of every column of <paramref name="x"/>; returns this scaler.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> has no rows or no columns, or holds NaN or ±∞.</exception>
    public StandardScaler Fit(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0 || x.Columns == 0)
            throw new ArgumentException($"x has shape {x.ShapeText}; fitting needs at least one row and one column.", nameof(x));
        int n = x.Rows, d = x.Columns;
        var data = x.Data;
        var mean = new double[d];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < d; c++)
            {
                float v = data[r * d + c];
                if (!float.IsFinite(v))
                    throw new ArgumentException($"x[{r}, {c}] is {v}; the scaler needs finite values.", nameof(x));
                mean[c] += v;
            }
        for (int c = 0; c < d; c++) mean[c] /= n;

        var variance = new double[d];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < d; c++)
            {
                double dev = data[r * d + c] - mean[c];
                variance[c] += dev * dev;
            }

        var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            variance[c] /= n;
            double upperBound = n * Eps * variance[c] + Math.Pow(n * mean[c] * Eps, 2);
            if (variance[c] <= upperBound)
            {
                variance[c] = 0;
                scale[c] = 1;
            }
            else
            {
                scale[c] = Math.Sqrt(variance[c]);
            }
        }

        _mean = mean;
        _scale = scale;
        _variance = variance;
        SamplesSeen = n;
        return this;
    }

    /// <summary>Returns a new matrix <c>(x − μ) / σ</c>, column by column.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> has a different number of columns than the fitted data
    /// (the message names both).</exception>
    public Matrix Transform(Matrix x)
    {
        var (mean, scale, _) = RequireFitted();
        RequireColumns(x, mean.Length);
        var result = new Matrix(x.Rows, x.Columns);
        int d = x.Columns;
        for (int r = 0; r < x.Rows; r++)
            for (int c = 0; c < d; c++)
                result.Data[r * d + c] = (float)((x.Data[r * d + c] - mean[c]) / scale[c]);
        return result;
    }

    /// <summary><see cref="Fit"/> followed by <see cref="Transform"/> on the same data.</summary>
    public Matrix FitTransform(Matrix x) => Fit(x).Transform(x);

    /// <summary>Undoes <see cref="Transform"/>: returns a new matrix <c>z·σ + μ</c>.</summary>
    /// <exception cref="InvalidOperationException">The scaler is not fitted.</exception>
    /// <exception cref="ArgumentException"><paramref name="z"/> has a different number of columns than the fitted data
    /// (the message names both).</exception>
    public Matrix InverseTransform(Matrix z)
    {
        var (mean, scale, _) = RequireFitted();
        RequireColumns(z, mean.Length, nameof(z));
        var result = new Matrix(z.Rows, z.Columns);
        int d = z.Columns;
        for (int r = 0; r < z.Rows; r++)
            for (int c = 0; c < d; c++)
                result.Data[r * d + c] = (float)(z.Data[r * d + c] * scale[c] + mean[c]);
        return result;
    }

    private (double[] mean, double[] scale, double[] variance) RequireFitted()
    {
        if (_mean is null || _scale is null || _variance is null)
            throw new InvalidOperationException("The StandardScaler is not fitted yet: call Fit (or FitTransform) on the training data first.");
        return (_mean, _scale, _variance);
    }

    private static void RequireColumns(Matrix x, int expected, string paramName = "x")
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.Columns != expected)
            throw new ArgumentException(
                $"{paramName} has shape {x.ShapeText} ({x.Columns} columns) but the scaler was fitted on {expected} columns.", paramName);
    }

    private static float[] ToFloats(double[] values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = (float)values[i];
        return result;
    }
}
