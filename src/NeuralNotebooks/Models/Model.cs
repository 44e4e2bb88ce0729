using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>
/// What every trainable model shares — Keras' <c>keras.Model</c>: the one training loop (<see cref="Fit"/>), evaluation,
/// and the checks of the data they are given. The from-scratch <see cref="Sequential"/> and the TorchSharp twin derive
/// from it, so both train by exactly the same loop.
/// </summary>
/// <remarks>
/// <para>A model supplies only what differs between engines: one gradient step on some rows of the training data
/// (<see cref="TrainBatch"/>, Keras' <c>train_step</c>) and the loss and metrics on a range of rows
/// (<see cref="EvaluateRows"/>), plus the usual Compile/Predict/ComputeGradients/TrainOnBatch and weights.</para>
/// <para>Index conventions: one row of a <see cref="Matrix"/> is one sample; epochs and batches are numbered from 1 in
/// messages and in the <see cref="History"/>.</para>
/// </remarks>
public abstract class Model : ITrainableModel
{
    private int _fits;

    /// <summary>Creates a model whose random choices derive from <paramref name="seed"/>.</summary>
    protected Model(int seed, string name)
    {
        Seed = seed;
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <summary>The seed of all random choices (initial weights, dropout masks, shuffling).</summary>
    public int Seed { get; }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>Input width (features per sample); 0 while unknown.</summary>
    public abstract int InputSize { get; }

    /// <summary>Output width; 0 while unknown.</summary>
    public abstract int OutputSize { get; }

    /// <summary>The optimizer given to <see cref="Compile"/>, or null before.</summary>
    public Optimizer? Optimizer { get; private set; }

    /// <summary>The loss given to <see cref="Compile"/>, or null before.</summary>
    public Loss? Loss { get; private set; }

    /// <summary>The compiled metrics, in order.</summary>
    public IReadOnlyList<TrainingMetric> Metrics { get; private set; } = Array.Empty<TrainingMetric>();

    /// <summary>The compiled metric names, e.g. ["accuracy"].</summary>
    public IReadOnlyList<string> MetricNames => Metrics.Select(m => m.Name).ToArray();

    /// <summary>Chooses how the model learns and what it reports (Keras' <c>model.compile</c>).</summary>
    /// <param name="optimizer">e.g. <c>new Adam()</c> or "adam".</param>
    /// <param name="loss">e.g. <c>Loss.BinaryCrossEntropy</c> or "binary_crossentropy".</param>
    /// <param name="metrics">Metric names: "accuracy", "mse", "mae" (see <see cref="TrainingMetric.Create"/>).</param>
    /// <exception cref="ArgumentException">A metric name is unknown.</exception>
    public abstract void Compile(Optimizer optimizer, Loss loss, params string[] metrics);

    /// <summary>Trains the model (Keras' <c>model.fit</c>): <paramref name="epochs"/> passes over the training data in
    /// shuffled mini-batches, one gradient step per mini-batch.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, one row per sample (one-hot rows, a 0/1 column, or a column of class indices for sparse losses).</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Samples per gradient step; the last batch may be smaller.</param>
    /// <param name="validationSplit">Fraction of the samples, taken from the END before shuffling (as Keras), held out for
    /// validation: the first ⌈N·(1 − split)⌉ rows train, the rest validate.</param>
    /// <param name="validationData">Explicit validation data (takes precedence over <paramref name="validationSplit"/>).</param>
    /// <param name="shuffle">Shuffle the training samples every epoch.</param>
    /// <param name="seed">Seed of the shuffling (and of the twin's dropout); when null, derived from <see cref="Seed"/>
    /// and the number of earlier Fit calls: <c>Seed·7919 + 104729 + fits</c>, so both engines visit the samples in the
    /// same order.</param>
    /// <param name="callbacks">e.g. <c>new EarlyStopping(...)</c>, <c>new EpochEndCallback(...)</c>.</param>
    /// <param name="verbose">0: silent; 1: one line per epoch on the console.</param>
    /// <returns>The loss and metrics per epoch: "loss", each metric, and "val_…" with validation data.</returns>
    /// <remarks>
    /// <para>The loop: for each epoch, shuffle the order of the training rows; for each mini-batch of
    /// <paramref name="batchSize"/> rows in that order, take one gradient step (<see cref="TrainBatch"/>); then evaluate
    /// the validation rows, record the epoch in the history and let the callbacks look (they may stop training).</para>
    /// <para>The epoch's "loss" is the mean over its samples of the loss before each step (batch mean × batch size,
    /// summed, ÷ samples), as Keras reports it.</para>
    /// <para>If a batch's loss is NaN or infinite, training stops without that step, and <see cref="History.StopReason"/>
    /// (also printed) names the epoch and batch.</para>
    /// <para>Everything is checked before anything changes, in one pass over the data per Fit (not per epoch): the
    /// shapes, every input is finite (no NaN or ±∞), and every target is finite and valid for the loss
    /// (<see cref="Losses.Loss.CheckTargets"/>) — in x and y, and in <paramref name="validationData"/>. A bad value is
    /// named by its argument, row and column in the caller's matrix (not in a shuffled batch), with the value.</para>
    /// <para>A <paramref name="batchSize"/> larger than the number of samples means one batch of all of them (as Keras).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">epochs or batchSize ≤ 0, or validationSplit outside [0, 1) or leaving no samples.</exception>
    /// <exception cref="ArgumentException">Shapes don't fit the model (the message names them), there are no samples (also
    /// in validationData), or a value is NaN/±∞ or not a valid target (the message names argument, row, column and value).</exception>
    /// <exception cref="InvalidOperationException">Not compiled.</exception>
    public History Fit(Matrix x, Matrix y, int epochs = 1, int batchSize = 32, double validationSplit = 0,
        (Matrix X, Matrix Y)? validationData = null, bool shuffle = true, int? seed = null,
        IEnumerable<Callback>? callbacks = null, int verbose = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be > 0.");
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be > 0.");
        if (!(validationSplit >= 0 && validationSplit < 1))
            throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "validationSplit must be in [0, 1).");
        RequireCompiled(nameof(Fit));
        CheckSamples(x, y, nameof(x), nameof(y));
        BuildFor(x);
        CheckData(x, y, nameof(x), nameof(y));
        var (xTrain, yTrain, validation) = SplitValidation(x, y, validationSplit, validationData);

        int runSeed = seed ?? unchecked(Seed * 7919 + 104729 + _fits);
        _fits++;
        var shuffler = new Rng(runSeed);
        var history = new History();
        var context = new TrainingContext(this, history, epochs);
        var all = (callbacks ?? Enumerable.Empty<Callback>()).ToList();
        if (verbose > 0) all.Insert(0, new ProgressLogger());
        foreach (var c in all) c.OnTrainBegin(context);

        int n = xTrain.Rows;
        int trainBatch = Math.Min(batchSize, n);   // int.MaxValue: one batch of all rows, as Keras (n + batchSize would overflow)
        int batches = (n + trainBatch - 1) / trainBatch;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var metricNames = MetricNames;
        var metricSums = new double[metricNames.Count];

        BeginFit(xTrain, yTrain, runSeed);
        try
        {
            for (int epoch = 1; epoch <= epochs && !context.StopRequested; epoch++)
            {
                var watch = Stopwatch.StartNew();
                if (shuffle) shuffler.Shuffle(order.AsSpan());
                double lossSum = 0;
                Array.Clear(metricSums);
                for (int b = 0; b < batches && !context.StopRequested; b++)
                {
                    var rows = order.AsSpan(b * trainBatch, Math.Min(trainBatch, n - b * trainBatch));
                    double loss = TrainBatch(rows, metricSums);
                    if (double.IsFinite(loss)) lossSum += loss * rows.Length;
                    else StopDiverged(context, loss, epoch, b + 1, batches);
                }
                if (context.StopRequested) break;

                var validationResult = validation is (Matrix vx, Matrix vy, int first, int end)
                    ? EvaluateRows(vx, vy, first, end, batchSize) : null;
                watch.Stop();
                context.CompleteEpoch(epoch, lossSum, metricNames, metricSums, n, validationResult, watch.Elapsed, all);
            }
        }
        finally
        {
            EndFit();
        }
        foreach (var c in all) c.OnTrainEnd(context);
        return history;
    }

    /// <summary>The loss and metrics on (x, y), in inference mode (Keras' <c>model.evaluate</c>).</summary>
    /// <remarks>Means over all samples: each batch's mean × its size, summed, ÷ N. The data is checked as by
    /// <see cref="Fit"/> (shapes, finite inputs, valid targets) before the first batch.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">batchSize ≤ 0.</exception>
    /// <exception cref="ArgumentException">Shapes don't fit the model, there are no samples, or a value is NaN/±∞ or not
    /// a valid target (the message names argument, row, column and value).</exception>
    /// <exception cref="InvalidOperationException">Not compiled or not built.</exception>
    public EvaluationResult Evaluate(Matrix x, Matrix y, int batchSize = 32)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be > 0.");
        RequireCompiled(nameof(Evaluate));
        CheckData(x, y, nameof(x), nameof(y));
        return EvaluateRows(x, y, 0, x.Rows, batchSize);
    }

    /// <summary>The model's outputs for <paramref name="x"/>, in inference mode (Keras' <c>model.predict</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">batchSize ≤ 0.</exception>
    /// <exception cref="ArgumentException">x has the wrong number of columns, or a NaN/±∞ entry (the message names its row
    /// and column).</exception>
    public abstract Matrix Predict(Matrix x, int batchSize = 256);

    /// <summary>The outputs for a single sample given as values.</summary>
    public float[] Predict(params float[] sample) => Predict(Matrix.RowVector(sample)).Span.ToArray();

    /// <summary>Backpropagation on one batch without changing the weights: the loss and ∂L/∂p for every parameter, by name.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, in the layout the loss takes.</param>
    /// <param name="training">Run the forward pass in training mode (dropout active) instead of inference mode.</param>
    public abstract Gradients ComputeGradients(Matrix x, Matrix y, bool training = false);

    /// <summary>One optimizer step on exactly this batch, in training mode (Keras' <c>train_on_batch</c>); returns the
    /// batch loss before the step. A NaN or infinite loss leaves the weights unchanged.</summary>
    public abstract double TrainOnBatch(Matrix x, Matrix y);

    /// <inheritdoc />
    public abstract IReadOnlyList<Matrix> GetWeights();

    /// <inheritdoc />
    public abstract void SetWeights(IReadOnlyList<Matrix> weights);

    /// <summary>Records what <see cref="Compile"/> chose, once the engine has accepted it.</summary>
    protected void SetCompiled(Optimizer optimizer, Loss loss, IReadOnlyList<TrainingMetric> metrics)
    {
        Optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        Metrics = metrics?.ToArray() ?? throw new ArgumentNullException(nameof(metrics));
    }

    /// <summary>Throws unless the model can run <paramref name="operation"/>: by default, unless it is compiled.</summary>
    /// <exception cref="InvalidOperationException">Not compiled.</exception>
    protected virtual void RequireCompiled(string operation)
    {
        if (Optimizer is null || Loss is null) throw new InvalidOperationException($"Compile the model before calling {operation}.");
    }

    /// <summary>Called by <see cref="Fit"/> before the shapes are checked: a model that learns its input width from the
    /// data (a Sequential without an Input) builds itself here. Does nothing by default.</summary>
    protected virtual void BuildFor(Matrix x) { }

    /// <summary>Starts a Fit on its training rows (called once, after all checks): e.g. copy them to the device, seed the
    /// engine's own generator with <paramref name="seed"/>.</summary>
    protected abstract void BeginFit(Matrix x, Matrix y, int seed);

    /// <summary>
    /// One gradient step on the training rows <paramref name="rows"/> (indices into BeginFit's x and y, in this order):
    /// forward pass in training mode and the batch's mean loss; unless it is NaN or infinite, add each metric's batch sum
    /// to <paramref name="metricSums"/> (in <see cref="Metrics"/> order), backpropagate, and update the weights.
    /// </summary>
    /// <returns>The batch's mean loss before the step.</returns>
    protected abstract double TrainBatch(ReadOnlySpan<int> rows, Span<double> metricSums);

    /// <summary>Ends the Fit started by <see cref="BeginFit"/> (also when it fails): release what it holds.</summary>
    protected virtual void EndFit() { }

    /// <summary>The loss and metrics, in inference mode, on rows [<paramref name="first"/>, <paramref name="end"/>) of
    /// (x, y) — already checked — in batches of <paramref name="batchSize"/> rows starting at <paramref name="first"/>
    /// (batchSize may exceed the rows, up to int.MaxValue: step by each batch's actual size, so the index never overflows).</summary>
    /// <remarks>Build the result with <see cref="Result"/>.</remarks>
    protected abstract EvaluationResult EvaluateRows(Matrix x, Matrix y, int first, int end, int batchSize);

    /// <summary>The evaluation result from sums over <paramref name="samples"/> samples: each value ÷ samples.</summary>
    protected EvaluationResult Result(double lossSum, ReadOnlySpan<double> metricSums, int samples)
    {
        var metrics = new Dictionary<string, double>();
        for (int m = 0; m < Metrics.Count; m++) metrics[Metrics[m].Name] = metricSums[m] / samples;
        return new EvaluationResult(lossSum / samples, metrics);
    }

    /// <summary>Checks inputs against the model: it knows its input width, <paramref name="x"/> has it, and every entry
    /// is finite (one pass over x).</summary>
    /// <exception cref="InvalidOperationException">The input width is not known yet (the model is not built).</exception>
    /// <exception cref="ArgumentException">x has another width (the message names both shapes), or an entry is NaN or
    /// ±∞ (the message names its row, column and value).</exception>
    protected void CheckInput(Matrix x, string xName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        if (InputSize == 0) throw new InvalidOperationException("The model is not built yet: start it with an Input(features) or call Fit/Build first.");
        if (x.Columns != InputSize) throw new ArgumentException($"{xName} has shape {x.ShapeText} but the model takes (batch, {InputSize}).", xName);
        ValueChecks.RequireFinite(x, xName, "inputs must be finite numbers (a NaN often comes from 0/0, e.g. dividing a " +
            "constant column by its zero spread; a ReLU would quietly turn it into 0 and the model would learn nothing)");
    }

    /// <summary>Checks weights given to SetWeights: every entry finite (a single NaN weight makes every output NaN).</summary>
    /// <param name="weights">The tensors, in the model's order (their shapes already checked).</param>
    /// <param name="names">The model's name for each tensor, e.g. "dense_1/kernel".</param>
    /// <exception cref="ArgumentException">An entry is NaN or ±∞ (the message names the tensor, row, column and value).</exception>
    protected static void CheckWeightValues(IReadOnlyList<Matrix> weights, IReadOnlyList<string> names)
    {
        for (int i = 0; i < weights.Count; i++)
            ValueChecks.RequireFinite(weights[i], $"weights[{i}]", $"{names[i]} must hold finite numbers", "weights");
    }

    /// <summary>
    /// Checks a data set against the model: there are samples, x and y have as many, x has the input width, and y the
    /// targets' width — the output width, or 1 column of class indices for sparse categorical cross-entropy; then the
    /// values: every input finite, every target valid for the compiled loss (<see cref="Losses.Loss.CheckTargets"/>).
    /// </summary>
    /// <remarks>One pass over x and y; call it once per Fit/Evaluate/step on the caller's whole matrices, so errors
    /// name the caller's rows.</remarks>
    /// <exception cref="ArgumentException">Any of these fails; the message names the argument and both shapes, or the
    /// row, column and value.</exception>
    /// <exception cref="InvalidOperationException">The model is not built.</exception>
    protected void CheckData(Matrix x, Matrix y, string xName, string yName)
    {
        CheckSamples(x, y, xName, yName);
        CheckInput(x, xName);
        bool sparse = Loss is SparseCategoricalCrossEntropy;
        int expected = sparse ? 1 : OutputSize;
        if (y.Columns != expected)
        {
            string hint = sparse ? " (integer class labels)"
                : OutputSize > 1 && y.Columns == 1 ? " — one-hot encode the labels or use sparse_categorical_crossentropy" : "";
            throw new ArgumentException($"{yName} has shape {y.ShapeText} but the model's targets are (batch, {expected}){hint}.", yName);
        }
        Loss?.CheckTargets(y, OutputSize, yName);
    }

    private static void CheckSamples(Matrix x, Matrix y, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        if (x.Rows != y.Rows) throw new ArgumentException($"{xName} has {x.Rows} samples {x.ShapeText} but {yName} has {y.Rows} {y.ShapeText}.", yName);
        if (x.Rows == 0) throw new ArgumentException($"{xName} has no samples.", xName);
    }

    /// <summary>The training rows and the validation rows (x, y, first, end), Keras-style.</summary>
    /// <remarks>A split copies nothing: the training rows are a view of the first rows of x's own array, the validation
    /// rows are evaluated where they are (a copy of MNIST's 60 000 rows costs ~0.7 s and 188 MB per Fit).</remarks>
    private (Matrix X, Matrix Y, (Matrix X, Matrix Y, int First, int End)? Validation) SplitValidation(
        Matrix x, Matrix y, double validationSplit, (Matrix X, Matrix Y)? validationData)
    {
        if (validationData is (Matrix vx, Matrix vy))
        {
            CheckData(vx, vy, "validationData.X", "validationData.Y");
            return (x, y, (vx, vy, 0, vx.Rows));
        }
        if (validationSplit == 0) return (x, y, null);
        int splitAt = (int)Math.Ceiling(x.Rows * (1 - validationSplit));
        if (splitAt <= 0 || splitAt >= x.Rows)
            throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit,
                $"validationSplit {validationSplit.ToString(CultureInfo.InvariantCulture)} leaves no training or no validation samples out of {x.Rows}.");
        return (new Matrix(splitAt, x.Columns, x.Data), new Matrix(splitAt, y.Columns, y.Data), (x, y, splitAt, x.Rows));
    }

    private static void StopDiverged(TrainingContext context, double loss, int epoch, int batch, int batches)
    {
        string reason = $"Training stopped: the loss became {loss.ToString(CultureInfo.InvariantCulture)} at epoch {epoch}, batch {batch} of {batches}. " +
                        "Try a smaller learning rate or scaled inputs.";
        Console.WriteLine(reason);
        context.RequestStop(reason);
    }
}
