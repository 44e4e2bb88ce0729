namespace NeuralNotebooks.Callbacks;

/// <summary>Hooks into training (Keras' <c>keras.callbacks.Callback</c>): override what you need.</summary>
/// <remarks>Order within an epoch: the trainer records the epoch in the history, then calls <see cref="OnEpochEnd"/>
/// on each callback in the order given; a callback may then ask to stop via <see cref="TrainingContext.RequestStop"/>.</remarks>
public abstract class Callback
{
    /// <summary>Called once before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context) { }

    /// <summary>Called after every epoch, once its values are in the history.</summary>
    public virtual void OnEpochEnd(TrainingContext context, EpochLogs logs) { }

    /// <summary>Called once after the last epoch (also after an early stop).</summary>
    public virtual void OnTrainEnd(TrainingContext context) { }
}
