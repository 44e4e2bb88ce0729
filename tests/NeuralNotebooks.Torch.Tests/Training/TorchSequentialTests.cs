using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Tests.Support;
using NeuralNotebooks.Torch.Training;

namespace NeuralNotebooks.Torch.Tests.Training;

public sealed class TorchSequentialTests : TorchTest
{
    private static Sequential Classifier(int seed = 3) =>
        new(seed) { new Input(6), new Dense(16, "relu"), new Dense(4, "softmax") };

    private static (Matrix X, Matrix Y, int[] Labels) Blobs(int n, int seed)
    {
        var labels = TestData.Labels(n, 4, seed);
        var x = TestData.Normal(n, 6, seed + 1, scale: 0.7);
        for (int i = 0; i < n; i++) x[i, labels[i]] += 2f;   // class k is shifted along feature k
        return (x, TestData.OneHot(labels, 4), labels);
    }

    [TorchFact]
    public void Twin_starts_from_the_scratch_weights_and_predicts_the_same()
    {
        var scratch = Classifier();
        using var twin = new TorchSequential(scratch);
        var sw = scratch.GetWeights();
        var tw = twin.GetWeights();
        Assert.Equal(sw.Count, tw.Count);
        for (int i = 0; i < sw.Count; i++)
        {
            Assert.Equal(sw[i].ShapeText, tw[i].ShapeText);
            Assert.Equal(sw[i].Span.ToArray(), tw[i].Span.ToArray());
        }
        Assert.Equal(scratch.ParameterCount, twin.ParameterCount);
        Assert.Equal(scratch.Architecture, twin.Architecture);
        var x = TestData.Normal(10, 6, seed: 9);
        Compare.Relative(scratch.Predict(x), twin.Predict(x), 1e-5, "predictions");
        var p = twin.Predict(x);
        for (int r = 0; r < p.Rows; r++) Assert.Equal(1.0, p.Row(r).ToArray().Sum(), 5);   // the softmax is applied for Predict
        Assert.True(twin.SoftmaxOutsideModule);
    }

    [TorchFact]
    public void Weights_copy_back_into_a_scratch_model_after_training()
    {
        var scratch = Classifier();
        using var twin = new TorchSequential(scratch);
        twin.Compile(new Adam(0.01), Loss.CategoricalCrossEntropy, "accuracy");
        var (x, y, _) = Blobs(64, 1);
        twin.Fit(x, y, epochs: 3, batchSize: 16);
        var fresh = Classifier(seed: 99);
        twin.CopyWeightsTo(fresh);
        Compare.Relative(twin.Predict(x), fresh.Predict(x), 1e-5, "scratch model with the twin's weights");
        var other = Classifier(seed: 100);
        twin.CopyWeightsFrom(other);
        Compare.Relative(other.Predict(x), twin.Predict(x), 1e-5, "twin with another model's weights");
    }

    [TorchFact]
    public void Fit_returns_our_history_keys_and_learns()
    {
        using var twin = new TorchSequential(Classifier());
        twin.Compile(new Adam(0.01), Loss.CategoricalCrossEntropy, "accuracy");
        var (x, y, _) = Blobs(200, 2);
        var history = twin.Fit(x, y, epochs: 15, batchSize: 32, validationSplit: 0.2);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, history.Keys);
        Assert.Equal(15, history.Epochs);
        Assert.True(history.Loss[^1] < 0.5 * history.Loss[0], $"loss {history.Loss[0]} → {history.Loss[^1]}");
        Assert.True(history["val_accuracy"][^1] > 0.85, $"val_accuracy {history["val_accuracy"][^1]}");
        Assert.Equal(history["loss"][^1], history.Loss[^1]);
    }

    [TorchFact]
    public void Sparse_labels_train_and_evaluate_like_one_hot()
    {
        var (x, y, labels) = Blobs(120, 4);
        using var dense = new TorchSequential(Classifier());
        dense.Compile(new Sgd(0.1), Loss.CategoricalCrossEntropy, "accuracy");
        using var sparse = new TorchSequential(Classifier());
        sparse.Compile(new Sgd(0.1), Loss.SparseCategoricalCrossEntropy, "accuracy");
        var h1 = dense.Fit(x, y, epochs: 3, batchSize: 16, seed: 5);
        var h2 = sparse.Fit(x, Matrix.Column(labels), epochs: 3, batchSize: 16, seed: 5);
        for (int e = 0; e < 3; e++)
        {
            Assert.Equal(h1.Loss[e], h2.Loss[e], 5);
            Assert.Equal(h1["accuracy"][e], h2["accuracy"][e], 10);
        }
        Assert.Equal(dense.Evaluate(x, y).Accuracy, sparse.Evaluate(x, Matrix.Column(labels)).Accuracy, 10);
    }

    [TorchFact]
    public void Validation_split_takes_the_last_samples()
    {
        var (x, y, _) = Blobs(40, 6);
        using var twin = new TorchSequential(Classifier());
        twin.Compile(new Sgd(0.05), Loss.CategoricalCrossEntropy, "accuracy");
        var history = twin.Fit(x, y, epochs: 1, batchSize: 8, validationSplit: 0.25);
        var tail = twin.Evaluate(x.SliceRows(30, 40), y.SliceRows(30, 40));
        Assert.Equal(tail.Loss, history["val_loss"][0], 6);
        Assert.Equal(tail.Accuracy, history["val_accuracy"][0], 10);
    }

    [TorchFact]
    public void Same_seed_gives_the_same_history_even_with_dropout()
    {
        History Run()
        {
            var scratch = new Sequential(7) { new Input(6), new Dense(32, "relu"), new Dropout(0.5), new Dense(4, "softmax") };
            using var twin = new TorchSequential(scratch);
            twin.Compile(new Adam(0.01), Loss.CategoricalCrossEntropy, "accuracy");
            var (x, y, _) = Blobs(96, 8);
            return twin.Fit(x, y, epochs: 4, batchSize: 16);
        }
        var a = Run();
        var b = Run();
        Assert.Equal(a.Loss, b.Loss);
        Assert.Equal(a["accuracy"], b["accuracy"]);
    }

    [TorchFact]
    public void With_sgd_the_twin_history_follows_the_scratch_history()
    {
        // Same initial weights, same shuffling order (same seed rule), same optimizer: the curves are the same up to float rounding.
        var (x, y, _) = Blobs(64, 10);
        var scratch = Classifier();
        using var twin = new TorchSequential(scratch);
        scratch.Compile(new Sgd(0.05, momentum: 0.9), Loss.CategoricalCrossEntropy, "accuracy");
        twin.Compile(new Sgd(0.05, momentum: 0.9), Loss.CategoricalCrossEntropy, "accuracy");
        var hs = scratch.Fit(x, y, epochs: 10, batchSize: 8, validationSplit: 0.25);
        var ht = twin.Fit(x, y, epochs: 10, batchSize: 8, validationSplit: 0.25);
        Assert.Equal(hs.Keys, ht.Keys);
        for (int e = 0; e < 10; e++)
        {
            Assert.True(Math.Abs(hs.Loss[e] - ht.Loss[e]) <= 1e-4 * Math.Max(1, hs.Loss[e]), $"epoch {e + 1}: loss {hs.Loss[e]} vs {ht.Loss[e]}");
            Assert.True(Math.Abs(hs["val_loss"][e] - ht["val_loss"][e]) <= 1e-4 * Math.Max(1, hs["val_loss"][e]), $"epoch {e + 1}: val_loss {hs["val_loss"][e]} vs {ht["val_loss"][e]}");
            Assert.Equal(hs["accuracy"][e], ht["accuracy"][e], 10);
        }
    }

    [TorchFact]
    public void EarlyStopping_stops_and_restores_the_best_epochs_weights()
    {
        // Validation labels are noise, so the validation loss soon rises while the model memorises the training set.
        var (x, y, _) = Blobs(48, 12);
        var (vx, _, _) = Blobs(24, 13);
        var vy = TestData.OneHot(TestData.Labels(24, 4, seed: 14), 4);
        var scratch = new Sequential(3) { new Input(6), new Dense(64, "relu"), new Dense(4, "softmax") };
        using var twin = new TorchSequential(scratch);
        twin.Compile(new Adam(0.05), Loss.CategoricalCrossEntropy);
        var snapshots = new List<IReadOnlyList<Matrix>>();
        var stopping = new EarlyStopping("val_loss", patience: 2, restoreBestWeights: true);
        var history = twin.Fit(x, y, epochs: 60, batchSize: 8, validationData: (vx, vy),
            callbacks: new Callback[] { new EpochEndCallback(_ => snapshots.Add(twin.GetWeights())), stopping });
        Assert.True(history.Epochs < 60, "early stopping did not stop");
        Assert.NotNull(history.StopReason);
        int best = Assert.IsType<int>(history.BestEpoch);
        Assert.Equal(stopping.BestEpoch, best);
        Assert.Equal(history["val_loss"].Min(), history["val_loss"][best - 1]);
        var restored = twin.GetWeights();
        for (int i = 0; i < restored.Count; i++) Assert.Equal(snapshots[best - 1][i].Span.ToArray(), restored[i].Span.ToArray());
        Assert.NotEqual(snapshots[^1][0].Span.ToArray(), restored[0].Span.ToArray());
    }

    [TorchFact]
    public void Binary_accuracy_and_bce_on_a_sigmoid_output()
    {
        var x = TestData.Normal(80, 6, seed: 20);
        var y = new Matrix(80, 1);
        for (int i = 0; i < 80; i++) y[i, 0] = x[i, 0] + x[i, 1] > 0 ? 1f : 0f;
        using var twin = new TorchSequential(new Sequential(2) { new Input(6), new Dense(8, "tanh"), new Dense(1, "sigmoid") });
        twin.Compile(new Adam(0.05), Loss.BinaryCrossEntropy, "accuracy", "mse", "mae");
        var history = twin.Fit(x, y, epochs: 30, batchSize: 16);
        Assert.Equal(new[] { "loss", "accuracy", "mse", "mae" }, history.Keys);
        var result = twin.Evaluate(x, y);
        Assert.True(result.Accuracy >= 0.95, $"accuracy {result.Accuracy}");
        var p = twin.Predict(x);
        double mse = 0, correct = 0;
        for (int i = 0; i < 80; i++)
        {
            mse += (p[i, 0] - y[i, 0]) * (p[i, 0] - y[i, 0]);
            if ((p[i, 0] > 0.5f ? 1f : 0f) == y[i, 0]) correct++;
        }
        Assert.Equal(mse / 80, result["mse"], 5);
        Assert.Equal(correct / 80, result.Accuracy, 10);
    }

    [TorchFact]
    public void A_diverging_run_stops_with_a_reason()
    {
        var x = TestData.Normal(16, 6, seed: 30, scale: 1000);
        var y = TestData.Normal(16, 4, seed: 31, scale: 1000);
        using var twin = new TorchSequential(new Sequential(1) { new Input(6), new Dense(4) });
        twin.Compile(new Sgd(10), Loss.MeanSquaredError);
        var history = twin.Fit(x, y, epochs: 50, batchSize: 4);
        Assert.True(history.Epochs < 50);
        Assert.Contains("Training stopped: the loss became", history.StopReason);
    }

    [TorchFact]
    public void Preconditions_name_the_argument()
    {
        using var twin = new TorchSequential(Classifier());
        var (x, y, _) = Blobs(8, 40);
        Assert.Contains("Compile", Assert.Throws<InvalidOperationException>(() => twin.Fit(x, y)).Message);
        Assert.Contains("Compile", Assert.Throws<InvalidOperationException>(() => twin.Evaluate(x, y)).Message);
        twin.Compile(new Sgd(), Loss.CategoricalCrossEntropy, "accuracy");
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => twin.Fit(x, y, epochs: 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => twin.Fit(x, y, batchSize: 0)).ParamName);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => twin.Fit(x, y, validationSplit: 1)).ParamName);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => twin.Fit(x, y, validationSplit: 0.01)).ParamName);
        var wrongX = Assert.Throws<ArgumentException>(() => twin.Fit(new Matrix(8, 5), y));
        Assert.Equal("x", wrongX.ParamName);
        Assert.Contains("(8, 5)", wrongX.Message);
        var labelsOnly = Assert.Throws<ArgumentException>(() => twin.Fit(x, new Matrix(8, 1)));
        Assert.Equal("y", labelsOnly.ParamName);
        Assert.Contains("one-hot", labelsOnly.Message);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => twin.Fit(x, new Matrix(7, 4))).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => twin.Evaluate(x, y, batchSize: 0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => twin.Predict(x, batchSize: 0)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => twin.Compile(new Sgd(), Loss.MeanSquaredError, "f1")).ParamName);
        Assert.Equal("optimizer", Assert.Throws<ArgumentException>(() => twin.Compile(new HalvingOptimizer(), Loss.MeanSquaredError)).ParamName);
        Assert.Contains("val_loss", Assert.Throws<InvalidOperationException>(() =>
            twin.Fit(x, y, epochs: 2, callbacks: new[] { new EarlyStopping("val_loss") })).Message);
    }

    [TorchFact]
    public void SetWeights_checks_count_and_shapes()
    {
        using var twin = new TorchSequential(Classifier());
        var w = twin.GetWeights().ToList();
        Assert.Contains("4", Assert.Throws<ArgumentException>(() => twin.SetWeights(w.Take(3).ToArray())).Message);
        w[2] = new Matrix(4, 16);
        var e = Assert.Throws<ArgumentException>(() => twin.SetWeights(w));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("(16, 4)", e.Message);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => twin.CopyWeightsFrom(new Sequential { new Input(6), new Dense(4, "softmax") })).ParamName);
    }

    [TorchFact]
    public void Bad_values_are_refused_by_the_shared_checks_before_any_weight_changes()
    {
        using var twin = new TorchSequential(Classifier());
        twin.Compile(new Adam(), Loss.CategoricalCrossEntropy, "accuracy");
        var before = twin.GetWeights().Select(w => w.Span.ToArray()).ToArray();
        var (x, y, labels) = Blobs(200, 50);
        var nanX = x.Clone();
        nanX[150, 4] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => twin.Fit(nanX, y, epochs: 2, batchSize: 16));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x row 150, column 4 is NaN", e.Message);
        Assert.Contains("x row 150", Assert.Throws<ArgumentException>(() => twin.Predict(nanX)).Message);
        Assert.Contains("x row 150", Assert.Throws<ArgumentException>(() => twin.TrainOnBatch(nanX, y)).Message);
        var twoHot = y.Clone();
        twoHot[7, (labels[7] + 1) % 4] = 1;
        Assert.Contains("y row 7 holds 2 ones", Assert.Throws<ArgumentException>(() => twin.Fit(x, twoHot)).Message);
        var weights = twin.GetWeights().ToArray();
        weights[1][0, 3] = float.PositiveInfinity;
        Assert.Contains("weights[1] row 0, column 3 is Infinity", Assert.Throws<ArgumentException>(() => twin.SetWeights(weights)).Message);
        Assert.Equal(before, twin.GetWeights().Select(w => w.Span.ToArray()));

        using var sparse = new TorchSequential(Classifier());
        sparse.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy);
        var bad = Matrix.Column(labels);
        bad[199, 0] = 4;
        e = Assert.Throws<ArgumentException>(() => sparse.Fit(x, bad, batchSize: 32));
        Assert.Contains("y row 199, column 0 is 4", e.Message);
        Assert.Equal(before, sparse.GetWeights().Select(w => w.Span.ToArray()));
    }

    [TorchFact]
    public void A_batch_size_of_int_max_value_is_one_batch_of_all_samples()
    {
        var (x, y, _) = Blobs(40, 60);
        using var huge = new TorchSequential(Classifier());
        using var whole = new TorchSequential(Classifier());
        huge.Compile(new Sgd(0.1), Loss.CategoricalCrossEntropy);
        whole.Compile(new Sgd(0.1), Loss.CategoricalCrossEntropy);
        var history = huge.Fit(x, y, epochs: 2, batchSize: int.MaxValue, validationSplit: 0.25, shuffle: false);
        whole.Fit(x, y, epochs: 2, batchSize: 30, validationSplit: 0.25, shuffle: false);
        Assert.All(history.Loss, l => Assert.True(l > 0 && double.IsFinite(l)));
        var (expected, actual) = (whole.GetWeights(), huge.GetWeights());
        for (int i = 0; i < expected.Count; i++) Compare.Absolute(expected[i], actual[i], 1e-6, $"weights[{i}]");
        Assert.Equal(huge.Predict(x).Span.ToArray(), huge.Predict(x, batchSize: int.MaxValue).Span.ToArray());
        Assert.Equal(huge.Evaluate(x, y).Loss, huge.Evaluate(x, y, batchSize: int.MaxValue).Loss, 5);
    }

    [TorchFact]
    public void Models_without_a_twin_are_rejected_with_the_reason()
    {
        Assert.Contains("Input", Assert.Throws<ArgumentException>(() => new TorchSequential(new Sequential { new Dense(3) })).Message);
        Assert.Contains("step", Assert.Throws<ArgumentException>(() => new TorchSequential(new Sequential { new Input(2), new Dense(1, "step") })).Message);
        Assert.Contains("Dropout", Assert.Throws<ArgumentException>(() => new TorchSequential(new Sequential { new Input(2), new Dense(3), new Dropout(0.2) })).Message);
    }

    [TorchFact]
    public void A_disposed_twin_refuses_work()
    {
        var twin = new TorchSequential(Classifier());
        twin.Dispose();
        twin.Dispose();
        Assert.Throws<ObjectDisposedException>(() => twin.GetWeights());
        Assert.Throws<ObjectDisposedException>(() => twin.Predict(new Matrix(1, 6)));
    }

    /// <summary>An optimizer of ours with no torch mapping.</summary>
    private sealed class HalvingOptimizer() : Optimizer(0.5)
    {
        public override string Name => "halving";

        protected override int SlotCount => 0;

        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration)
        {
            for (int i = 0; i < value.Length; i++) value[i] -= 0.5f * gradient[i];
        }
    }
}
