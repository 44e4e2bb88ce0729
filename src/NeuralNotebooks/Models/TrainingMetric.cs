using NeuralNotebooks.Losses;
using NeuralNotebooks.Metrics;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>What a compiled metric name means (see <see cref="TrainingMetric.Create"/>).</summary>
public enum MetricKind
{
    /// <summary>Keras' <c>binary_accuracy</c>: p &gt; 0.5 predicts 1, compared with each 0/1 target (<see cref="Accuracy.Binary"/>).</summary>
    BinaryAccuracy,

    /// <summary>Keras' <c>categorical_accuracy</c>: argmax of the outputs vs argmax of the one-hot targets (<see cref="Accuracy.Categorical"/>).</summary>
    CategoricalAccuracy,

    /// <summary>Keras' <c>sparse_categorical_accuracy</c>: argmax of the outputs vs the integer label (<see cref="Accuracy.SparseCategorical"/>).</summary>
    SparseCategoricalAccuracy,

    /// <summary>The mean squared error, (1/k)·Σ (p − y)² per sample over its k outputs.</summary>
    MeanSquaredError,

    /// <summary>The mean absolute error, (1/k)·Σ |p − y| per sample over its k outputs.</summary>
    MeanAbsoluteError,
}

/// <summary>A metric a model tracks during Fit and Evaluate, accumulated over mini-batches as a sum over samples.</summary>
/// <remarks>
/// <para>One factory for every engine: the from-scratch model computes <see cref="BatchSum"/> with the library's
/// <see cref="Accuracy"/> functions; the TorchSharp twin computes the same <see cref="Kind"/> on tensors.</para>
/// <para>A batch contributes the metric summed over its samples; the epoch's value is that sum over all batches ÷ the
/// number of samples — the same mean as the metric on the whole set.</para>
/// </remarks>
public sealed class TrainingMetric
{
    private TrainingMetric(string name, MetricKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The key in the history, e.g. "accuracy" (and "val_accuracy").</summary>
    public string Name { get; }

    /// <summary>What the name means for this model's loss and outputs.</summary>
    public MetricKind Kind { get; }

    /// <summary>The metric for a Keras metric name, as Keras resolves it from the loss and the output width.</summary>
    /// <param name="name">"accuracy" (or "acc"), "mse", "mae" — case and surrounding spaces are ignored.</param>
    /// <param name="loss">The compiled loss.</param>
    /// <param name="outputs">The width of the model's output.</param>
    /// <remarks>"accuracy" is <see cref="MetricKind.SparseCategoricalAccuracy"/> with sparse categorical cross-entropy,
    /// <see cref="MetricKind.BinaryAccuracy"/> for one output unit or binary cross-entropy, otherwise
    /// <see cref="MetricKind.CategoricalAccuracy"/>.</remarks>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known ones).</exception>
    public static TrainingMetric Create(string name, Loss loss, int outputs)
    {
        ArgumentNullException.ThrowIfNull(loss);
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "accuracy" or "acc":
                if (loss is SparseCategoricalCrossEntropy) return new("accuracy", MetricKind.SparseCategoricalAccuracy);
                if (outputs == 1 || loss is BinaryCrossEntropy) return new("accuracy", MetricKind.BinaryAccuracy);
                return new("accuracy", MetricKind.CategoricalAccuracy);
            case "mse":
                return new("mse", MetricKind.MeanSquaredError);
            case "mae":
                return new("mae", MetricKind.MeanAbsoluteError);
            default:
                throw new ArgumentException($"Unknown metric '{name}'. Known: accuracy, mse, mae.", nameof(name));
        }
    }

    /// <summary>The metric summed over the batch's samples (divide by the sample count for the mean).</summary>
    /// <param name="predictions">The model's outputs, N×k.</param>
    /// <param name="targets">The targets in the loss's layout (N×k, or N×1 class indices for the sparse accuracy).</param>
    public double BatchSum(Matrix predictions, Matrix targets) => Kind switch
    {
        // A sample's binary accuracy is the share of its k outputs predicted right: correct elements ÷ k.
        MetricKind.BinaryAccuracy => Accuracy.BinaryCorrect(predictions, targets) / (double)predictions.Columns,
        MetricKind.CategoricalAccuracy => Accuracy.CategoricalCorrect(predictions, targets),
        MetricKind.SparseCategoricalAccuracy => Accuracy.SparseCategoricalCorrect(predictions, targets),
        MetricKind.MeanSquaredError => Loss.MeanSquaredError.Compute(predictions, targets) * predictions.Rows,
        _ => AbsoluteErrorSum(predictions, targets) / predictions.Columns,
    };

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    private static double AbsoluteErrorSum(Matrix p, Matrix t)
    {
        Matrix.RequireSameShape(p, t, nameof(t));
        double s = 0;
        for (int i = 0; i < p.Length; i++) s += Math.Abs(p.Data[i] - t.Data[i]);
        return s;
    }
}
