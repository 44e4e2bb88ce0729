using NeuralNotebooks.Losses;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>A metric the model tracks during Fit and Evaluate, accumulated over mini-batches as a sum per sample.</summary>
/// <remarks>"accuracy" picks its meaning from the loss and output width, as Keras does: binary (threshold 0.5) for one
/// output unit or binary cross-entropy, sparse (argmax vs integer label) for sparse categorical cross-entropy, otherwise
/// categorical (argmax vs argmax). "mse" and "mae" are the mean squared and absolute errors.</remarks>
internal sealed class TrainingMetric
{
    private readonly Func<Matrix, Matrix, double> _batchSum;

    private TrainingMetric(string name, Func<Matrix, Matrix, double> batchSum)
    {
        Name = name;
        _batchSum = batchSum;
    }

    /// <summary>The key in History, e.g. "accuracy".</summary>
    public string Name { get; }

    /// <summary>The metric summed over the batch's samples (divide by the sample count for the mean).</summary>
    public double BatchSum(Matrix predictions, Matrix targets) => _batchSum(predictions, targets);

    public static TrainingMetric Create(string name, Loss loss, int outputs)
    {
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "accuracy" or "acc":
                if (loss is SparseCategoricalCrossEntropy) return new("accuracy", SparseCorrect);
                if (outputs == 1 || loss is BinaryCrossEntropy) return new("accuracy", BinaryCorrect);
                return new("accuracy", CategoricalCorrect);
            case "mse":
                return new("mse", (p, t) => Loss.MeanSquaredError.Compute(p, t) * p.Rows);
            case "mae":
                return new("mae", (p, t) =>
                {
                    double s = 0;
                    for (int i = 0; i < p.Length; i++) s += Math.Abs(p.Data[i] - t.Data[i]);
                    return s / p.Columns;
                });
            default:
                throw new ArgumentException($"Unknown metric '{name}'. Known: accuracy, mse, mae.", nameof(name));
        }
    }

    private static double BinaryCorrect(Matrix p, Matrix t)
    {
        double correct = 0;
        for (int i = 0; i < p.Length; i++)
            if ((p.Data[i] > 0.5f ? 1f : 0f) == t.Data[i]) correct++;
        return correct / p.Columns;
    }

    private static double CategoricalCorrect(Matrix p, Matrix t)
    {
        int correct = 0;
        for (int r = 0; r < p.Rows; r++)
            if (ArgMax(p.Data.AsSpan(r * p.Columns, p.Columns)) == ArgMax(t.Data.AsSpan(r * t.Columns, t.Columns))) correct++;
        return correct;
    }

    private static double SparseCorrect(Matrix p, Matrix t)
    {
        int correct = 0;
        for (int r = 0; r < p.Rows; r++)
            if (ArgMax(p.Data.AsSpan(r * p.Columns, p.Columns)) == (int)t.Data[r]) correct++;
        return correct;
    }

    internal static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++) if (row[i] > row[best]) best = i;
        return best;
    }
}
