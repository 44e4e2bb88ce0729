using NeuralNotebooks.Activations;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Losses;

/// <summary>Categorical cross-entropy with integer labels: L = −(1/N) Σₙ log ŷₙ,yₙ.</summary>
/// <remarks>
/// <para>Targets are an N×1 matrix of class indices (0 … C−1) stored as floats; predictions N×C probabilities. The same
/// loss as <see cref="CategoricalCrossEntropy"/> with one-hot targets, without building them.</para>
/// <para>∂L/∂ŷₙ,c = −[c = yₙ]/ŷₙ,c / N; after a softmax: ∂L/∂zₙ,c = (ŷₙ,c − [c = yₙ])/N.</para>
/// </remarks>
public sealed class SparseCategoricalCrossEntropy : Loss
{
    /// <inheritdoc />
    public override string Name => "sparse_categorical_crossentropy";

    /// <inheritdoc />
    public override double Compute(Matrix predictions, Matrix targets)
    {
        RequireLabels(predictions, targets);
        double sum = 0;
        for (int n = 0; n < predictions.Rows; n++)
            sum -= Math.Log(Clip(predictions.Data[n * predictions.Columns + Label(targets, n, predictions.Columns)]));
        return sum / predictions.Rows;
    }

    /// <inheritdoc />
    public override void Gradient(Matrix predictions, Matrix targets, Matrix gradient)
    {
        RequireLabels(predictions, targets);
        gradient.EnsureShape(predictions.Rows, predictions.Columns);
        gradient.Span.Clear();
        float scale = 1f / predictions.Rows;
        for (int n = 0; n < predictions.Rows; n++)
        {
            int i = n * predictions.Columns + Label(targets, n, predictions.Columns);
            float p = predictions.Data[i];
            gradient.Data[i] = p <= Epsilon || p >= 1f - Epsilon ? 0f : -scale / p;
        }
    }

    /// <inheritdoc />
    public override bool TryOutputGradient(Activation outputActivation, Matrix predictions, Matrix targets, Matrix dZ)
    {
        if (outputActivation is not Softmax) return false;
        RequireLabels(predictions, targets);
        dZ.EnsureShape(predictions.Rows, predictions.Columns);
        float scale = 1f / predictions.Rows;
        var p = predictions.Span;
        var d = dZ.Span;
        for (int i = 0; i < p.Length; i++) d[i] = scale * p[i];
        for (int n = 0; n < predictions.Rows; n++)
            d[n * predictions.Columns + Label(targets, n, predictions.Columns)] -= scale;
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Targets are class indices: one column of integers in [0, <paramref name="classes"/>).</remarks>
    public override void CheckTargets(Matrix targets, int classes, string name)
    {
        base.CheckTargets(targets, classes, name);
        var t = targets.Span;
        for (int i = 0; i < t.Length; i++)
            if (t[i] != MathF.Floor(t[i]) || t[i] < 0 || t[i] >= classes)
                throw ValueChecks.Entry(name, i / targets.Columns, i % targets.Columns, t[i],
                    $"sparse_categorical_crossentropy labels are class indices, integers in [0, {classes})");
    }

    private static void RequireLabels(Matrix predictions, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Columns != 1 || targets.Rows != predictions.Rows)
            throw new ArgumentException(
                $"targets must be ({predictions.Rows}, 1) integer labels for predictions of shape {predictions.ShapeText}, but have shape {targets.ShapeText}.",
                nameof(targets));
        if (predictions.Rows == 0) throw new ArgumentException("predictions are empty (0 rows).", nameof(predictions));
    }

    private static int Label(Matrix targets, int row, int classes)
    {
        float v = targets.Data[row];
        int label = (int)v;
        if (label != v || label < 0 || label >= classes)
            throw new ArgumentException($"targets[{row}] is {v}; labels must be integers in [0, {classes}).", nameof(targets));
        return label;
    }
}
