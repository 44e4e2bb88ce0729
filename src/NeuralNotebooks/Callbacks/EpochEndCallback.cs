namespace NeuralNotebooks.Callbacks;

/// <summary>Runs a function at the end of every epoch — the hook live charts and custom logging use
/// (Keras' <c>LambdaCallback(on_epoch_end=…)</c>).</summary>
public sealed class EpochEndCallback : Callback
{
    private readonly Action<TrainingContext, EpochLogs> _action;

    /// <summary>Calls <paramref name="action"/> with the context and the epoch's values.</summary>
    public EpochEndCallback(Action<TrainingContext, EpochLogs> action) =>
        _action = action ?? throw new ArgumentNullException(nameof(action));

    /// <summary>Calls <paramref name="action"/> with the epoch's values.</summary>
    public EpochEndCallback(Action<EpochLogs> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _action = (_, logs) => action(logs);
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, EpochLogs logs) => _action(context, logs);
}
