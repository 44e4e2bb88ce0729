using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests;

/// <summary>Central-difference gradient checks: ∂f/∂θᵢ ≈ (f(θ + h·eᵢ) − f(θ − h·eᵢ)) / 2h.</summary>
internal static class GradientCheck
{
    /// <summary>Numerical gradient of <paramref name="f"/> with respect to every element of <paramref name="theta"/>.</summary>
    public static double[] Numerical(Func<double> f, Matrix theta, float h = 1e-2f)
    {
        var grad = new double[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            float original = theta.Data[i];
            theta.Data[i] = original + h;
            double plus = f();
            theta.Data[i] = original - h;
            double minus = f();
            theta.Data[i] = original;
            grad[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }

    /// <summary>Asserts |analytic − numeric| ≤ atol + rtol·|numeric| element-wise, naming the first bad index.</summary>
    public static void AssertClose(ReadOnlySpan<float> analytic, double[] numeric, string what, double rtol = 2e-2, double atol = 2e-3)
    {
        Assert.Equal(numeric.Length, analytic.Length);
        for (int i = 0; i < numeric.Length; i++)
        {
            double diff = Math.Abs(analytic[i] - numeric[i]);
            Assert.True(diff <= atol + rtol * Math.Abs(numeric[i]),
                $"{what}[{i}]: analytic {analytic[i]:G6} vs numeric {numeric[i]:G6} (diff {diff:G3})");
        }
    }

    /// <summary>A seeded random matrix with entries in [lo, hi).</summary>
    public static Matrix Random(int rows, int cols, int seed, double lo = -1, double hi = 1)
    {
        var rng = new NeuralNotebooks.Randomness.Rng(seed);
        var m = new Matrix(rows, cols);
        for (int i = 0; i < m.Length; i++) m.Data[i] = (float)rng.Uniform(lo, hi);
        return m;
    }
}
