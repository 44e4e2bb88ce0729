using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Metrics;

/// <summary>
/// Precision and recall of a binary classifier as its decision threshold moves (the data behind scikit-learn's
/// <c>precision_recall_curve</c>, on a fixed grid of thresholds).
/// </summary>
/// <remarks>
/// <para>A sigmoid output is a probability p; turning it into a class needs a threshold t: predict 1 when
/// <c>p &gt; t</c> (the rule of <see cref="Data.Labels.Threshold"/> and Keras' binary accuracy, so t = 0.5 here gives
/// exactly the predictions of <c>Labels.Threshold(p)</c>).</para>
/// <para>Raising t predicts class 1 less often: fewer false alarms, so precision usually rises, and more misses, so
/// recall can only fall (or stay). Lowering t does the opposite. Which t is right depends on what a miss and a false
/// alarm cost — 0.5 is only the default.</para>
/// </remarks>
public static class PrecisionRecall
{
    /// <summary>The counts and scores at one threshold.</summary>
    /// <param name="yTrue">The true class of each sample, 0 or 1.</param>
    /// <param name="probabilities">The predicted probability of class 1 for each sample, N×1.</param>
    /// <param name="threshold">Predict 1 when the probability is strictly above it; a finite number.</param>
    /// <exception cref="ArgumentException">The lengths differ, there are no samples, a label is not 0 or 1, a
    /// probability is not finite, or <paramref name="probabilities"/> is not N×1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public static ThresholdScores At(IReadOnlyList<int> yTrue, Matrix probabilities, double threshold)
    {
        Validate(yTrue, probabilities);
        if (!double.IsFinite(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be a finite number.");
        return Count(yTrue, probabilities.Span, threshold);
    }

    /// <summary>The scores at the thresholds 0, 1/steps, 2/steps, …, 1.</summary>
    /// <param name="yTrue">The true class of each sample, 0 or 1.</param>
    /// <param name="probabilities">The predicted probability of class 1 for each sample, N×1.</param>
    /// <param name="steps">How many intervals [0, 1] is cut into (≥ 1); steps + 1 thresholds.</param>
    /// <returns>One entry per threshold, in increasing order of threshold.</returns>
    /// <exception cref="ArgumentException">As <see cref="At"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> &lt; 1.</exception>
    public static IReadOnlyList<ThresholdScores> Sweep(IReadOnlyList<int> yTrue, Matrix probabilities, int steps = 100)
    {
        Validate(yTrue, probabilities);
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 1.");
        var result = new ThresholdScores[steps + 1];
        for (int i = 0; i <= steps; i++) result[i] = Count(yTrue, probabilities.Span, (double)i / steps);
        return result;
    }

    private static ThresholdScores Count(IReadOnlyList<int> yTrue, ReadOnlySpan<float> p, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < p.Length; i++)
        {
            bool predictedPositive = p[i] > threshold, positive = yTrue[i] == 1;
            if (predictedPositive && positive) tp++;
            else if (predictedPositive) fp++;
            else if (positive) fn++;
            else tn++;
        }
        return new ThresholdScores(threshold, tp, fp, fn, tn);
    }

    private static void Validate(IReadOnlyList<int> yTrue, Matrix probabilities)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Columns != 1)
            throw new ArgumentException($"probabilities has shape {probabilities.ShapeText} but ({probabilities.Rows}, 1) was expected (one probability per sample).", nameof(probabilities));
        if (probabilities.Rows != yTrue.Count)
            throw new ArgumentException($"yTrue has {yTrue.Count} labels but probabilities has shape {probabilities.ShapeText}.", nameof(yTrue));
        if (yTrue.Count == 0) throw new ArgumentException("There are no samples.", nameof(yTrue));
        for (int i = 0; i < yTrue.Count; i++)
        {
            if (yTrue[i] is not (0 or 1)) throw new ArgumentException($"yTrue[{i}] is {yTrue[i]}; binary labels must be 0 or 1.", nameof(yTrue));
            float v = probabilities.Data[i];
            if (!float.IsFinite(v)) throw new ArgumentException($"probabilities[{i}] is {v}; probabilities must be finite.", nameof(probabilities));
        }
    }
}
