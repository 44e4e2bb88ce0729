using NeuralNotebooks.Layers;
using NeuralNotebooks.Randomness;

namespace NeuralNotebooks.Tests.Initializers;

/// <summary>The weight initializers, through the Dense layer that uses them.</summary>
public class InitializerTests
{
    [Fact]
    public void Glorot_uniform_stays_within_its_limit_and_is_seeded()
    {
        var a = new Dense(50);
        a.Build(30, new Rng(9));
        double limit = Math.Sqrt(6.0 / 80);
        Assert.All(a.Kernel.Span.ToArray(), w => Assert.InRange(w, -limit, limit));
        Assert.All(a.Bias.Span.ToArray(), b => Assert.Equal(0f, b));
        var b = new Dense(50);
        b.Build(30, new Rng(9));
        Assert.Equal(a.Kernel.Span.ToArray(), b.Kernel.Span.ToArray());
        var c = new Dense(50);
        c.Build(30, new Rng(10));
        Assert.NotEqual(a.Kernel.Span.ToArray(), c.Kernel.Span.ToArray());
    }

    [Theory]
    [InlineData("he_normal", 2.0)]
    [InlineData("he_uniform", 2.0)]
    [InlineData("glorot_uniform", 2.0 * 400 / (400 + 300))]
    public void Initializer_variance_is_as_documented(string name, double fanInTimesVariance)
    {
        var d = new Dense(300, kernelInitializer: name);
        d.Build(400, new Rng(1));
        double mean = d.Kernel.Span.ToArray().Average(v => (double)v);
        double variance = d.Kernel.Span.ToArray().Average(v => (v - mean) * (v - mean));
        Assert.Equal(fanInTimesVariance, variance * 400, 1);
    }

    [Fact]
    public void Zeros_initializer()
    {
        var d = new Dense(3, kernelInitializer: "zeros");
        d.Build(2, new Rng(1));
        Assert.All(d.Kernel.Span.ToArray(), w => Assert.Equal(0f, w));
    }
}
