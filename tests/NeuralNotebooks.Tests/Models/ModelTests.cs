using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Models;

/// <summary>The one training loop (<see cref="Model.Fit"/>), seen through an engine that only records what it is asked.</summary>
public class ModelTests
{
    [Fact]
    public void Each_epoch_visits_every_training_row_once_in_the_order_of_the_seed_rule()
    {
        var model = new RecordingModel(seed: 5);
        var (x, y) = Data(10);
        model.Fit(x, y, epochs: 2, batchSize: 4);
        model.Fit(x, y, epochs: 1, batchSize: 4);

        // Fit number f (from 0) shuffles with Rng(Seed·7919 + 104729 + f), reshuffling the same order every epoch.
        var first = new Rng(5 * 7919 + 104729 + 0);
        var second = new Rng(5 * 7919 + 104729 + 1);
        var order = Enumerable.Range(0, 10).ToArray();
        var expected = new List<int[]>();
        foreach (var rng in new[] { first, first, second })
        {
            if (rng == second) order = Enumerable.Range(0, 10).ToArray();
            rng.Shuffle(order.AsSpan());
            expected.AddRange(order.Chunk(4));
        }
        Assert.Equal(expected, model.Batches);
        Assert.Equal([5 * 7919 + 104729, 5 * 7919 + 104729 + 1], model.FitSeeds);
    }

    [Fact]
    public void A_given_seed_replaces_the_rule_and_shuffle_false_keeps_the_order()
    {
        var model = new RecordingModel(seed: 5);
        var (x, y) = Data(6);
        model.Fit(x, y, epochs: 1, batchSize: 6, seed: 42);
        Assert.Equal(42, model.FitSeeds.Single());
        model.Fit(x, y, epochs: 2, batchSize: 4, shuffle: false);
        Assert.Equal([[0, 1, 2, 3], [4, 5], [0, 1, 2, 3], [4, 5]], model.Batches.Skip(1));
    }

    [Fact]
    public void The_validation_split_is_the_end_of_the_data_and_is_evaluated_after_every_epoch()
    {
        var model = new RecordingModel(seed: 1);
        var (x, y) = Data(10);
        var history = model.Fit(x, y, epochs: 3, batchSize: 32, validationSplit: 0.25);
        // ⌈10 · 0.75⌉ = 8 rows train, rows 8 and 9 validate.
        Assert.All(model.Batches, b => Assert.Equal(Enumerable.Range(0, 8), b.Order()));
        Assert.Equal(8, model.TrainingRows);
        Assert.Equal(3, model.Evaluations.Count);
        Assert.All(model.Evaluations, e => Assert.Equal((8, 10, 32), (e.First, e.End, e.BatchSize)));
        Assert.Same(x, model.Evaluations[0].X);
        Assert.Equal(new[] { "loss", "val_loss" }, history.Keys);
    }

    [Fact]
    public void Explicit_validation_data_wins_over_the_split()
    {
        var model = new RecordingModel(seed: 1);
        var (x, y) = Data(10);
        var (vx, vy) = Data(3);
        model.Fit(x, y, epochs: 1, validationSplit: 0.5, validationData: (vx, vy));
        Assert.Equal(10, model.TrainingRows);
        Assert.Equal((0, 3), (model.Evaluations.Single().First, model.Evaluations.Single().End));
        Assert.Same(vx, model.Evaluations.Single().X);
    }

    [Fact]
    public void The_epoch_loss_is_the_sample_weighted_mean_of_the_batch_losses()
    {
        var model = new RecordingModel(seed: 1) { LossOf = rows => rows.Length };   // batches of 4, 4, 2 → losses 4, 4, 2
        var (x, y) = Data(10);
        var history = model.Fit(x, y, epochs: 1, batchSize: 4);
        Assert.Equal((4 * 4 + 4 * 4 + 2 * 2) / 10.0, history.Loss.Single());
    }

    [Fact]
    public void A_nan_loss_stops_at_that_batch_names_it_and_still_ends_the_fit()
    {
        int calls = 0;
        var model = new RecordingModel(seed: 1) { LossOf = _ => ++calls == 5 ? double.NaN : 1 };
        var (x, y) = Data(12);
        var history = model.Fit(x, y, epochs: 3, batchSize: 4);
        Assert.Equal(5, model.Batches.Count);                  // epoch 1: 3 batches; epoch 2: batch 2 diverged
        Assert.Equal(1, history.Epochs);
        Assert.Contains("the loss became NaN at epoch 2, batch 2 of 3", history.StopReason);
        Assert.Equal(1, model.EndFits);
    }

    [Fact]
    public void The_fit_is_ended_even_when_a_callback_throws()
    {
        var model = new RecordingModel(seed: 1);
        var (x, y) = Data(4);
        var boom = new EpochEndCallback(_ => throw new InvalidOperationException("boom"));
        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, epochs: 2, callbacks: [boom])).Message);
        Assert.Equal(1, model.EndFits);
    }

    [Fact]
    public void Bad_arguments_are_rejected_before_the_engine_sees_anything()
    {
        var (x, y) = Data(4);
        var uncompiled = new RecordingModel(seed: 1, compile: false);
        Assert.Contains("Compile", Assert.Throws<InvalidOperationException>(() => uncompiled.Fit(x, y)).Message);
        var model = new RecordingModel(seed: 1);
        Assert.Equal("validationSplit", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, y, validationSplit: 0.1)).ParamName);
        Assert.Equal("validationData.Y", Assert.Throws<ArgumentException>(() => model.Fit(x, y, validationData: (x, new Matrix(3, 1)))).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.Fit(x, new Matrix(4, 2))).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Fit(new Matrix(0, 2), new Matrix(0, 1))).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(x, y, batchSize: 0)).ParamName);
        Assert.Equal(0, model.BeginFits + uncompiled.BeginFits);
        Assert.Empty(model.Evaluations);
    }

    private static (Matrix X, Matrix Y) Data(int rows)
    {
        var x = new Matrix(rows, 2);
        for (int i = 0; i < rows; i++) x[i, 0] = i;
        return (x, new Matrix(rows, 1));
    }

    /// <summary>An engine that trains nothing: it records the rows of each batch and each evaluation.</summary>
    private sealed class RecordingModel : Model
    {
        private Matrix? _x;

        public RecordingModel(int seed, bool compile = true) : base(seed, "recording")
        {
            if (compile) Compile(new Sgd(), Loss.MeanSquaredError);
        }

        public Func<int[], double> LossOf { get; init; } = _ => 0.5;
        public List<int[]> Batches { get; } = new();
        public List<int> FitSeeds { get; } = new();
        public List<(Matrix X, int First, int End, int BatchSize)> Evaluations { get; } = new();
        public int TrainingRows { get; private set; }
        public int BeginFits { get; private set; }
        public int EndFits { get; private set; }

        public override int InputSize => 2;
        public override int OutputSize => 1;

        public override void Compile(Optimizer optimizer, Loss loss, params string[] metrics) =>
            SetCompiled(optimizer, loss, metrics.Select(m => TrainingMetric.Create(m, loss, OutputSize)).ToArray());

        protected override void BeginFit(Matrix x, Matrix y, int seed)
        {
            (_x, TrainingRows) = (x, x.Rows);
            FitSeeds.Add(seed);
            BeginFits++;
        }

        protected override double TrainBatch(ReadOnlySpan<int> rows, Span<double> metricSums)
        {
            var original = rows.ToArray().Select(r => (int)_x![r, 0]).ToArray();   // the row numbers, read back from x
            Batches.Add(original);
            return LossOf(original);
        }

        protected override void EndFit() => EndFits++;

        protected override EvaluationResult EvaluateRows(Matrix x, Matrix y, int first, int end, int batchSize)
        {
            Evaluations.Add((x, first, end, batchSize));
            return Result(0.25 * (end - first), ReadOnlySpan<double>.Empty, end - first);
        }

        public override Matrix Predict(Matrix x, int batchSize = 256) => new(x.Rows, 1);
        public override Gradients ComputeGradients(Matrix x, Matrix y, bool training = false) => new(0, []);
        public override double TrainOnBatch(Matrix x, Matrix y) => 0;
        public override IReadOnlyList<Matrix> GetWeights() => [];
        public override void SetWeights(IReadOnlyList<Matrix> weights) { }
    }
}
