using NeuralNotebooks.Layers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Layers;

public class DenseTests
{
    [Fact]
    public void Forward_is_x_times_w_plus_b_through_the_activation()
    {
        var dense = new Dense(2, "relu");
        dense.Build(3, new Rng(1));
        Matrix.FromRows(new float[] { 1, -1 }, new float[] { 0.5f, 2 }, new float[] { -1, 1 }).Span.CopyTo(dense.Kernel.Span);
        new float[] { 0.1f, -10 }.CopyTo(dense.Bias.Span);
        var a = dense.Forward(Matrix.RowVector(1, 2, 3), training: false);
        // z = (1 + 1 − 3 + 0.1, −1 + 4 + 3 − 10) = (−0.9, −4) → relu → (0, 0); then a positive case
        Assert.Equal(new float[] { 0, 0 }, a.Span.ToArray());
        a = dense.Forward(Matrix.RowVector(3, 0, 0), training: false);
        Assert.Equal(3.1f, a.Data[0], 5);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("relu")]
    [InlineData("leaky_relu")]
    [InlineData("softmax")]
    public void Parameter_and_input_gradients_match_central_differences(string activation)
    {
        var dense = new Dense(3, activation);
        dense.Build(4, new Rng(3));
        var x = GradientCheck.Random(5, 4, 4);
        var upstream = GradientCheck.Random(5, 3, 5);
        double Objective()
        {
            var a = dense.Forward(x, training: true);
            double s = 0;
            for (int i = 0; i < a.Length; i++) s += a.Data[i] * upstream.Data[i];
            return s;
        }
        var numW = GradientCheck.Numerical(Objective, dense.Kernel, 1e-3f);
        var numB = GradientCheck.Numerical(Objective, dense.Bias, 1e-3f);
        var numX = GradientCheck.Numerical(Objective, x, 1e-3f);
        dense.Forward(x, training: true);
        var dX = dense.Backward(upstream);
        GradientCheck.AssertClose(dense.Parameters[0].Gradient.Span, numW, "dW");
        GradientCheck.AssertClose(dense.Parameters[1].Gradient.Span, numB, "db");
        GradientCheck.AssertClose(dX.Span, numX, "dX");
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("units", Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(0)).ParamName);
        var d = new Dense(2);
        Assert.Throws<InvalidOperationException>(() => d.Forward(new Matrix(1, 3), false));
        d.Build(3, new Rng(1));
        var e = Assert.Throws<ArgumentException>(() => d.Forward(new Matrix(1, 4), false));
        Assert.Contains("(1, 4)", e.Message);
        Assert.Equal("inputSize", Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(2).Build(0, new Rng(1))).ParamName);
    }
}
