using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Torch.Tests.Support;

/// <summary>Element-wise comparisons with a relative tolerance and an absolute floor for near-zero values.</summary>
internal static class Compare
{
    /// <summary>
    /// The largest relative error |a − b| / max(|a|, |b|, floor) between two equally shaped matrices, where
    /// floor = max(absFloor, relFloor · max|expected|): entries far below the tensor's scale are compared absolutely.
    /// </summary>
    public static (double Error, int Index) MaxRelativeError(Matrix expected, Matrix actual, double absFloor = 1e-6, double relFloor = 0.1)
    {
        Assert.Equal(expected.ShapeText, actual.ShapeText);
        var e = expected.Span;
        var a = actual.Span;
        double scale = 0;
        for (int i = 0; i < e.Length; i++) scale = Math.Max(scale, Math.Abs(e[i]));
        double floor = Math.Max(absFloor, relFloor * scale);
        double worst = 0;
        int at = 0;
        for (int i = 0; i < e.Length; i++)
        {
            double err = Math.Abs(e[i] - a[i]) / Math.Max(floor, Math.Max(Math.Abs(e[i]), Math.Abs(a[i])));
            if (err > worst) (worst, at) = (err, i);
        }
        return (worst, at);
    }

    /// <summary>Asserts <see cref="MaxRelativeError"/> ≤ <paramref name="tolerance"/>, naming the worst entry.</summary>
    public static void Relative(Matrix expected, Matrix actual, double tolerance, string what)
    {
        var (err, i) = MaxRelativeError(expected, actual);
        Assert.True(err <= tolerance,
            $"{what}: relative error {err:G3} at index {i} (expected {expected.Span[i]:G9}, got {actual.Span[i]:G9}; largest entry {MaxAbs(expected):G3}) exceeds {tolerance:G3}.");
    }

    /// <summary>The largest |entry|.</summary>
    public static double MaxAbs(Matrix m)
    {
        double max = 0;
        foreach (var v in m.Span) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    /// <summary>Asserts |expected − actual| ≤ <paramref name="tolerance"/> everywhere.</summary>
    public static void Absolute(Matrix expected, Matrix actual, double tolerance, string what)
    {
        Assert.Equal(expected.ShapeText, actual.ShapeText);
        var e = expected.Span;
        var a = actual.Span;
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"{what}[{i}]: expected {e[i]:G9}, got {a[i]:G9} (|diff| {Math.Abs(e[i] - a[i]):G3} > {tolerance:G3}).");
    }
}
