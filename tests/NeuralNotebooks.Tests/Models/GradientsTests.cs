using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Models;

/// <summary><see cref="Sequential.ComputeGradients"/>, <see cref="Sequential.TrainOnBatch"/> and the <see cref="Gradients"/> result.</summary>
public class GradientsTests
{
    [Theory]
    [InlineData("mse", "sigmoid", 1)]
    [InlineData("binary_crossentropy", "sigmoid", 1)]
    [InlineData("categorical_crossentropy", "softmax", 3)]
    [InlineData("sparse_categorical_crossentropy", "softmax", 3)]
    [InlineData("mse", "tanh", 2)]
    // Smooth hidden activations: a central difference across ReLU's kink at 0 averages two slopes and is not a
    // derivative; ReLU and LeakyReLU are checked layer by layer (DenseTests), with inputs kept away from the kink.
    public void Whole_network_gradients_match_central_differences(string loss, string outputActivation, int outputs)
    {
        var model = new Sequential(seed: 3) { new Input(4), new Dense(5, "tanh"), new Dense(6, "sigmoid"), new Dense(outputs, outputActivation) };
        model.Compile(new Sgd(), loss);
        var x = GradientCheck.Random(6, 4, 1);
        var y = Targets(loss, outputs);

        var g = model.ComputeGradients(x, y);

        var l = model.Loss!;
        double Objective() => l.Compute(model.Predict(x), y);
        Assert.Equal(Objective(), g.Loss);
        Assert.Equal(model.Parameters.Count, g.Count);
        foreach (var p in model.Parameters)
            GradientCheck.AssertClose(g[p.Name].Span, GradientCheck.Numerical(Objective, p.Value, 1e-3f), p.Name);
    }

    [Fact]
    public void Gradients_are_named_like_keras_in_parameter_order_with_the_parameters_shapes()
    {
        var model = new Sequential(seed: 1) { new Input(3), new Dense(4, "relu"), new Dropout(0.5), new Dense(2, "softmax") };
        model.Compile(new Sgd(), Loss.CategoricalCrossEntropy);
        var g = model.ComputeGradients(GradientCheck.Random(5, 3, 1), Matrix.FromRows([1f, 0], [0f, 1], [1f, 0], [0f, 1], [1f, 0]));

        string[] names = ["dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"];
        Assert.Equal(names, g.Names);
        Assert.Equal(names, g.Select(kv => kv.Key));
        for (int i = 0; i < names.Length; i++)
        {
            Assert.Equal(model.Parameters[i].Value.ShapeText, g[names[i]].ShapeText);
            Assert.Same(g[i], g[names[i]]);
        }
        Assert.True(g.ContainsKey("dense_1/bias"));
        Assert.False(g.TryGetValue("dense_2/kernel", out _));
    }

    [Fact]
    public void Gradients_are_copies_and_the_weights_do_not_move()
    {
        var (model, x, y) = Binary();
        var before = model.GetWeights();
        var first = model.ComputeGradients(x, y);
        var kept = first["dense/kernel"].Clone();

        Assert.Equal(before.Select(w => w.Span.ToArray()), model.GetWeights().Select(w => w.Span.ToArray()));
        Assert.NotSame(model.Parameters[0].Gradient, first["dense/kernel"]);
        model.TrainOnBatch(x, y);                      // new weights, new gradients in the parameters' buffers
        model.ComputeGradients(x, y);
        Assert.Equal(kept.Span.ToArray(), first["dense/kernel"].Span.ToArray());
        Assert.NotEqual(kept.Span.ToArray(), model.Parameters[0].Gradient.Span.ToArray());
    }

    [Fact]
    public void One_sgd_step_of_TrainOnBatch_is_w_minus_learning_rate_times_gradient()
    {
        const float learningRate = 0.1f;
        var (model, x, y) = Binary(new Sgd(learningRate));
        var before = model.GetWeights();
        var g = model.ComputeGradients(x, y, training: true);

        double loss = model.TrainOnBatch(x, y);

        Assert.Equal(g.Loss, loss);                    // the loss before the step
        var after = model.GetWeights();
        for (int i = 0; i < g.Count; i++)
        {
            var expected = before[i].Span.ToArray().Select((w, j) => w - learningRate * g[i].Data[j]).ToArray();
            Assert.Equal(expected, after[i].Span.ToArray());
            Assert.NotEqual(before[i].Span.ToArray(), after[i].Span.ToArray());
        }
        Assert.True(model.Evaluate(x, y).Loss < loss, "one step down the gradient lowers the loss");
    }

    [Fact]
    public void TrainOnBatch_takes_the_same_step_as_a_one_batch_epoch_of_Fit()
    {
        var (a, x, y) = Binary(new Adam(0.01));
        var (b, _, _) = Binary(new Adam(0.01));
        a.TrainOnBatch(x, y);
        b.Fit(x, y, epochs: 1, batchSize: x.Rows, shuffle: false);
        Assert.Equal(b.GetWeights().Select(w => w.Span.ToArray()), a.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public void TrainOnBatch_leaves_the_weights_alone_when_the_loss_is_not_finite()
    {
        // NaN inputs are refused before the step (ModelCatalogueTests); a finite input can still overflow the loss.
        var model = new Sequential(seed: 4) { new Input(2), new Dense(1) };
        model.SetWeights([Matrix.Column(2f, 2f), new Matrix(1, 1)]);
        model.Compile(new Sgd(0.1), Loss.MeanSquaredError);
        var x = Matrix.FromRows([1f, 2f], [3e38f, 3e38f]);
        var y = Matrix.Column(0f, 1f);
        var before = model.GetWeights();
        Assert.True(double.IsPositiveInfinity(model.TrainOnBatch(x, y)));
        Assert.Equal(before.Select(w => w.Span.ToArray()), model.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public void Uncompiled_or_unbuilt_models_and_bad_shapes_are_named()
    {
        var x = new Matrix(4, 2);
        var y = new Matrix(4, 1);
        var uncompiled = new Sequential(seed: 1) { new Input(2), new Dense(1, "sigmoid") };
        Assert.Contains("Compile", Assert.Throws<InvalidOperationException>(() => uncompiled.ComputeGradients(x, y)).Message);
        Assert.Contains("Compile", Assert.Throws<InvalidOperationException>(() => uncompiled.TrainOnBatch(x, y)).Message);

        var unbuilt = new Sequential(seed: 1) { new Dense(1, "sigmoid") };
        unbuilt.Compile(new Sgd(), Loss.BinaryCrossEntropy);
        Assert.Contains("not built", Assert.Throws<InvalidOperationException>(() => unbuilt.ComputeGradients(x, y)).Message);

        var (model, _, _) = Binary();
        var wide = Assert.Throws<ArgumentException>(() => model.ComputeGradients(new Matrix(4, 3), y));
        Assert.Equal("x", wide.ParamName);
        Assert.Contains("(4, 3)", wide.Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.ComputeGradients(x, new Matrix(3, 1))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.TrainOnBatch(x, new Matrix(4, 2))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.TrainOnBatch(new Matrix(0, 2), new Matrix(0, 1))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => model.ComputeGradients(null!, y)).ParamName);
    }

    [Fact]
    public void An_unknown_name_lists_the_parameters()
    {
        var (model, x, y) = Binary();
        var e = Assert.Throws<KeyNotFoundException>(() => model.ComputeGradients(x, y)["dense/weights"]);
        Assert.Contains("dense/kernel, dense/bias, dense_1/kernel, dense_1/bias", e.Message);
    }

    [Fact]
    public void The_result_rejects_missing_and_repeated_names()
    {
        var m = new Matrix(1, 1);
        Assert.Throws<ArgumentException>(() => new Gradients(0, [("a", m), ("a", m)]));
        Assert.Throws<ArgumentException>(() => new Gradients(0, [("", m)]));
        Assert.Throws<ArgumentException>(() => new Gradients(0, [("a", null!)]));
        Assert.Equal("loss 0.5; a (1, 1)", new Gradients(0.5, [("a", m)]).ToString());
    }

    private static (Sequential Model, Matrix X, Matrix Y) Binary(Optimizer? optimizer = null)
    {
        var model = new Sequential(seed: 4) { new Input(2), new Dense(3, "tanh"), new Dense(1, "sigmoid") };
        model.Compile(optimizer ?? new Sgd(0.1), Loss.BinaryCrossEntropy, "accuracy");
        return (model, GradientCheck.Random(8, 2, 5), Matrix.Column(0f, 1, 1, 0, 1, 0, 0, 1));
    }

    private static Matrix Targets(string loss, int outputs)
    {
        if (loss == "sparse_categorical_crossentropy") return Matrix.Column(0f, 1, 2, 0, 1, 2);
        if (loss == "binary_crossentropy") return Matrix.Column(0f, 1, 1, 0, 1, 0);
        if (loss != "categorical_crossentropy") return GradientCheck.Random(6, outputs, 2);
        var y = new Matrix(6, 3);
        for (int r = 0; r < 6; r++) y[r, r % 3] = 1;
        return y;
    }
}
