namespace NeuralNotebooks.Metrics;

/// <summary>How a binary classifier does at one decision threshold: its four counts and the ratios built from them.</summary>
/// <param name="Threshold">A sample is predicted positive (class 1) when its probability is strictly above this.</param>
/// <param name="TruePositives">Positives predicted positive (TP).</param>
/// <param name="FalsePositives">Negatives predicted positive (FP): false alarms.</param>
/// <param name="FalseNegatives">Positives predicted negative (FN): misses.</param>
/// <param name="TrueNegatives">Negatives predicted negative (TN).</param>
/// <remarks>A ratio whose denominator is 0 is 0.0, as in <see cref="ClassificationReport"/> (scikit-learn's
/// <c>zero_division</c> default): at a threshold above every probability nothing is predicted positive and the
/// precision is reported as 0 — check <see cref="PredictedPositives"/> before reading it.</remarks>
public sealed record ThresholdScores(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>TP + FP: how many samples are predicted positive.</summary>
    public int PredictedPositives => TruePositives + FalsePositives;

    /// <summary>TP / (TP + FP): of the samples predicted positive, the fraction that are.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN): of the positive samples, the fraction found.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall.</summary>
    public double F1 => Ratio(2.0 * TruePositives, 2.0 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>(TP + TN) / all samples.</summary>
    public double Accuracy => Ratio(TruePositives + TrueNegatives, TruePositives + FalsePositives + FalseNegatives + TrueNegatives);

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0.0 : numerator / denominator;
}
