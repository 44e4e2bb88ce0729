using System.Globalization;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Callbacks;

/// <summary>Stops training when a monitored value has stopped improving (Keras' <c>EarlyStopping</c>).</summary>
/// <remarks>
/// <para>After each epoch: if the monitored value improved on the best so far by more than <see cref="MinDelta"/>, it
/// becomes the best and the patience counter resets; otherwise the counter grows, and when it reaches
/// <see cref="Patience"/> training stops.</para>
/// <para>"Improved" means lower for losses and higher for accuracies (mode "auto": names containing "acc" are maximised).</para>
/// <para>With <see cref="RestoreBestWeights"/>, the weights of the best epoch are put back when training ends (as in
/// Keras 3), and the history's <c>BestEpoch</c> says which epoch that was.</para>
/// </remarks>
public sealed class EarlyStopping : Callback
{
    private double _best;
    private int _wait;
    private int _bestEpoch;
    private IReadOnlyList<Matrix>? _bestWeights;

    /// <summary>Creates an early-stopping rule.</summary>
    /// <param name="monitor">The history key to watch, e.g. "val_loss" (default) or "val_accuracy".</param>
    /// <param name="patience">Epochs without improvement before stopping (≥ 0).</param>
    /// <param name="minDelta">The smallest change that counts as an improvement (≥ 0).</param>
    /// <param name="restoreBestWeights">Put back the best epoch's weights at the end.</param>
    /// <param name="mode">"auto", "min" or "max".</param>
    /// <exception cref="ArgumentOutOfRangeException">patience or minDelta is negative.</exception>
    /// <exception cref="ArgumentException">monitor is empty or mode unknown.</exception>
    public EarlyStopping(string monitor = "val_loss", int patience = 0, double minDelta = 0, bool restoreBestWeights = false, string mode = "auto")
    {
        if (string.IsNullOrWhiteSpace(monitor)) throw new ArgumentException("monitor must name a history key, e.g. \"val_loss\".", nameof(monitor));
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), patience, "patience must be ≥ 0.");
        if (!(minDelta >= 0)) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be ≥ 0.");
        Maximize = mode switch
        {
            "auto" => monitor.Contains("acc", StringComparison.OrdinalIgnoreCase),
            "min" => false,
            "max" => true,
            _ => throw new ArgumentException($"mode is '{mode}'; use \"auto\", \"min\" or \"max\".", nameof(mode)),
        };
        Monitor = monitor;
        Patience = patience;
        MinDelta = minDelta;
        RestoreBestWeights = restoreBestWeights;
    }

    /// <summary>The watched history key.</summary>
    public string Monitor { get; }

    /// <summary>Epochs without improvement tolerated.</summary>
    public int Patience { get; }

    /// <summary>Minimum improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Whether the best weights are restored at the end.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>True when higher values are better.</summary>
    public bool Maximize { get; }

    /// <summary>The epoch (from 1) with the best monitored value in the last run; 0 before training.</summary>
    public int BestEpoch => _bestEpoch;

    /// <summary>The epoch (from 1) at which training was stopped, or 0 if it was not.</summary>
    public int StoppedEpoch { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        _best = Maximize ? double.NegativeInfinity : double.PositiveInfinity;
        _wait = 0;
        _bestEpoch = 0;
        _bestWeights = null;
        StoppedEpoch = 0;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The monitored key is not in the epoch's values.</exception>
    public override void OnEpochEnd(TrainingContext context, EpochLogs logs)
    {
        if (!logs.Values.TryGetValue(Monitor, out double current))
            throw new InvalidOperationException(
                $"EarlyStopping monitors '{Monitor}' but the epoch only has: {string.Join(", ", logs.Values.Keys)}. " +
                "Pass validation data (validationSplit or validationData) or monitor a key that exists.");
        _wait++;
        bool improved = Maximize ? current - MinDelta > _best : current + MinDelta < _best;
        if (improved)
        {
            _best = current;
            _bestEpoch = logs.Epoch;
            _wait = 0;
            if (RestoreBestWeights) _bestWeights = context.Model.GetWeights();
            return;
        }
        if (_wait >= Patience && logs.Epoch > 1)
        {
            StoppedEpoch = logs.Epoch;
            context.RequestStop(
                $"Early stopping at epoch {logs.Epoch}: {Monitor} has not improved for {Patience} epochs " +
                $"(best {_best.ToString("0.0000", CultureInfo.InvariantCulture)} at epoch {_bestEpoch}).");
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        if (RestoreBestWeights && _bestWeights is not null)
        {
            context.Model.SetWeights(_bestWeights);
            context.History.MarkBestEpoch(_bestEpoch);
        }
    }
}
