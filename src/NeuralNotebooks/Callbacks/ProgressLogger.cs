using System.Globalization;

namespace NeuralNotebooks.Callbacks;

/// <summary>Prints one line per epoch, Keras-style: <c>Epoch 3/50 - 0.12s - loss: 0.4321 - accuracy: 0.8125 - val_loss: …</c>.</summary>
/// <remarks>Added by <c>Fit(verbose: 1)</c>; writes to <see cref="Console.Out"/> unless given another writer.</remarks>
public sealed class ProgressLogger : Callback
{
    private readonly TextWriter? _writer;

    /// <summary>Logs to <paramref name="writer"/>, or to the console when null.</summary>
    public ProgressLogger(TextWriter? writer = null) => _writer = writer;

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, EpochLogs logs)
    {
        var parts = new List<string>
        {
            $"Epoch {logs.Epoch}/{logs.Epochs}",
            $"{logs.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}s",
        };
        parts.AddRange(logs.Values.Select(kv => $"{kv.Key}: {kv.Value.ToString("0.0000", CultureInfo.InvariantCulture)}"));
        (_writer ?? Console.Out).WriteLine(string.Join(" - ", parts));
    }
}
