using NeuralNotebooks.Models;

namespace NeuralNotebooks.Plots.Tests;

public class TrainingChartTests
{
    private static History Recorded(int epochs, bool validation, int? best = null)
    {
        var h = new History();
        for (int e = 1; e <= epochs; e++)
        {
            var v = new Dictionary<string, double> { ["loss"] = 1.0 / e, ["accuracy"] = 0.5 + 0.04 * e };
            if (validation) { v["val_loss"] = 1.2 / e + 0.01 * e; v["val_accuracy"] = 0.45 + 0.04 * e; }
            h.RecordEpoch(v, TimeSpan.FromMilliseconds(10));
        }
        if (best is int b) h.MarkBestEpoch(b);
        return h;
    }

    [Fact]
    public void HistoryHasOnePanelPerQuantityWithTrainingAndValidationCurves()
    {
        var j = new Json(Charts.History(Recorded(6, validation: true)));
        var scatters = j.TracesOfType("scatter");
        Assert.Equal(4, scatters.Length);
        Assert.Equal(new[] { "training", "validation", "training", "validation" }, scatters.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal("epoch", j.AxisTitle("xaxis"));
        Assert.Equal("loss", j.AxisTitle("yaxis"));
        Assert.Equal("accuracy", j.AxisTitle("yaxis2"));
        var y = Json.Doubles(scatters[0].GetProperty("y"));
        Assert.Equal(6, y.Length);
        for (int e = 1; e <= 6; e++) Assert.Equal(1.0 / e, y[e - 1], 12);
        Assert.Equal("x2", scatters[2].GetProperty("xaxis").GetString());
        Assert.Equal("dash", scatters[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.Empty(j.Shapes);
    }

    [Fact]
    public void BestEpochIsMarkedWithALineStarAndAnnotation()
    {
        var j = new Json(Charts.History(Recorded(8, validation: true, best: 3)));
        Assert.Equal(2, j.Shapes.Length);
        Assert.All(j.Shapes, s => { Assert.Equal(3, s.GetProperty("x0").GetDouble()); Assert.Equal(3, s.GetProperty("x1").GetDouble()); });
        Assert.Equal("y domain", j.Shapes[0].GetProperty("yref").GetString());
        Assert.Contains(j.Annotations, a => a.GetProperty("text").GetString() == "best epoch 3");
        var star = j.Traces.First(t => t.GetProperty("name").GetString() == "best epoch 3");
        Assert.Equal(1.2 / 3 + 0.03, Json.Doubles(star.GetProperty("y"))[0], 12);
    }

    [Fact]
    public void RealEarlyStoppedRunIsChartedWithItsBestEpochAndReason()
    {
        var h = TestData.HistoryWithBestEpoch();
        Assert.NotNull(h.BestEpoch);
        var j = new Json(Charts.History(h));
        Assert.Contains(j.Annotations, a => a.GetProperty("text").GetString() == $"best epoch {h.BestEpoch}");
        Assert.Contains(h.StopReason!, j.Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void PlannedEpochsFixTheAxis()
    {
        var j = new Json(Charts.History(Recorded(2, validation: false), epochs: 10));
        Assert.Equal(new[] { 0.5, 10.5 }, Json.Doubles(j.Layout.GetProperty("xaxis").GetProperty("range")));
        Assert.Equal(2, j.TracesOfType("scatter").Length);
    }

    [Fact]
    public void HistoryPreconditions()
    {
        Assert.Throws<ArgumentNullException>(() => Charts.History(null!));
        var e = Assert.Throws<ArgumentException>(() => Charts.History(new History()));
        Assert.Equal("history", e.ParamName);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.History(Recorded(5, false), epochs: 3));
        Assert.Equal("epochs", r.ParamName);
    }

    [Fact]
    public void CompareRunsDrawsEachRunInItsOwnColour()
    {
        var runs = new Dictionary<string, History> { ["lr 0.01"] = TestData.Run(0.01, 5), ["lr 0.5"] = TestData.Run(0.5, 5) };
        var j = new Json(Charts.CompareRuns(runs, "loss", logY: true));
        var t = j.TracesOfType("scatter");
        Assert.Equal(new[] { "lr 0.01 (training)", "lr 0.01 (validation)", "lr 0.5 (training)", "lr 0.5 (validation)" }, t.Select(x => x.GetProperty("name").GetString()));
        string C(int i) => t[i].GetProperty("line").GetProperty("color").GetString()!;
        Assert.Equal(C(0), C(1));
        Assert.NotEqual(C(0), C(2));
        Assert.Equal("log", j.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal(runs["lr 0.5"].Loss, Json.Doubles(t[2].GetProperty("y")));
        // The larger learning rate gets lower within 5 epochs: the chart shows what happened.
        Assert.True(runs["lr 0.5"].Loss[^1] < runs["lr 0.01"].Loss[^1]);
    }

    [Fact]
    public void CompareRunsPreconditions()
    {
        Assert.Throws<ArgumentException>(() => Charts.CompareRuns(new Dictionary<string, History>()));
        var e = Assert.Throws<ArgumentException>(() => Charts.CompareRuns(new Dictionary<string, History> { ["a"] = Recorded(2, false) }, "precision"));
        Assert.Equal("metric", e.ParamName);
        Assert.Contains("loss, accuracy", e.Message);
    }
}
