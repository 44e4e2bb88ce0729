using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

public static partial class SyntheticData
{
    /// <summary>
    /// Two interleaving half circles in the plane, one per class — a port of scikit-learn's <c>make_moons</c>: the
    /// smallest data set that no straight line separates but a small network does.
    /// </summary>
    /// <param name="samples">The number of points (≥ 2); class 0 gets ⌊samples/2⌋, class 1 the rest.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise added to both coordinates (≥ 0).</param>
    /// <param name="shuffle">Shuffle the points; otherwise class 0 comes first.</param>
    /// <param name="seed">The seed of the <see cref="Rng"/> for the shuffle and the noise.</param>
    /// <returns>X (samples × 2, float) and the class (0 or 1) of each point.</returns>
    /// <remarks>
    /// <para>Class 0 lies on the upper half of the unit circle, <c>(cos t, sin t)</c>; class 1 on the lower half circle
    /// moved right and down, <c>(1 − cos t, 1 − sin t − 0.5)</c>; in both, t takes evenly spaced values from 0 to π
    /// (both ends included). Then, as in scikit-learn: shuffle, then add noise.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">samples &lt; 2, or noise is negative or not finite.</exception>
    public static (Matrix X, int[] Y) MakeMoons(int samples = 100, double noise = 0, bool shuffle = true, int seed = 0)
    {
        RequireShapeArguments(samples, noise);
        int outer = samples / 2, inner = samples - outer;
        var x = new Matrix(samples, 2);
        var y = new int[samples];
        for (int i = 0; i < outer; i++)
        {
            double t = EvenlySpaced(i, outer, Math.PI, includeEnd: true);
            (x[i, 0], x[i, 1]) = ((float)Math.Cos(t), (float)Math.Sin(t));
        }
        for (int i = 0; i < inner; i++)
        {
            double t = EvenlySpaced(i, inner, Math.PI, includeEnd: true);
            (x[outer + i, 0], x[outer + i, 1]) = ((float)(1 - Math.Cos(t)), (float)(1 - Math.Sin(t) - 0.5));
            y[outer + i] = 1;
        }
        return ShuffleAndAddNoise(x, y, noise, shuffle, seed);
    }

    /// <summary>
    /// A small circle inside a large one, one per class — a port of scikit-learn's <c>make_circles</c>: the classes
    /// are told apart by the distance from the centre, which no straight line in (x₁, x₂) can express.
    /// </summary>
    /// <param name="samples">The number of points (≥ 2); the outer circle (class 0) gets ⌊samples/2⌋, the inner (class 1) the rest.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise added to both coordinates (≥ 0).</param>
    /// <param name="factor">The inner circle's radius; the outer one has radius 1. In [0, 1).</param>
    /// <param name="shuffle">Shuffle the points; otherwise class 0 comes first.</param>
    /// <param name="seed">The seed of the <see cref="Rng"/> for the shuffle and the noise.</param>
    /// <returns>X (samples × 2, float) and the class (0 or 1) of each point.</returns>
    /// <remarks>Angles are evenly spaced over [0, 2π) (2π excluded, so no point is repeated). Then shuffle, then noise.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">samples &lt; 2, noise is negative or not finite, or factor is outside [0, 1).</exception>
    public static (Matrix X, int[] Y) MakeCircles(int samples = 100, double noise = 0, double factor = 0.8, bool shuffle = true, int seed = 0)
    {
        RequireShapeArguments(samples, noise);
        if (!(factor >= 0 && factor < 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor (the inner radius) must be in [0, 1).");
        int outer = samples / 2, inner = samples - outer;
        var x = new Matrix(samples, 2);
        var y = new int[samples];
        for (int i = 0; i < outer; i++)
        {
            double t = EvenlySpaced(i, outer, 2 * Math.PI, includeEnd: false);
            (x[i, 0], x[i, 1]) = ((float)Math.Cos(t), (float)Math.Sin(t));
        }
        for (int i = 0; i < inner; i++)
        {
            double t = EvenlySpaced(i, inner, 2 * Math.PI, includeEnd: false);
            (x[outer + i, 0], x[outer + i, 1]) = ((float)(factor * Math.Cos(t)), (float)(factor * Math.Sin(t)));
            y[outer + i] = 1;
        }
        return ShuffleAndAddNoise(x, y, noise, shuffle, seed);
    }

    private static void RequireShapeArguments(int samples, double noise)
    {
        if (samples < 2) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be ≥ 2 (one point per class at least).");
        if (!(noise >= 0) || double.IsInfinity(noise)) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a finite standard deviation ≥ 0.");
    }

    /// <summary>numpy's <c>linspace(0, end, count, endpoint)[i]</c>.</summary>
    private static double EvenlySpaced(int i, int count, double end, bool includeEnd)
    {
        int intervals = includeEnd ? count - 1 : count;
        return intervals == 0 ? 0 : end * i / intervals;
    }

    private static (Matrix X, int[] Y) ShuffleAndAddNoise(Matrix x, int[] y, double noise, bool shuffle, int seed)
    {
        var rng = new Rng(seed);
        if (shuffle)
        {
            int[] order = rng.Permutation(x.Rows);
            x = x.SelectRows(order);
            y = order.Select(i => y[i]).ToArray();
        }
        if (noise > 0)
            for (int i = 0; i < x.Length; i++) x.Data[i] = (float)(x.Data[i] + noise * rng.NextNormal());
        return (x, y);
    }
}
