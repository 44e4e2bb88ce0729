using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
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

public class NetworkGradientTests
{
    [Theory]
    [InlineData("mse", "sigmoid", 1)]
    [InlineData("binary_crossentropy", "sigmoid", 1)]
    [InlineData("categorical_crossentropy", "softmax", 3)]
    [InlineData("sparse_categorical_crossentropy", "softmax", 3)]
    [InlineData("mse", "tanh", 2)]
    // Smooth hidden activations: a central difference across ReLU's kink at 0 averages two slopes and is not a
    // derivative; ReLU and LeakyReLU are checked layer by layer above, with inputs kept away from the kink.
    public void Whole_network_gradients_match_central_differences(string loss, string outputActivation, int outputs, string hidden = "sigmoid")
    {
        var model = new Sequential(seed: 3) { new Input(4), new Dense(5, "tanh"), new Dense(6, hidden), new Dense(outputs, outputActivation) };
        model.Compile(new NeuralNotebooks.Optimizers.Sgd(), loss);
        var x = GradientCheck.Random(6, 4, 1);
        Matrix y;
        if (loss == "sparse_categorical_crossentropy") y = Matrix.Column(0f, 1, 2, 0, 1, 2);
        else if (loss == "categorical_crossentropy")
        {
            y = new Matrix(6, 3);
            for (int r = 0; r < 6; r++) y[r, r % 3] = 1;
        }
        else if (loss == "binary_crossentropy") y = Matrix.Column(0f, 1, 1, 0, 1, 0);
        else y = GradientCheck.Random(6, outputs, 2);

        var l = model.Loss!;
        double Objective() => l.Compute(model.ForwardAll(x, training: false), y);
        foreach (var p in model.Parameters)
        {
            var numeric = GradientCheck.Numerical(Objective, p.Value, 1e-3f);
            var output = model.ForwardAll(x, training: true);
            model.BackwardAll(output, y);
            GradientCheck.AssertClose(p.Gradient.Span, numeric, p.Name);
        }
    }
}
