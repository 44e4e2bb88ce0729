using NeuralNotebooks.Data;
using NeuralNotebooks.Metrics;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Metrics;

public class PrecisionRecallTests
{
    private static readonly int[] Y = { 0, 0, 1, 1, 0, 1, 1, 0 };
    private static readonly Matrix P = Matrix.Column(0.1f, 0.4f, 0.35f, 0.8f, 0.65f, 0.5f, 0.9f, 0.2f);

    [Fact]
    public void Counts_at_one_threshold()
    {
        // p > 0.5: rows 3, 4, 6 → TP = 2 (3, 6), FP = 1 (4); row 5 (p = 0.5 exactly) is predicted 0: FN = 2 (2, 5).
        var s = PrecisionRecall.At(Y, P, 0.5);
        Assert.Equal((2, 1, 2, 3), (s.TruePositives, s.FalsePositives, s.FalseNegatives, s.TrueNegatives));
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(0.5, s.Recall, 12);
        Assert.Equal(4.0 / 7, s.F1, 12);
        Assert.Equal(5.0 / 8, s.Accuracy, 12);
        Assert.Equal(3, s.PredictedPositives);
    }

    [Fact]
    public void At_one_half_it_agrees_with_Labels_Threshold_and_the_classification_report()
    {
        var s = PrecisionRecall.At(Y, P, 0.5);
        var report = ClassificationReport.Compute(Y, Labels.Threshold(P));
        Assert.Equal(report.Classes[1].Precision, s.Precision, 12);
        Assert.Equal(report.Classes[1].Recall, s.Recall, 12);
        Assert.Equal(report.Classes[1].F1, s.F1, 12);
        Assert.Equal(report.Accuracy, s.Accuracy, 12);
    }

    [Fact]
    public void Sweep_covers_0_to_1_and_recall_never_rises_with_the_threshold()
    {
        var sweep = PrecisionRecall.Sweep(Y, P, steps: 20);
        Assert.Equal(21, sweep.Count);
        Assert.Equal(0.0, sweep[0].Threshold);
        Assert.Equal(1.0, sweep[^1].Threshold);
        Assert.Equal(1.0, sweep[0].Recall);                 // everything predicted positive
        Assert.Equal(0.5, sweep[0].Precision);
        Assert.Equal(0, sweep[^1].PredictedPositives);      // nothing above 1 …
        Assert.Equal(0.0, sweep[^1].Precision);             // … and 0/0 is reported as 0, as the classification report does
        for (int i = 1; i < sweep.Count; i++) Assert.True(sweep[i].Recall <= sweep[i - 1].Recall);
        Assert.Equal(PrecisionRecall.At(Y, P, 0.35).TruePositives, sweep[7].TruePositives);
    }

    [Fact]
    public void Preconditions()
    {
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => PrecisionRecall.At(new[] { 0, 1 }, P, 0.5)).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => PrecisionRecall.At(new[] { 0, 2 }, Matrix.Column(0.1f, 0.2f), 0.5)).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => PrecisionRecall.At(Array.Empty<int>(), new Matrix(0, 1), 0.5)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => PrecisionRecall.At(new[] { 0 }, Matrix.Column(float.NaN), 0.5)).ParamName);
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => PrecisionRecall.At(new[] { 0 }, new Matrix(1, 2), 0.5)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => PrecisionRecall.At(Y, P, double.NaN)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => PrecisionRecall.Sweep(Y, P, 0)).ParamName);
    }
}
