using NeuralNotebooks.Activations;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Losses;

public class LossTests
{
    [Fact]
    public void Cross_entropy_worked_example_is_0_1053()
    {
        var target = Matrix.RowVector(0, 1, 0, 0, 0);
        var predicted = Matrix.RowVector(0.02f, 0.90f, 0.05f, 0.01f, 0.02f);
        double ce = Loss.CategoricalCrossEntropy.Compute(predicted, target);
        Assert.Equal(0.1053, Math.Truncate(ce * 1e4) / 1e4); // the lesson's 0.1053 is −ln 0.9 = 0.10536… cut to 4 decimals
        Assert.Equal(-Math.Log(0.9), ce, 6);
        Assert.Equal(ce, Loss.SparseCategoricalCrossEntropy.Compute(predicted, Matrix.Column(1f)), 10);
    }

    [Fact]
    public void Mse_and_bce_by_hand()
    {
        var p = Matrix.Column(0.8f, 0.3f);
        var y = Matrix.Column(1f, 0f);
        Assert.Equal((0.04 + 0.09) / 2, Loss.MeanSquaredError.Compute(p, y), 6);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7)) / 2, Loss.BinaryCrossEntropy.Compute(p, y), 6);
    }

    [Fact]
    public void Bce_clips_like_keras()
    {
        double worst = Loss.BinaryCrossEntropy.Compute(Matrix.Column(0f), Matrix.Column(1f));
        Assert.Equal(-Math.Log(1e-7), worst, 2);
        Assert.True(double.IsFinite(Loss.CategoricalCrossEntropy.Compute(Matrix.RowVector(0, 1), Matrix.RowVector(1, 0))));
    }

    public static TheoryData<string> Names => new() { "mse", "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy" };

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_matches_central_differences(string name)
    {
        var loss = Loss.Get(name);
        var (p, y) = Sample(name);
        var numeric = GradientCheck.Numerical(() => loss.Compute(p, y), p, 1e-3f);
        var g = new Matrix(0, 0);
        loss.Gradient(p, y, g);
        GradientCheck.AssertClose(g.Span, numeric, name);
    }

    [Theory]
    [InlineData("binary_crossentropy", "sigmoid")]
    [InlineData("categorical_crossentropy", "softmax")]
    [InlineData("sparse_categorical_crossentropy", "softmax")]
    public void Combined_output_gradient_equals_the_chain_rule(string lossName, string activationName)
    {
        var loss = Loss.Get(lossName);
        var act = Activation.Get(activationName);
        var z = GradientCheck.Random(4, activationName == "sigmoid" ? 1 : 3, 11, -2, 2);
        var (_, y) = Sample(lossName, z.Columns);
        var a = new Matrix(0, 0);
        act.Forward(z, a);
        var dA = new Matrix(0, 0);
        loss.Gradient(a, y, dA);
        var chain = new Matrix(0, 0);
        act.Backward(z, a, dA, chain);
        var fused = new Matrix(0, 0);
        Assert.True(loss.TryOutputGradient(act, a, y, fused));
        for (int i = 0; i < chain.Length; i++) Assert.Equal(chain.Data[i], fused.Data[i], 5);
        Assert.False(loss.TryOutputGradient(Activation.ReLU, a, y, fused));
    }

    [Fact]
    public void Shape_mismatch_names_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Loss.MeanSquaredError.Compute(new Matrix(3, 1), new Matrix(2, 1)));
        Assert.Contains("(2, 1)", e.Message);
        Assert.Contains("(3, 1)", e.Message);
    }

    [Fact]
    public void Sparse_labels_must_be_valid_classes()
    {
        var p = Matrix.RowVector(0.5f, 0.5f);
        var e = Assert.Throws<ArgumentException>(() => Loss.SparseCategoricalCrossEntropy.Compute(p, Matrix.Column(2f)));
        Assert.Contains("targets[0] is 2", e.Message);
        e = Assert.Throws<ArgumentException>(() => Loss.SparseCategoricalCrossEntropy.Compute(p, Matrix.RowVector(0, 1)));
        Assert.Contains("(1, 2)", e.Message);
    }

    [Fact]
    public void Unknown_loss_name()
    {
        var e = Assert.Throws<ArgumentException>(() => Loss.Get("hinge"));
        Assert.Contains("hinge", e.Message);
    }

    private static (Matrix P, Matrix Y) Sample(string name, int classes = 3)
    {
        switch (name)
        {
            case "mse":
                return (GradientCheck.Random(4, 2, 3), GradientCheck.Random(4, 2, 4));
            case "binary_crossentropy":
                var y = new Matrix(4, classes == 3 ? 1 : classes);
                for (int i = 0; i < y.Length; i++) y.Data[i] = i % 2;
                return (GradientCheck.Random(4, y.Columns, 5, 0.1, 0.9), y);
            case "categorical_crossentropy":
                var oh = new Matrix(4, classes);
                for (int r = 0; r < 4; r++) oh[r, r % classes] = 1;
                return (Normalised(GradientCheck.Random(4, classes, 6, 0.1, 1)), oh);
            default:
                var labels = new Matrix(4, 1);
                for (int r = 0; r < 4; r++) labels.Data[r] = r % classes;
                return (Normalised(GradientCheck.Random(4, classes, 6, 0.1, 1)), labels);
        }
    }

    private static Matrix Normalised(Matrix m)
    {
        for (int r = 0; r < m.Rows; r++)
        {
            float s = 0;
            for (int c = 0; c < m.Columns; c++) s += m[r, c];
            for (int c = 0; c < m.Columns; c++) m[r, c] /= s;
        }
        return m;
    }
}
