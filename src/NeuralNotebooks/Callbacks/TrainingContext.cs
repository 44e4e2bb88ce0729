using NeuralNotebooks.Models;

namespace NeuralNotebooks.Callbacks;

/// <summary>What a callback sees of a training run: the model, the history so far, and a way to stop.</summary>
public sealed class TrainingContext
{
    /// <summary>Creates the context of one training run.</summary>
    public TrainingContext(ITrainableModel model, History history, int epochs)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        History = history ?? throw new ArgumentNullException(nameof(history));
        if (epochs <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be > 0.");
        Epochs = epochs;
    }

    /// <summary>The model being trained.</summary>
    public ITrainableModel Model { get; }

    /// <summary>The history being recorded.</summary>
    public History History { get; }

    /// <summary>The planned number of epochs.</summary>
    public int Epochs { get; }

    /// <summary>True once a callback asked training to stop.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>
    /// Ends an epoch the same way for every trainer (the from-scratch model and the TorchSharp twins): records "loss",
    /// each metric, and the validation result's values with a "val_" prefix in the history, then calls
    /// <see cref="Callback.OnEpochEnd"/> on each callback in order.
    /// </summary>
    /// <param name="epoch">The epoch number, from 1.</param>
    /// <param name="lossSum">The training loss summed over samples (batch mean × batch size).</param>
    /// <param name="metricNames">The metric names, e.g. "accuracy".</param>
    /// <param name="metricSums">Each metric summed over samples, in the order of <paramref name="metricNames"/>.</param>
    /// <param name="samples">The number of training samples in the epoch (&gt; 0).</param>
    /// <param name="validation">The epoch's validation result, or null without validation data.</param>
    /// <param name="duration">The epoch's wall-clock time.</param>
    /// <param name="callbacks">The callbacks to notify.</param>
    /// <returns>The epoch's logs, as the callbacks saw them.</returns>
    public EpochLogs CompleteEpoch(int epoch, double lossSum, IReadOnlyList<string> metricNames, IReadOnlyList<double> metricSums,
        int samples, EvaluationResult? validation, TimeSpan duration, IReadOnlyList<Callback> callbacks)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        ArgumentNullException.ThrowIfNull(metricSums);
        ArgumentNullException.ThrowIfNull(callbacks);
        if (samples <= 0) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be > 0.");
        if (metricNames.Count != metricSums.Count)
            throw new ArgumentException($"{metricNames.Count} metric names but {metricSums.Count} sums.", nameof(metricSums));
        var values = new Dictionary<string, double> { ["loss"] = lossSum / samples };
        for (int m = 0; m < metricNames.Count; m++) values[metricNames[m]] = metricSums[m] / samples;
        if (validation is not null)
        {
            values["val_loss"] = validation.Loss;
            foreach (var (k, v) in validation.Metrics) values["val_" + k] = v;
        }
        History.RecordEpoch(values, duration);
        var logs = new EpochLogs(epoch, Epochs, values, duration);
        foreach (var c in callbacks) c.OnEpochEnd(this, logs);
        return logs;
    }

    /// <summary>Asks the trainer to stop after the current epoch, recording <paramref name="reason"/> in the history.</summary>
    public void RequestStop(string reason)
    {
        StopRequested = true;
        History.MarkStopped(reason);
    }
}

/// <summary>The values at the end of one epoch.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="Epochs">The planned number of epochs.</param>
/// <param name="Values">"loss", metrics, and "val_…" entries.</param>
/// <param name="Duration">The epoch's wall-clock time.</param>
public sealed record EpochLogs(int Epoch, int Epochs, IReadOnlyDictionary<string, double> Values, TimeSpan Duration);
