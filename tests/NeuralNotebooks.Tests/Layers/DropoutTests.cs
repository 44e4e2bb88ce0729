using NeuralNotebooks.Layers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Layers;

public class DropoutTests
{
    [Fact]
    public void Inverted_dropout_scales_kept_units_and_is_identity_at_inference()
    {
        var layer = new Dropout(0.5);
        layer.Build(1000, new Rng(5));
        var x = new Matrix(4, 1000);
        x.Fill(1f);
        var train = layer.Forward(x, training: true);
        var values = train.Span.ToArray();
        Assert.All(values, v => Assert.True(v == 0f || v == 2f));
        double kept = values.Count(v => v != 0) / (double)values.Length;
        Assert.InRange(kept, 0.47, 0.53);
        Assert.InRange(values.Average(v => (double)v), 0.94, 1.06);
        Assert.Same(x, layer.Forward(x, training: false));
    }

    [Fact]
    public void Backward_uses_the_same_mask()
    {
        var layer = new Dropout(0.3);
        layer.Build(20, new Rng(2));
        var x = GradientCheck.Random(3, 20, 1);
        var y = layer.Forward(x, training: true).Clone();
        var ones = new Matrix(3, 20);
        ones.Fill(1f);
        var dX = layer.Backward(ones);
        for (int i = 0; i < y.Length; i++) Assert.Equal(y.Data[i] == 0 && x.Data[i] != 0, dX.Data[i] == 0);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Rate_must_be_in_unit_interval(double rate)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(rate));
        Assert.Equal("rate", e.ParamName);
    }
}
