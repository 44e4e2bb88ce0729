using System.Globalization;
using System.Text;

namespace NeuralNotebooks.Models;

/// <summary>
/// What happened during training, epoch by epoch: Keras' <c>history.history</c> — the loss and each metric on the
/// training data, and with a "val_" prefix on the validation data.
/// </summary>
/// <remarks>
/// <para>Epochs are numbered from 1, as printed during training: <c>history["loss"][0]</c> is epoch 1.</para>
/// <para>Keys appear in the order first recorded, typically "loss", "accuracy", "val_loss", "val_accuracy".</para>
/// <para>Any trainer may record into a History (the TorchSharp twins do), so the same charts work for every model.</para>
/// </remarks>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = new();
    private readonly List<string> _keys = new();
    private readonly List<TimeSpan> _durations = new();

    /// <summary>The recorded series' names, in order of first appearance.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The series for <paramref name="key"/>, one value per epoch.</summary>
    /// <exception cref="KeyNotFoundException">No such series; the message lists the ones that exist.</exception>
    public IReadOnlyList<double> this[string key] => _values.TryGetValue(key, out var list)
        ? list
        : throw new KeyNotFoundException($"History has no '{key}'. It has: {string.Join(", ", _keys)}.");

    /// <summary>True when a series named <paramref name="key"/> exists.</summary>
    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>Number of completed epochs.</summary>
    public int Epochs => _durations.Count;

    /// <summary>Wall-clock time of each epoch (including validation).</summary>
    public IReadOnlyList<TimeSpan> EpochDurations => _durations;

    /// <summary>The training loss per epoch.</summary>
    public IReadOnlyList<double> Loss => this["loss"];

    /// <summary>The validation loss per epoch, or null without validation data.</summary>
    public IReadOnlyList<double>? ValidationLoss => Contains("val_loss") ? this["val_loss"] : null;

    /// <summary>The epoch (from 1) whose weights the model holds after early stopping restored the best ones; null otherwise.</summary>
    public int? BestEpoch { get; private set; }

    /// <summary>Why training ended before its last epoch (early stopping, a NaN loss), or null if it ran to the end.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Records the end of an epoch: its values and duration.</summary>
    /// <exception cref="ArgumentException">A value is recorded for a key that would leave the series misaligned.</exception>
    public void RecordEpoch(IReadOnlyDictionary<string, double> values, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            if (!_values.TryGetValue(key, out var list))
            {
                list = new List<double>();
                _values[key] = list;
                _keys.Add(key);
            }
            if (list.Count != _durations.Count)
                throw new ArgumentException($"History series '{key}' has {list.Count} values but {_durations.Count} epochs were recorded.", nameof(values));
            list.Add(value);
        }
        _durations.Add(duration);
    }

    /// <summary>Marks the epoch (from 1) whose weights were restored.</summary>
    public void MarkBestEpoch(int epoch)
    {
        if (epoch < 1 || epoch > Epochs) throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"epoch must be in [1, {Epochs}].");
        BestEpoch = epoch;
    }

    /// <summary>Records why training stopped early.</summary>
    public void MarkStopped(string reason) => StopReason = reason ?? throw new ArgumentNullException(nameof(reason));

    /// <summary>A table: one row per epoch, one column per series.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("epoch");
        foreach (var k in _keys) sb.Append('\t').Append(k);
        sb.AppendLine();
        for (int e = 0; e < Epochs; e++)
        {
            sb.Append(e + 1);
            foreach (var k in _keys) sb.Append('\t').Append(_values[k][e].ToString("0.0000", CultureInfo.InvariantCulture));
            sb.AppendLine();
        }
        if (BestEpoch is int b) sb.AppendLine($"best epoch restored: {b}");
        if (StopReason is string r) sb.AppendLine(r);
        return sb.ToString();
    }
}
