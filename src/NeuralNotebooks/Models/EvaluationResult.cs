using System.Globalization;

namespace NeuralNotebooks.Models;

/// <summary>The loss and metrics of a model on a data set (Keras' <c>model.evaluate</c>).</summary>
/// <param name="Loss">The mean loss.</param>
/// <param name="Metrics">Each compiled metric's value, e.g. "accuracy" → 0.97.</param>
public sealed record EvaluationResult(double Loss, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The value of <paramref name="name"/> ("loss" or a metric).</summary>
    /// <exception cref="KeyNotFoundException">No such metric.</exception>
    public double this[string name] => name == "loss" ? Loss
        : Metrics.TryGetValue(name, out var v) ? v
        : throw new KeyNotFoundException($"No metric '{name}'. Available: loss, {string.Join(", ", Metrics.Keys)}.");

    /// <summary>The accuracy, when it was compiled as a metric.</summary>
    public double Accuracy => this["accuracy"];

    /// <summary>"loss: 0.1234 - accuracy: 0.9700".</summary>
    public override string ToString() =>
        string.Join(" - ", new[] { $"loss: {Loss.ToString("0.0000", CultureInfo.InvariantCulture)}" }
            .Concat(Metrics.Select(kv => $"{kv.Key}: {kv.Value.ToString("0.0000", CultureInfo.InvariantCulture)}")));
}
