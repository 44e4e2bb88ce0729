using NeuralNotebooks.Activations;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Activations;

public class ActivationTests
{
    public static TheoryData<string> Differentiable => new() { "linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax" };

    [Theory]
    [MemberData(nameof(Differentiable))]
    public void Backward_matches_central_differences(string name)
    {
        var act = Activation.Get(name);
        // Keep ReLU-family inputs away from the kink at 0, where the derivative jumps.
        var z = GradientCheck.Random(4, 5, 7, 0.2, 2);
        for (int i = 0; i < z.Length; i += 2) z.Data[i] = -z.Data[i];
        var upstream = GradientCheck.Random(4, 5, 8);
        var a = new Matrix(0, 0);

        double Objective()
        {
            act.Forward(z, a);
            double s = 0;
            for (int i = 0; i < a.Length; i++) s += a.Data[i] * upstream.Data[i];
            return s;
        }

        var numeric = GradientCheck.Numerical(Objective, z, 1e-3f);
        act.Forward(z, a);
        var dZ = new Matrix(0, 0);
        act.Backward(z, a, upstream, dZ);
        GradientCheck.AssertClose(dZ.Span, numeric, name);
    }

    [Theory]
    [InlineData("sigmoid", 0.0, 0.5, 0.25)]
    [InlineData("sigmoid", 2.0, 0.8807970779778823, 0.10499358540350662)]
    [InlineData("tanh", 1.0, 0.7615941559557649, 0.41997434161402614)]
    [InlineData("relu", -1.0, 0.0, 0.0)]
    [InlineData("relu", 3.0, 3.0, 1.0)]
    [InlineData("relu", 0.0, 0.0, 0.0)]
    [InlineData("linear", -2.5, -2.5, 1.0)]
    [InlineData("leaky_relu", -2.0, -0.6, 0.3)]
    public void Scalar_values_and_derivatives(string name, double x, double value, double derivative)
    {
        var act = Activation.Get(name);
        Assert.Equal(value, act.Value(x), 6);
        Assert.Equal(derivative, act.Derivative(x), 6);
    }

    [Fact]
    public void Sigmoid_is_stable_for_large_inputs()
    {
        var z = Matrix.RowVector(-1000, 1000);
        var a = new Matrix(0, 0);
        Activation.Sigmoid.Forward(z, a);
        Assert.Equal(0f, a.Data[0]);
        Assert.Equal(1f, a.Data[1]);
        Assert.Equal(0, Activation.Sigmoid.Value(-1000));
    }

    [Fact]
    public void Softmax_rows_sum_to_one_and_survive_huge_scores()
    {
        var z = Matrix.FromRows(new float[] { 1000, 1001, 1002 }, new float[] { -5, 0, 5 });
        var a = new Matrix(0, 0);
        Activation.Softmax.Forward(z, a);
        for (int r = 0; r < 2; r++)
        {
            float s = a[r, 0] + a[r, 1] + a[r, 2];
            Assert.Equal(1f, s, 5);
        }
        Assert.Equal(0.66524096f, a[0, 2], 5);
    }

    [Fact]
    public void Step_is_forward_only()
    {
        var z = Matrix.RowVector(-1, 0, 2);
        var a = new Matrix(0, 0);
        Activation.Step.Forward(z, a);
        Assert.Equal(new float[] { 0, 0, 1 }, a.Span.ToArray());
        Assert.Throws<NotSupportedException>(() => Activation.Step.Backward(z, a, a, new Matrix(0, 0)));
        Assert.Throws<NotSupportedException>(() => Activation.Step.Derivative(1));
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Get("swish"));
        Assert.Contains("swish", e.Message);
        Assert.Contains("relu", e.Message);
    }

    [Fact]
    public void LeakyReLU_rejects_a_negative_slope()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(-0.1f));
        Assert.Equal("alpha", e.ParamName);
    }

    [Fact]
    public void Stacked_linear_layers_collapse_to_one_linear_map()
    {
        // Why non-linearity matters: W2·(W1·x) equals (W1·W2) applied once.
        var x = GradientCheck.Random(3, 2, 1);
        var w1 = GradientCheck.Random(2, 4, 2);
        var w2 = GradientCheck.Random(4, 1, 3);
        var twoSteps = NeuralNotebooks.Kernels.Ops.MatMul(NeuralNotebooks.Kernels.Ops.MatMul(x, w1), w2);
        var oneStep = NeuralNotebooks.Kernels.Ops.MatMul(x, NeuralNotebooks.Kernels.Ops.MatMul(w1, w2));
        for (int i = 0; i < 3; i++) Assert.Equal(twoSteps.Data[i], oneStep.Data[i], 4);
    }
}
