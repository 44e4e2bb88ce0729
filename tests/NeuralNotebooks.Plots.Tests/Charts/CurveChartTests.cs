using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots.Tests;

public class CurveChartTests
{
    [Fact]
    public void LinesDrawEachSeriesInItsOwnColourWithGapsForNonFiniteValues()
    {
        double[] xs = { 0.1, 0.5, 0.9 };
        var mse = new LineSeries("MSE", xs, xs.Select(p => (1 - p) * (1 - p)).ToArray());
        var ce = new LineSeries("cross-entropy", xs, new[] { -Math.Log(0.1), double.PositiveInfinity, -Math.Log(0.9) }, Dash: "dash");
        var j = new Json(Charts.Lines([mse, ce], "ŷ", "loss", logY: true));
        var t = j.TracesOfType("scatter");
        Assert.Equal(new[] { "MSE", "cross-entropy" }, t.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(xs, Json.Doubles(t[0].GetProperty("x")));
        Assert.Equal(mse.Y, Json.Doubles(t[0].GetProperty("y")));
        var ceY = t[1].GetProperty("y").EnumerateArray().ToArray();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ceY[1].ValueKind);
        Assert.Equal(-Math.Log(0.9), ceY[2].GetDouble(), 12);
        Assert.NotEqual(t[0].GetProperty("line").GetProperty("color").GetString(), t[1].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("dash", t[1].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("log", j.Layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("ŷ", j.AxisTitle("xaxis"));
        Assert.Equal("lines+markers", t[0].GetProperty("mode").GetString());
    }

    [Fact]
    public void DataPointsAreMarkersAndCurvesLinesInTheSameChart()
    {
        double[] xs = { 0, 1, 2 };
        var j = new Json(Charts.Lines([new LineSeries("data", xs, new[] { 0.1, 0.9, 2.2 }, PointsOnly: true),
            new LineSeries("fit", xs, new[] { 0.0, 1.0, 2.0 })], "x", "y", markers: false));
        var t = j.TracesOfType("scatter");
        Assert.Equal(new[] { "markers", "lines" }, t.Select(s => s.GetProperty("mode").GetString()));
    }

    [Fact]
    public void LinesPreconditionsNameTheSeries()
    {
        Assert.Throws<ArgumentNullException>(() => Charts.Lines(null!, "x", "y"));
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Charts.Lines([], "x", "y")).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Charts.Lines([new LineSeries("short", new double[] { 1, 2 }, new double[] { 1 })], "x", "y"));
        Assert.Contains("'short' has 2 X values but 1 Y values", e.Message);
        Assert.Contains("no points", Assert.Throws<ArgumentException>(() => Charts.Lines([new LineSeries("none", [], [])], "x", "y")).Message);
    }

    private static double Bowl(double w, double b) => (w - 1) * (w - 1) + 10 * (b + 0.5) * (b + 0.5) + 0.01;

    [Fact]
    public void LossSurfaceContoursTheLossAndDrawsEachPathWithStartAndEnd()
    {
        var path = new LineSeries("gradient descent", new[] { -2.0, -1.0, 0.5 }, new[] { 1.0, -1.0, -0.4 });
        var j = new Json(Charts.LossSurface(Bowl, (-3, 3), (-2, 2), [path], resolution: 21, minimum: (1, -0.5)));
        var contour = Assert.Single(j.TracesOfType("contour"));
        var gx = Json.Doubles(contour.GetProperty("x"));
        var gy = Json.Doubles(contour.GetProperty("y"));
        Assert.Equal(21, gx.Length);
        Assert.Equal((-3.0, 3.0), (gx[0], gx[^1]));
        var z = contour.GetProperty("z").EnumerateArray().Select(Json.Doubles).ToArray();
        Assert.Equal(Math.Log10(Bowl(gx[4], gy[7])), z[7][4], 12);   // rows run along y, log scale by default
        var scatters = j.TracesOfType("scatter");
        Assert.Equal(new[] { "gradient descent", null, "minimum" }, scatters.Select(s => s.TryGetProperty("name", out var n) ? n.GetString() : null));
        Assert.Equal(path.X, Json.Doubles(scatters[0].GetProperty("x")));
        Assert.Equal(new[] { -2.0, 0.5 }, Json.Doubles(scatters[1].GetProperty("x")));   // start and end markers
        Assert.Equal(new[] { "circle-open", "x" }, Json.Strings(scatters[1].GetProperty("marker").GetProperty("symbol")));
        Assert.Equal(new[] { 1.0 }, Json.Doubles(scatters[2].GetProperty("x")));
    }

    [Fact]
    public void LossSurfaceOnALinearScaleAndADivergingPathEndsAtItsLastFinitePoint()
    {
        var diverged = new LineSeries("too large", new[] { 0.0, 4.0, double.NaN }, new[] { 0.0, -4.0, double.NaN });
        var j = new Json(Charts.LossSurface(Bowl, (-3, 3), (-2, 2), [diverged], resolution: 10, logScale: false));
        var z = Assert.Single(j.TracesOfType("contour")).GetProperty("z").EnumerateArray().Select(Json.Doubles).ToArray();
        Assert.Equal(Bowl(-3, -2), z[0][0], 12);
        Assert.Equal(new[] { 0.0, 4.0 }, Json.Doubles(j.TracesOfType("scatter")[1].GetProperty("x")));
    }

    [Fact]
    public void LossSurfacePreconditions()
    {
        Assert.Equal("xRange", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.LossSurface(Bowl, (1, 1), (0, 1))).ParamName);
        Assert.Equal("yRange", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.LossSurface(Bowl, (0, 1), (0, double.NaN))).ParamName);
        Assert.Equal("resolution", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.LossSurface(Bowl, (0, 1), (0, 1), resolution: 5)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Charts.LossSurface(Bowl, (0, 1), (0, 1), [new LineSeries("p", new double[] { 1 }, new double[] { 1, 2 })]));
        Assert.Equal("paths", e.ParamName);
    }

    [Fact]
    public void DecisionBoundariesPutOnePanelPerModelSideBySide()
    {
        var model = TestData.XorModel();
        var panels = new Dictionary<string, Func<Matrix, Matrix>>
        {
            ["always 0.5"] = m => { var o = new Matrix(m.Rows, 1); o.Fill(0.5f); return o; },
            ["2-8-1 network"] = m => model.Predict(m),
        };
        var labels = new[] { 0, 1, 1, 0 };
        var j = new Json(Charts.DecisionBoundaries(panels, TestData.XorX, labels, resolution: 21));
        var heat = j.TracesOfType("heatmap");
        Assert.Equal(new[] { "x", "x2" }, heat.Select(h => h.GetProperty("xaxis").GetString()));
        Assert.Equal(new[] { false, true }, heat.Select(h => h.GetProperty("showscale").GetBoolean()));   // one colour bar
        Assert.All(heat[0].GetProperty("z").EnumerateArray().SelectMany(r => Json.Doubles(r)), v => Assert.Equal(0.5, v, 6));
        var single = new Json(Charts.DecisionBoundary(model, TestData.XorX, TestData.XorY, resolution: 21));
        Assert.Equal(single.TracesOfType("heatmap")[0].GetProperty("z").GetRawText(), heat[1].GetProperty("z").GetRawText());
        Assert.Equal(new[] { "always 0.5", "2-8-1 network" }, j.Annotations.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("x2", j.Layout.GetProperty("yaxis2").GetProperty("scaleanchor").GetString());
        var points = j.TracesOfType("scatter");
        Assert.Equal(4, points.Length);
        Assert.Equal(new[] { true, true, false, false }, points.Select(p => p.GetProperty("showlegend").GetBoolean()));
    }

    [Fact]
    public void DecisionBoundariesPreconditions()
    {
        var labels = new[] { 0, 1, 1, 0 };
        Assert.Equal("panels", Assert.Throws<ArgumentException>(() => Charts.DecisionBoundaries(new Dictionary<string, Func<Matrix, Matrix>>(), TestData.XorX, labels)).ParamName);
        var wrong = new Dictionary<string, Func<Matrix, Matrix>> { ["three rows"] = m => new Matrix(3, 1) };
        var e = Assert.Throws<ArgumentException>(() => Charts.DecisionBoundaries(wrong, TestData.XorX, labels));
        Assert.Equal("panels['three rows']", e.ParamName);
        var ok = new Dictionary<string, Func<Matrix, Matrix>> { ["a"] = m => new Matrix(m.Rows, 1) };
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Charts.DecisionBoundaries(ok, TestData.XorX, new[] { 0 })).ParamName);
    }
}
