using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Models;

/// <summary>
/// The catalogue of bad inputs to a model — each named, with the error it must give: the exception type, the argument,
/// and the words of the message (the row in the caller's data, the column, the value). Every case also checks that no
/// weight changed, i.e. the input was refused before the first step.
/// </summary>
public class ModelCatalogueTests
{
    private sealed record Case(string Loss, Action<Sequential> Act, Type Error, string Param, params string[] Message);

    private static readonly Dictionary<string, Case> Catalogue = new()
    {
        // NaN and ±∞ in the inputs, through every entry point.
        ["Fit: NaN in x"] = new("mse", m => m.Fit(With(X(100), 57, 1, float.NaN), Y("mse", 100), epochs: 2),
            typeof(ArgumentException), "x", "x row 57, column 1 is NaN", "finite"),
        ["Fit: +∞ in x"] = new("mse", m => m.Fit(With(X(100), 3, 0, float.PositiveInfinity), Y("mse", 100)),
            typeof(ArgumentException), "x", "x row 3, column 0 is Infinity"),
        ["Fit: NaN in x in the rows validationSplit holds out"] = new("mse",
            m => m.Fit(With(X(100), 95, 0, float.NaN), Y("mse", 100), validationSplit: 0.2),
            typeof(ArgumentException), "x", "x row 95, column 0 is NaN"),
        ["Fit: NaN in y"] = new("mse", m => m.Fit(X(100), With(Y("mse", 100), 20, 0, float.NaN)),
            typeof(ArgumentException), "y", "y row 20, column 0 is NaN", "mse targets must be finite"),
        ["Fit: −∞ in y"] = new("mse", m => m.Fit(X(100), With(Y("mse", 100), 0, 0, float.NegativeInfinity)),
            typeof(ArgumentException), "y", "y row 0, column 0 is -Infinity"),
        ["Fit: NaN in validationData.X"] = new("mse",
            m => m.Fit(X(100), Y("mse", 100), validationData: (With(X(10), 4, 1, float.NaN), Y("mse", 10))),
            typeof(ArgumentException), "validationData.X", "validationData.X row 4, column 1 is NaN"),
        ["Fit: NaN in validationData.Y"] = new("mse",
            m => m.Fit(X(100), Y("mse", 100), validationData: (X(10), With(Y("mse", 10), 9, 0, float.NaN))),
            typeof(ArgumentException), "validationData.Y", "validationData.Y row 9, column 0 is NaN"),
        ["Fit: empty validationData"] = new("mse",
            m => m.Fit(X(100), Y("mse", 100), epochs: 3, validationData: (new Matrix(0, 2), new Matrix(0, 1))),
            typeof(ArgumentException), "validationData.X", "validationData.X has no samples"),
        ["Evaluate: NaN in x"] = new("mse", m => m.Evaluate(With(X(40), 39, 1, float.NaN), Y("mse", 40)),
            typeof(ArgumentException), "x", "x row 39, column 1 is NaN"),
        ["Predict: NaN in x"] = new("mse", m => m.Predict(With(X(300), 299, 0, float.NaN)),
            typeof(ArgumentException), "x", "x row 299, column 0 is NaN"),
        ["Predict: +∞ in a single sample"] = new("mse", m => m.Predict(1f, float.PositiveInfinity),
            typeof(ArgumentException), "x", "x row 0, column 1 is Infinity"),
        ["TrainOnBatch: NaN in x"] = new("mse", m => m.TrainOnBatch(With(X(8), 7, 0, float.NaN), Y("mse", 8)),
            typeof(ArgumentException), "x", "x row 7, column 0 is NaN"),
        ["TrainOnBatch: NaN in y"] = new("mse", m => m.TrainOnBatch(X(8), With(Y("mse", 8), 2, 0, float.NaN)),
            typeof(ArgumentException), "y", "y row 2, column 0 is NaN"),
        ["ComputeGradients: NaN in x"] = new("mse", m => m.ComputeGradients(With(X(8), 1, 1, float.NaN), Y("mse", 8)),
            typeof(ArgumentException), "x", "x row 1, column 1 is NaN"),

        // Targets the loss cannot mean.
        ["Fit: sparse label 12 at y[999] of 1000, 10 classes (shuffled batches of 32)"] = new("sparse_categorical_crossentropy",
            m => m.Fit(X(1000), With(Y("sparse_categorical_crossentropy", 1000), 999, 0, 12), batchSize: 32),
            typeof(ArgumentException), "y", "y row 999, column 0 is 12", "integers in [0, 10)"),
        ["Fit: sparse label −1"] = new("sparse_categorical_crossentropy",
            m => m.Fit(X(50), With(Y("sparse_categorical_crossentropy", 50), 5, 0, -1)),
            typeof(ArgumentException), "y", "y row 5, column 0 is -1"),
        ["Fit: sparse label 2.5"] = new("sparse_categorical_crossentropy",
            m => m.Fit(X(50), With(Y("sparse_categorical_crossentropy", 50), 6, 0, 2.5f)),
            typeof(ArgumentException), "y", "y row 6, column 0 is 2.5"),
        ["Evaluate: sparse label 10 with 10 classes"] = new("sparse_categorical_crossentropy",
            m => m.Evaluate(X(50), With(Y("sparse_categorical_crossentropy", 50), 49, 0, 10)),
            typeof(ArgumentException), "y", "y row 49, column 0 is 10"),
        ["Fit: binary_crossentropy target 2"] = new("binary_crossentropy",
            m => m.Fit(X(60), With(Y("binary_crossentropy", 60), 11, 0, 2)),
            typeof(ArgumentException), "y", "y row 11, column 0 is 2", "probabilities in [0, 1]"),
        ["Fit: binary_crossentropy target −1"] = new("binary_crossentropy",
            m => m.Fit(X(60), With(Y("binary_crossentropy", 60), 12, 0, -1)),
            typeof(ArgumentException), "y", "y row 12, column 0 is -1"),
        ["TrainOnBatch: binary_crossentropy target 1.5"] = new("binary_crossentropy",
            m => m.TrainOnBatch(X(4), With(Y("binary_crossentropy", 4), 3, 0, 1.5f)),
            typeof(ArgumentException), "y", "y row 3, column 0 is 1.5"),
        ["Fit: categorical_crossentropy row (0.5, 0.5, 0)"] = new("categorical_crossentropy",
            m => m.Fit(X(30), With(With(Y("categorical_crossentropy", 30), 8, 0, 0.5f), 8, 1, 0.5f)),
            typeof(ArgumentException), "y", "y row 8, column 0 is 0.5", "one-hot"),
        ["Fit: categorical_crossentropy row of zeros"] = new("categorical_crossentropy",
            m => m.Fit(X(30), Zeros(Y("categorical_crossentropy", 30), 13)),
            typeof(ArgumentException), "y", "y row 13 holds 0 ones", "one-hot"),
        ["Fit: categorical_crossentropy row with two ones"] = new("categorical_crossentropy",
            m => m.Fit(X(30), With(Y("categorical_crossentropy", 30), 15, 1, 1)),     // row 15 is class 0
            typeof(ArgumentException), "y", "y row 15 holds 2 ones"),
        ["Fit: categorical_crossentropy given class indices"] = new("categorical_crossentropy",
            m => m.Fit(X(30), Y("sparse_categorical_crossentropy", 30)),
            typeof(ArgumentException), "y", "(30, 1)", "sparse_categorical_crossentropy"),

        // Weights.
        ["SetWeights: NaN in a kernel"] = new("mse", m => m.SetWeights(WithWeight(m, 0, 1, 3, float.NaN)),
            typeof(ArgumentException), "weights", "weights[0] row 1, column 3 is NaN", "dense/kernel"),
        ["SetWeights: +∞ in a bias"] = new("mse", m => m.SetWeights(WithWeight(m, 3, 0, 0, float.PositiveInfinity)),
            typeof(ArgumentException), "weights", "weights[3] row 0, column 0 is Infinity", "dense_1/bias"),
        ["SetWeights: a null tensor"] = new("mse", m => m.SetWeights([.. m.GetWeights().Take(3), null!]),
            typeof(ArgumentException), "weights", "Weight 3 has shape null"),

        // Arguments.
        ["Fit: batchSize 0"] = new("mse", m => m.Fit(X(10), Y("mse", 10), batchSize: 0),
            typeof(ArgumentOutOfRangeException), "batchSize", "batchSize must be > 0"),
        ["Evaluate: batchSize −1"] = new("mse", m => m.Evaluate(X(10), Y("mse", 10), batchSize: -1),
            typeof(ArgumentOutOfRangeException), "batchSize", "batchSize must be > 0"),
        ["Fit: epochs 0"] = new("mse", m => m.Fit(X(10), Y("mse", 10), epochs: 0),
            typeof(ArgumentOutOfRangeException), "epochs", "epochs must be > 0"),
        ["Fit: validationSplit NaN"] = new("mse", m => m.Fit(X(10), Y("mse", 10), validationSplit: double.NaN),
            typeof(ArgumentOutOfRangeException), "validationSplit", "[0, 1)"),
        ["Fit: x and y of different lengths"] = new("mse", m => m.Fit(X(10), Y("mse", 9)),
            typeof(ArgumentException), "y", "10 samples", "9"),
        ["Fit: x of the wrong width"] = new("mse", m => m.Fit(new Matrix(10, 3), Y("mse", 10)),
            typeof(ArgumentException), "x", "(10, 3)", "(batch, 2)"),
    };

    public static TheoryData<string> Names => new(Catalogue.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_input_is_refused_naming_it_before_any_weight_changes(string name)
    {
        var c = Catalogue[name];
        var model = Model(c.Loss);
        var before = model.GetWeights();
        var e = Assert.Throws(c.Error, () => c.Act(model));
        Assert.Equal(c.Param, ((ArgumentException)e).ParamName);
        foreach (string part in c.Message) Assert.Contains(part, e.Message);
        Assert.Equal(before.Select(w => w.Span.ToArray()), model.GetWeights().Select(w => w.Span.ToArray()));
    }

    [Fact]
    public void A_batch_size_of_int_max_value_trains_one_batch_of_all_samples_per_epoch()
    {
        var (x, y) = (X(50), Y("mse", 50));
        var huge = Model("mse");
        var whole = Model("mse");
        var history = huge.Fit(x, y, epochs: 3, batchSize: int.MaxValue, validationSplit: 0.2, shuffle: false);
        whole.Fit(x, y, epochs: 3, batchSize: 40, validationSplit: 0.2, shuffle: false);   // 40 training rows: one batch

        Assert.Equal(3, history.Epochs);
        Assert.All(history.Loss, l => Assert.True(l > 0 && double.IsFinite(l), $"loss {l}"));
        Assert.Equal(whole.GetWeights().Select(w => w.Span.ToArray()), huge.GetWeights().Select(w => w.Span.ToArray()));
        Assert.Equal(huge.Evaluate(x.SliceRows(40, 50), y.SliceRows(40, 50)).Loss, history["val_loss"][^1], 6);
        Assert.Equal(huge.Evaluate(x, y).Loss, huge.Evaluate(x, y, batchSize: int.MaxValue).Loss, 6);
        Assert.Equal(huge.Predict(x).Span.ToArray(), huge.Predict(x, batchSize: int.MaxValue).Span.ToArray());
    }

    [Fact]
    public void Valid_edge_values_are_accepted()
    {
        // Soft labels are probabilities too: binary_crossentropy takes any target in [0, 1]; denormals and float.MaxValue are finite.
        var bce = Model("binary_crossentropy");
        bce.Fit(X(10), Matrix.Column(0f, 1, 0.25f, 0.75f, 0, 1, 0, 1, 0.5f, 1), epochs: 1);
        var mse = Model("mse");
        var x = With(With(X(10), 0, 0, float.Epsilon), 1, 1, -0f);
        Assert.True(double.IsFinite(mse.Evaluate(x, Y("mse", 10)).Loss));
        var sparse = Model("sparse_categorical_crossentropy");
        sparse.Fit(X(10), Matrix.Column(0f, 9, 1, 8, 2, 7, 3, 6, 4, 5), epochs: 1);
    }

    /// <summary>A small compiled model: 2 inputs, a hidden layer of 4, the output the loss takes.</summary>
    private static Sequential Model(string loss)
    {
        var (units, activation) = loss switch
        {
            "binary_crossentropy" => (1, "sigmoid"),
            "categorical_crossentropy" => (3, "softmax"),
            "sparse_categorical_crossentropy" => (10, "softmax"),
            _ => (1, "linear"),
        };
        var model = new Sequential(seed: 7) { new Input(2), new Dense(4, "relu"), new Dense(units, activation) };
        model.Compile(new Sgd(0.05), Loss.Get(loss));
        return model;
    }

    private static Matrix X(int rows) => GradientCheck.Random(rows, 2, seed: 11);

    private static Matrix Y(string loss, int rows)
    {
        var rng = new Rng(3);
        return loss switch
        {
            "binary_crossentropy" => Matrix.Column(Enumerable.Range(0, rows).Select(i => (float)(i % 2)).ToArray()),
            "sparse_categorical_crossentropy" => Matrix.Column(Enumerable.Range(0, rows).Select(i => (float)(i % 10)).ToArray()),
            "categorical_crossentropy" => OneHot(rows, 3),
            _ => Matrix.Column(Enumerable.Range(0, rows).Select(_ => (float)rng.NextNormal()).ToArray()),
        };
    }

    private static Matrix OneHot(int rows, int classes)
    {
        var y = new Matrix(rows, classes);
        for (int r = 0; r < rows; r++) y[r, r % classes] = 1;
        return y;
    }

    private static Matrix With(Matrix m, int row, int column, float value)
    {
        m[row, column] = value;
        return m;
    }

    private static Matrix Zeros(Matrix m, int row)
    {
        m.Row(row).Clear();
        return m;
    }

    private static IReadOnlyList<Matrix> WithWeight(Sequential model, int tensor, int row, int column, float value)
    {
        var weights = model.GetWeights();
        weights[tensor][row, column] = value;
        return weights;
    }
}
