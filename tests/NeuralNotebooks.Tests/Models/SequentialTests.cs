using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Models;

public class SequentialTests
{
    private static (Matrix X, Matrix Y) Xor() =>
        (Matrix.FromRows(new float[] { 0, 0 }, new float[] { 0, 1 }, new float[] { 1, 0 }, new float[] { 1, 1 }), Matrix.Column(0f, 1, 1, 0));

    private static (Matrix X, Matrix Y) Blobs(int n, int seed)
    {
        var rng = new NeuralNotebooks.Randomness.Rng(seed);
        var x = new Matrix(n, 2);
        var y = new Matrix(n, 1);
        for (int i = 0; i < n; i++)
        {
            int c = i % 2;
            x[i, 0] = (float)(rng.NextNormal() + (c == 1 ? 2 : -2));
            x[i, 1] = (float)(rng.NextNormal() + (c == 1 ? 1 : -1));
            y[i, 0] = c;
        }
        return (x, y);
    }

    private static Sequential Mlp(int seed) => new(seed) { new Input(2), new Dense(8, "relu"), new Dense(1, "sigmoid") };

    [Fact]
    public void Layers_get_keras_names_and_summary_counts_parameters()
    {
        var model = new Sequential(seed: 1) { new Input(20), new Dense(64, "relu"), new Dropout(0.5), new Dense(32, "relu"), new Dense(1, "sigmoid") };
        Assert.Equal(new[] { "dense", "dropout", "dense_1", "dense_2" }, model.Layers.Select(l => l.Name));
        Assert.Equal(20 * 64 + 64 + 64 * 32 + 32 + 33, model.ParameterCount);
        string summary = model.Summary();
        Assert.Contains("dense (Dense)", summary);
        Assert.Contains("(None, 64)", summary);
        Assert.Contains("1,344", summary);
        Assert.Contains("Total params: 3,457", summary);
        Assert.Equal("Input(20) -> Dense(64, relu) -> Dropout(0.5) -> Dense(32, relu) -> Dense(1, sigmoid)", model.Architecture);
    }

    [Fact]
    public void Fit_records_keras_history_keys_and_learns()
    {
        var (x, y) = Blobs(200, 3);
        var model = Mlp(2);
        model.Compile(new Adam(0.01), Loss.BinaryCrossEntropy, "accuracy");
        var history = model.Fit(x, y, epochs: 30, batchSize: 16, validationSplit: 0.25);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, history.Keys);
        Assert.Equal(30, history.Epochs);
        Assert.True(history.Loss[^1] < history.Loss[0]);
        var result = model.Evaluate(x, y);
        Assert.True(result.Accuracy > 0.95, result.ToString());
        Assert.Equal(result.Loss, result["loss"]);
    }

    [Fact]
    public void Validation_split_is_taken_from_the_end_before_shuffling()
    {
        // The last quarter of the samples have impossible targets: only a validation set taken from the end sees them.
        var (x, y) = Blobs(100, 4);
        for (int i = 75; i < 100; i++) y.Data[i] = 1 - y.Data[i];
        var model = Mlp(1);
        model.Compile(new Adam(0.01), Loss.BinaryCrossEntropy, "accuracy");
        var history = model.Fit(x, y, epochs: 20, validationSplit: 0.25);
        Assert.True(history["accuracy"][^1] > 0.9);
        Assert.True(history["val_accuracy"][^1] < 0.1);
        var evalTail = model.Evaluate(x.SliceRows(75, 100), y.SliceRows(75, 100));
        Assert.Equal(history["val_loss"][^1], evalTail.Loss, 6);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_history()
    {
        History Run(out IReadOnlyList<Matrix> weights)
        {
            var (x, y) = Blobs(64, 5);
            var model = new Sequential(seed: 7) { new Input(2), new Dense(8, "relu"), new Dropout(0.3), new Dense(1, "sigmoid") };
            model.Compile(new Adam(), Loss.BinaryCrossEntropy, "accuracy");
            var h = model.Fit(x, y, epochs: 5, batchSize: 8, validationSplit: 0.2);
            weights = model.GetWeights();
            return h;
        }
        var h1 = Run(out var w1);
        var h2 = Run(out var w2);
        foreach (var key in h1.Keys) Assert.Equal(h1[key], h2[key]);
        for (int i = 0; i < w1.Count; i++) Assert.Equal(w1[i].Span.ToArray(), w2[i].Span.ToArray());
        var other = new Sequential(seed: 8) { new Input(2), new Dense(8, "relu") };
        Assert.NotEqual(w1[0].Span.ToArray(), other.GetWeights()[0].Span.ToArray());
    }

    [Fact]
    public void Predict_and_evaluate_ignore_dropout()
    {
        var model = new Sequential(seed: 1) { new Input(3), new Dense(4, "relu"), new Dropout(0.5), new Dense(2, "softmax") };
        var x = GradientCheck.Random(5, 3, 2);
        var a = model.Predict(x);
        var b = model.Predict(x);
        Assert.Equal(a.Span.ToArray(), b.Span.ToArray());
        for (int r = 0; r < 5; r++) Assert.Equal(1f, a[r, 0] + a[r, 1], 5);
    }

    [Fact]
    public void Get_and_set_weights_round_trip_and_check_shapes()
    {
        var model = Mlp(3);
        var w = model.GetWeights();
        Assert.Equal(new[] { (2, 8), (1, 8), (8, 1), (1, 1) }, w.Select(m => (m.Rows, m.Columns)));
        var other = Mlp(4);
        other.SetWeights(w);
        var x = GradientCheck.Random(3, 2, 1);
        Assert.Equal(model.Predict(x).Span.ToArray(), other.Predict(x).Span.ToArray());
        var bad = w.ToArray();
        bad[0] = new Matrix(3, 8);
        var e = Assert.Throws<ArgumentException>(() => other.SetWeights(bad));
        Assert.Contains("(3, 8)", e.Message);
        Assert.Contains("(2, 8)", e.Message);
    }

    [Fact]
    public void Save_and_load_weights_round_trip()
    {
        string path = Path.Combine(Path.GetTempPath(), $"nn-weights-{Guid.NewGuid():N}.bin");
        try
        {
            var model = Mlp(5);
            model.SaveWeights(path);
            var again = Mlp(6);
            again.LoadWeights(path);
            var x = GradientCheck.Random(4, 2, 3);
            Assert.Equal(model.Predict(x).Span.ToArray(), again.Predict(x).Span.ToArray());
            Assert.Equal("NNWEIGHT"u8.ToArray(), File.ReadAllBytes(path)[..8]);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".tmp-*"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Loading_into_another_architecture_names_both_shapes_and_changes_nothing()
    {
        string path = Path.Combine(Path.GetTempPath(), $"nn-weights-{Guid.NewGuid():N}.bin");
        try
        {
            Mlp(5).SaveWeights(path);
            var wider = new Sequential(seed: 1) { new Input(2), new Dense(16, "relu"), new Dense(1, "sigmoid") };
            var before = wider.GetWeights();
            var e = Assert.Throws<InvalidDataException>(() => wider.LoadWeights(path));
            Assert.Contains("(2, 8)", e.Message);
            Assert.Contains("(2, 16)", e.Message);
            Assert.Contains("Dense(16, relu)", e.Message);
            Assert.Contains("Dense(8, relu)", e.Message);
            Assert.Equal(before[0].Span.ToArray(), wider.GetWeights()[0].Span.ToArray());

            File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
            Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Mlp(1).LoadWeights(path)).Message);
            File.WriteAllText(path, "hello, not weights");
            Assert.Contains("not a NeuralNotebooks weights file", Assert.Throws<InvalidDataException>(() => Mlp(1).LoadWeights(path)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Nan_loss_stops_training_naming_epoch_and_batch()
    {
        var (x, y) = Blobs(64, 1);
        // NaN data is refused before training (ModelCatalogueTests), so the loss overflows instead: sample 20 (in batch 2
        // of 16-sample batches) is finite but so large that 2·x₀ + 2·x₁ is +∞ in float, and so is the squared error.
        x[20, 0] = x[20, 1] = 3e38f;
        var model = new Sequential(seed: 1) { new Input(2), new Dense(1) };
        model.SetWeights([Matrix.Column(2f, 2f), new Matrix(1, 1)]);
        model.Compile(new Sgd(), Loss.MeanSquaredError);
        var history = model.Fit(x, y, epochs: 5, batchSize: 16, shuffle: false);
        Assert.Equal(0, history.Epochs);
        Assert.NotNull(history.StopReason);
        Assert.Contains("epoch 1, batch 2 of 4", history.StopReason);
    }

    [Fact]
    public void Early_stopping_restores_the_best_weights()
    {
        var (x, y) = Blobs(120, 2);
        var (vx, vy) = Blobs(60, 9);
        var model = Mlp(2);
        model.Compile(new Sgd(0.5), Loss.BinaryCrossEntropy, "accuracy");
        var stop = new EarlyStopping("val_loss", patience: 2, restoreBestWeights: true);
        IReadOnlyList<Matrix>? bestWeights = null;
        double best = double.MaxValue;
        var spy = new EpochEndCallback((ctx, logs) =>
        {
            if (logs.Values["val_loss"] < best) { best = logs.Values["val_loss"]; bestWeights = ctx.Model.GetWeights(); }
        });
        var history = model.Fit(x, y, epochs: 200, batchSize: 8, validationData: (vx, vy), callbacks: new Callback[] { spy, stop });
        Assert.True(history.Epochs < 200, "expected an early stop");
        Assert.NotNull(history.StopReason);
        Assert.Equal(stop.BestEpoch, history.BestEpoch);
        Assert.Equal(history["val_loss"].Min(), history["val_loss"][history.BestEpoch!.Value - 1]);
        for (int i = 0; i < bestWeights!.Count; i++) Assert.Equal(bestWeights[i].Span.ToArray(), model.GetWeights()[i].Span.ToArray());
        Assert.Equal(history["val_loss"].Min(), model.Evaluate(vx, vy).Loss, 5);
    }

    [Fact]
    public void Early_stopping_on_a_missing_key_says_what_exists()
    {
        var (x, y) = Blobs(20, 1);
        var model = Mlp(1);
        model.Compile(new Sgd(), Loss.MeanSquaredError);
        var e = Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, epochs: 2, callbacks: new[] { new EarlyStopping() }));
        Assert.Contains("val_loss", e.Message);
        Assert.Contains("loss", e.Message);
    }

    [Fact]
    public void Progress_is_printed_one_line_per_epoch()
    {
        var (x, y) = Blobs(20, 1);
        var model = Mlp(1);
        model.Compile(new Sgd(), Loss.MeanSquaredError, "accuracy");
        var writer = new StringWriter();
        model.Fit(x, y, epochs: 3, callbacks: new[] { new ProgressLogger(writer) });
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Epoch 3/3 - ", lines[2]);
        Assert.Contains("loss: ", lines[2]);
        Assert.Contains("accuracy: ", lines[2]);
    }

    [Fact]
    public void Bad_fit_arguments_are_named()
    {
        var (x, y) = Blobs(20, 1);
        var model = Mlp(1);
        Assert.Throws<InvalidOperationException>(() => model.Fit(x, y));
        model.Compile("sgd", "mse");
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, epochs: 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, batchSize: 0)).ParamName);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, validationSplit: 1.0)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => model.Fit(x, y.SliceRows(0, 10)));
        Assert.Contains("20", e.Message);
        Assert.Contains("10", e.Message);
        e = Assert.Throws<ArgumentException>(() => model.Fit(new Matrix(20, 3), y));
        Assert.Contains("(20, 3)", e.Message);
        e = Assert.Throws<ArgumentException>(() => model.Fit(x, new Matrix(20, 2)));
        Assert.Contains("(20, 2)", e.Message);
        Assert.Throws<ArgumentException>(() => model.Compile(new Sgd(), Loss.MeanSquaredError, "auc"));
    }

    [Fact]
    public void Model_without_input_builds_on_first_fit()
    {
        var (x, y) = Blobs(20, 1);
        var model = new Sequential(seed: 1) { new Dense(4, "tanh"), new Dense(1, "sigmoid") };
        Assert.False(model.IsBuilt);
        Assert.Throws<InvalidOperationException>(() => model.Summary());
        model.Compile(new Sgd(), Loss.BinaryCrossEntropy);
        model.Fit(x, y, epochs: 1);
        Assert.Equal(2, model.InputSize);
        Assert.Equal(17, model.ParameterCount);
    }

    [Fact]
    public void Sparse_targets_and_one_hot_targets_train_the_same_model_the_same_way()
    {
        var x = GradientCheck.Random(30, 4, 1);
        var labels = Enumerable.Range(0, 30).Select(i => i % 3).ToArray();
        var oneHot = new Matrix(30, 3);
        for (int i = 0; i < 30; i++) oneHot[i, labels[i]] = 1;
        Sequential Make() => new(seed: 3) { new Input(4), new Dense(6, "relu"), new Dense(3, "softmax") };
        var a = Make();
        a.Compile(new Adam(0.01), Loss.CategoricalCrossEntropy, "accuracy");
        var ha = a.Fit(x, oneHot, epochs: 5, batchSize: 10, seed: 1);
        var b = Make();
        b.Compile(new Adam(0.01), Loss.SparseCategoricalCrossEntropy, "accuracy");
        var hb = b.Fit(x, Matrix.Column(labels), epochs: 5, batchSize: 10, seed: 1);
        for (int e = 0; e < 5; e++)
        {
            Assert.Equal(ha["loss"][e], hb["loss"][e], 5);
            Assert.Equal(ha["accuracy"][e], hb["accuracy"][e], 10);
        }
    }
}
