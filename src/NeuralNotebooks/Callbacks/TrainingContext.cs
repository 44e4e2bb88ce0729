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
