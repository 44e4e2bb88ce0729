using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class SyntheticShapesTests
{
    private static double Distance(float x, float y, double cx, double cy) => Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));

    [Fact]
    public void Moons_without_noise_lie_on_two_half_circles_ends_included()
    {
        var (x, y) = SyntheticData.MakeMoons(samples: 11, shuffle: false);
        Assert.Equal((11, 2), (x.Rows, x.Columns));
        Assert.Equal(5, y.Count(c => c == 0));
        Assert.Equal(6, y.Count(c => c == 1));
        for (int i = 0; i < 11; i++)
        {
            if (y[i] == 0) { Assert.Equal(1, Distance(x[i, 0], x[i, 1], 0, 0), 6); Assert.True(x[i, 1] >= -1e-6); }
            else { Assert.Equal(1, Distance(x[i, 0], x[i, 1], 1, 0.5), 6); Assert.True(x[i, 1] <= 0.5 + 1e-6); }
        }
        // t runs over [0, π] with both ends: class 0 from (1, 0) to (−1, 0), class 1 from (0, 0.5) to (2, 0.5).
        Assert.Equal((1f, 0f), (x[0, 0], x[0, 1]));
        Assert.Equal(-1f, x[4, 0], 6);
        Assert.Equal((0f, 0.5f), (x[5, 0], x[5, 1]));
        Assert.Equal(2f, x[10, 0], 6);
    }

    [Fact]
    public void Circles_without_noise_have_radius_1_and_factor_and_no_repeated_angle()
    {
        var (x, y) = SyntheticData.MakeCircles(samples: 9, factor: 0.3, shuffle: false);
        Assert.Equal(4, y.Count(c => c == 0));
        Assert.Equal(5, y.Count(c => c == 1));
        for (int i = 0; i < 9; i++) Assert.Equal(y[i] == 0 ? 1.0 : 0.3, Distance(x[i, 0], x[i, 1], 0, 0), 6);
        // 4 outer angles over [0, 2π) without 2π: 0, π/2, π, 3π/2.
        Assert.Equal(0f, x[1, 0], 6);
        Assert.Equal(1f, x[1, 1], 6);
        Assert.Equal(4, Enumerable.Range(0, 4).Select(i => (Math.Round(x[i, 0], 4), Math.Round(x[i, 1], 4))).Distinct().Count());
    }

    [Fact]
    public void Same_seed_same_points_and_shuffle_keeps_each_point_with_its_class()
    {
        var a = SyntheticData.MakeMoons(200, noise: 0.1, seed: 5);
        var b = SyntheticData.MakeMoons(200, noise: 0.1, seed: 5);
        var c = SyntheticData.MakeMoons(200, noise: 0.1, seed: 6);
        Assert.Equal(a.X.Span.ToArray(), b.X.Span.ToArray());
        Assert.Equal(a.Y, b.Y);
        Assert.NotEqual(a.X.Span.ToArray(), c.X.Span.ToArray());

        var (x, y) = SyntheticData.MakeCircles(100, factor: 0.5, seed: 2);
        Assert.NotEqual(Enumerable.Repeat(0, 50).Concat(Enumerable.Repeat(1, 50)).ToArray(), y);
        for (int i = 0; i < 100; i++) Assert.Equal(y[i] == 0 ? 1.0 : 0.5, Distance(x[i, 0], x[i, 1], 0, 0), 6);
    }

    [Fact]
    public void Noise_has_the_requested_standard_deviation()
    {
        var (clean, _) = SyntheticData.MakeCircles(4000, shuffle: false, seed: 1);
        var (noisy, _) = SyntheticData.MakeCircles(4000, noise: 0.2, shuffle: false, seed: 1);
        var d = Enumerable.Range(0, clean.Length).Select(i => (double)noisy.Data[i] - clean.Data[i]).ToArray();
        double mean = d.Average(), sd = Math.Sqrt(d.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(sd, 0.19, 0.21);
    }

    [Fact]
    public void Preconditions_name_the_argument()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeMoons(1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeMoons(10, noise: -0.1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeCircles(10, noise: double.NaN)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeCircles(10, factor: 1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeCircles(10, factor: -0.5)).ParamName);
    }
}
