using NeuralNotebooks.Metrics;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots.Tests;

public class ThresholdChartTests
{
    internal static IReadOnlyList<ThresholdScores> Sweep()
    {
        int[] y = { 0, 0, 1, 1, 0, 1, 1, 0, 1, 0 };
        var p = Matrix.Column(0.1f, 0.4f, 0.35f, 0.8f, 0.65f, 0.55f, 0.9f, 0.2f, 0.7f, 0.3f);
        return PrecisionRecall.Sweep(y, p, steps: 20);
    }

    [Fact]
    public void PrecisionRecallDrawsThreeCurvesOverThresholdAndTheTradeOffCurve()
    {
        var sweep = Sweep();
        var j = new Json(Charts.PrecisionRecall(sweep, threshold: 0.5));
        var lines = j.TracesOfType("scatter").Where(t => t.GetProperty("mode").GetString() == "lines").ToArray();
        Assert.Equal(new[] { "precision", "recall", "F1", "precision vs recall" }, lines.Select(t => t.GetProperty("name").GetString()));
        // Recall is drawn at every threshold; precision and F1 only where something is predicted positive (p > t).
        Assert.Equal(21, lines[1].GetProperty("x").GetArrayLength());
        int defined = sweep.Count(s => s.PredictedPositives > 0);
        Assert.True(defined < 21);
        Assert.Equal(defined, lines[0].GetProperty("x").GetArrayLength());
        Assert.Equal(sweep.Where(s => s.PredictedPositives > 0).Select(s => s.Precision), Json.Doubles(lines[0].GetProperty("y")));
        Assert.Equal("x2", lines[3].GetProperty("xaxis").GetString());
        Assert.Equal("recall", j.AxisTitle("xaxis2"));
        Assert.Equal("precision", j.AxisTitle("yaxis2"));

        // The marked threshold: a dotted line at 0.5 on the left, a star at its (recall, precision) on the right.
        var at = PrecisionRecall.At(new[] { 0, 0, 1, 1, 0, 1, 1, 0, 1, 0 }, Matrix.Column(0.1f, 0.4f, 0.35f, 0.8f, 0.65f, 0.55f, 0.9f, 0.2f, 0.7f, 0.3f), 0.5);
        var line = Assert.Single(j.Shapes);
        Assert.Equal(0.5, line.GetProperty("x0").GetDouble());
        var star = j.TracesOfType("scatter").Single(t => t.GetProperty("mode").GetString() == "markers");
        Assert.Equal(at.Recall, star.GetProperty("x")[0].GetDouble(), 12);
        Assert.Equal(at.Precision, star.GetProperty("y")[0].GetDouble(), 12);
        Assert.Contains("precision 0.80, recall 0.80", Assert.Single(j.Annotations).GetProperty("text").GetString());
    }

    [Fact]
    public void PrecisionRecallWithoutAMarkAndItsPreconditions()
    {
        var j = new Json(Charts.PrecisionRecall(Sweep(), threshold: null, title: "t"));
        Assert.Empty(j.Shapes);
        Assert.DoesNotContain(j.TracesOfType("scatter"), t => t.GetProperty("mode").GetString() == "markers");
        Assert.Equal("sweep", Assert.Throws<ArgumentException>(() => Charts.PrecisionRecall(Array.Empty<ThresholdScores>())).ParamName);
        var reversed = Sweep().Reverse().ToArray();
        Assert.Equal("sweep", Assert.Throws<ArgumentException>(() => Charts.PrecisionRecall(reversed)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.PrecisionRecall(Sweep(), double.NaN)).ParamName);
    }
}
