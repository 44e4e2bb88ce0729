using NeuralNotebooks.Activations;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots.Tests;

public class ModelChartTests
{
    [Fact]
    public void XorDecisionBoundaryShowsTheLearnedProbabilities()
    {
        var model = TestData.XorModel();
        var j = new Json(Charts.DecisionBoundary(model, TestData.XorX, TestData.XorY, resolution: 41));
        var heat = Assert.Single(j.TracesOfType("heatmap"));
        Assert.Equal(0.5, heat.GetProperty("zmid").GetDouble());
        var contour = Assert.Single(j.TracesOfType("contour"));
        Assert.Equal(0.5, contour.GetProperty("contours").GetProperty("start").GetDouble());
        var xs = Json.Doubles(heat.GetProperty("x"));
        var ys = Json.Doubles(heat.GetProperty("y"));
        Assert.Equal(41, xs.Length);
        Assert.True(xs[0] < 0 && xs[^1] > 1, "the grid covers the points with a margin");
        var z = heat.GetProperty("z").EnumerateArray().Select(Json.Doubles).ToArray();
        Assert.All(z.SelectMany(row => row), p => Assert.Equal(Math.Round(p, 4), p)); // 4 decimals keep saved notebooks small
        double At(double x, double y)
        {
            int i = Array.FindIndex(xs, v => Math.Abs(v - x) < 0.02), jj = Array.FindIndex(ys, v => Math.Abs(v - y) < 0.02);
            return z[jj][i]; // z rows run along y
        }
        Assert.True(At(0, 0) < 0.5 && At(1, 1) < 0.5, "XOR: (0,0) and (1,1) are class 0");
        Assert.True(At(0, 1) > 0.5 && At(1, 0) > 0.5, "XOR: (0,1) and (1,0) are class 1");
        var points = j.TracesOfType("scatter");
        Assert.Equal(new[] { "class 0", "class 1" }, points.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(new[] { 0.0, 1.0 }, Json.Doubles(points[0].GetProperty("x")));
        Assert.Equal(new[] { 0.0, 1.0 }, Json.Doubles(points[0].GetProperty("y")));
        Assert.Equal("x", j.Layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
    }

    [Fact]
    public void MultiClassPredictorsShowPredictedRegions()
    {
        var x = Matrix.FromRows(new float[] { 0, 0 }, new float[] { 1, 0 }, new float[] { 0, 1 });
        Func<Matrix, Matrix> nearest = m =>
        {
            var o = new Matrix(m.Rows, 3);
            for (int i = 0; i < m.Rows; i++) o[i, m[i, 0] > 0.5 ? 1 : m[i, 1] > 0.5 ? 2 : 0] = 1;
            return o;
        };
        var j = new Json(Charts.DecisionBoundary(nearest, x, new[] { 0, 1, 2 }, resolution: 20, classNames: new[] { "a", "b", "c" }));
        var heat = Assert.Single(j.TracesOfType("heatmap"));
        Assert.Equal(2.5, heat.GetProperty("zmax").GetDouble());
        Assert.Empty(j.TracesOfType("contour"));
        Assert.Equal(new[] { "a", "b", "c" }, j.TracesOfType("scatter").Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void DecisionBoundaryPreconditions()
    {
        Func<Matrix, Matrix> p = m => new Matrix(m.Rows, 1);
        var e = Assert.Throws<ArgumentException>(() => Charts.DecisionBoundary(p, new Matrix(4, 3), new[] { 0, 1, 0, 1 }));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("(4, 3)", e.Message);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Charts.DecisionBoundary(p, TestData.XorX, new[] { 0, 1 })).ParamName);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.DecisionBoundary(p, TestData.XorX, TestData.XorY, resolution: 5));
        Assert.Equal("resolution", r.ParamName);
        var wrongRows = Assert.Throws<ArgumentException>(() => Charts.DecisionBoundary(m => new Matrix(3, 1), TestData.XorX, TestData.XorY));
        Assert.Equal("predict", wrongRows.ParamName);
        var model = new Sequential(seed: 1) { new Input(3), new Dense(1, "sigmoid") };
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => Charts.DecisionBoundary(model, TestData.XorX, TestData.XorY)).ParamName);
    }

    [Fact]
    public void ActivationCurvesComeFromTheLibrary()
    {
        var j = new Json(Charts.Activations(new Activation[] { Activation.Sigmoid, Activation.Step }, -5, 5, 11));
        var t = j.TracesOfType("scatter");
        Assert.Equal(3, t.Length); // sigmoid f and f', step f only
        var xs = Enumerable.Range(-5, 11).Select(i => (double)i).ToArray();
        Assert.Equal(xs, Json.Doubles(t[0].GetProperty("x")));
        Assert.Equal(xs.Select(Activation.Sigmoid.Value), Json.Doubles(t[0].GetProperty("y")));
        Assert.Equal(xs.Select(Activation.Sigmoid.Derivative), Json.Doubles(t[1].GetProperty("y")));
        Assert.Equal("x2", t[1].GetProperty("xaxis").GetString());
        Assert.Equal("step (no derivative)", t[2].GetProperty("name").GetString());
        Assert.Equal("f′(x)", j.AxisTitle("yaxis2"));
    }

    [Fact]
    public void ActivationsByNameAndPreconditions()
    {
        Assert.Equal(4, new Json(Charts.Activations("relu", "tanh")).TracesOfType("scatter").Length);
        Assert.Equal("activations", Assert.Throws<ArgumentException>(() => Charts.Activations(Activation.Softmax)).ParamName);
        Assert.Equal("activations", Assert.Throws<ArgumentException>(() => Charts.Activations(Array.Empty<Activation>())).ParamName);
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Activations(new[] { Activation.ReLU }, 3, 1)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Activations(new[] { Activation.ReLU }, points: 3)).ParamName);
    }

    [Fact]
    public void ActualVsPredictedHasPointsAndTheDiagonal()
    {
        var actual = Matrix.Column(1f, 2f, 3f, 4f);
        var predicted = Matrix.Column(1.5f, 2f, 2.5f, 4f);
        var j = new Json(Charts.ActualVsPredicted(actual, predicted));
        var t = j.TracesOfType("scatter");
        Assert.Equal("perfect prediction (y = x)", t[0].GetProperty("name").GetString());
        Assert.Equal(Json.Doubles(t[0].GetProperty("x")), Json.Doubles(t[0].GetProperty("y")));
        Assert.Equal(new[] { 1.5, 2, 2.5, 4 }, Json.Doubles(t[1].GetProperty("y")));
        Assert.Equal("actual", j.AxisTitle("xaxis"));
        Assert.Equal("predicted", j.AxisTitle("yaxis"));
        // R² = 1 − 0.5/5 = 0.9, MAE = 0.25
        Assert.Contains("MAE 0.25 · R² 0.9", j.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => Charts.ActualVsPredicted(new[] { 1.0 }, new[] { 1.0, 2.0 })).ParamName);
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => Charts.ActualVsPredicted(new[] { double.NaN }, new[] { 1.0 })).ParamName);
    }

    [Fact]
    public void WeightsHeatmapIsCentredOnZeroAndAnnotatedWhenSmall()
    {
        var w = Matrix.FromRows(new float[] { -2, 1, 0 }, new float[] { 0.5f, 0, 1 });
        var j = new Json(Charts.Weights(w));
        var heat = Assert.Single(j.TracesOfType("heatmap"));
        Assert.Equal(0, heat.GetProperty("zmid").GetDouble());
        Assert.Equal(-2, heat.GetProperty("zmin").GetDouble());
        Assert.Equal(2, heat.GetProperty("zmax").GetDouble());
        Assert.Equal("%{z:.2f}", heat.GetProperty("texttemplate").GetString());
        Assert.Equal(new[] { -2.0, 1, 0 }, Json.Doubles(heat.GetProperty("z")[0]));
        Assert.Equal("reversed", j.Layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        var big = new Json(Charts.Weights(new Matrix(30, 30)));
        Assert.False(big.TracesOfType("heatmap")[0].TryGetProperty("texttemplate", out _));
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Charts.Weights(new Matrix(0, 3))).ParamName);
    }

    [Fact]
    public void WeightsOfADenseLayerUseItsKernel()
    {
        var dense = (Dense)TestData.XorModel().Layers[0];
        var heat = new Json(Charts.Weights(dense)).TracesOfType("heatmap")[0];
        Assert.Equal(2, heat.GetProperty("z").GetArrayLength());
        Assert.Equal(dense.Kernel[1, 7], heat.GetProperty("z")[1][7].GetDouble(), 5);
        Assert.Equal("layer", Assert.Throws<ArgumentException>(() => Charts.Weights(new Dense(3))).ParamName);
    }

    [Fact]
    public void ConfusionMatrixShowsCountsAndRowShares()
    {
        var counts = new[,] { { 8, 2 }, { 1, 9 } };
        var j = new Json(Charts.ConfusionMatrix(counts, new[] { "cat", "dog" }));
        var h = j.TracesOfType("heatmap");
        Assert.Equal(2, h.Length);
        Assert.Equal(new[] { "cat", "dog" }, Json.Strings(h[0].GetProperty("x")));
        Assert.Equal(new[] { "cat", "dog" }, Json.Strings(h[0].GetProperty("y")));
        Assert.Equal(new[] { 8.0, 2 }, Json.Doubles(h[0].GetProperty("z")[0]));
        Assert.Equal(new[] { 0.1, 0.9 }, Json.Doubles(h[1].GetProperty("z")[1]));
        Assert.Equal("%{z}", h[0].GetProperty("texttemplate").GetString());
        Assert.Equal("%{z:.0%}", h[1].GetProperty("texttemplate").GetString());
        Assert.Equal("predicted", j.AxisTitle("xaxis"));
        Assert.Equal("true", j.AxisTitle("yaxis"));
        Assert.Equal("reversed", j.Layout.GetProperty("yaxis2").GetProperty("autorange").GetString());
    }

    [Fact]
    public void ConfusionMatrixPreconditions()
    {
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new int[2, 3])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new[,] { { 1, -1 }, { 0, 0 } })).ParamName);
        Assert.Equal("classNames", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new int[2, 2], new[] { "a" })).ParamName);
        Assert.Equal("classNames", Assert.Throws<ArgumentException>(() => Charts.ConfusionMatrix(new int[2, 2], new[] { "a", "a" })).ParamName);
        // A class with no samples: its normalised row stays 0 rather than NaN.
        var j = new Json(Charts.ConfusionMatrix(new[,] { { 0, 0 }, { 1, 1 } }));
        Assert.Equal(new[] { 0.0, 0 }, Json.Doubles(j.TracesOfType("heatmap")[1].GetProperty("z")[0]));
    }

    [Fact]
    public void ModelDiagramListsLayersUnitsActivationsAndParameters()
    {
        var model = new Sequential(seed: 1) { new Input(784), new Dense(128, "relu"), new Dropout(0.2), new Dense(10, "softmax") };
        var j = new Json(Charts.ModelDiagram(model));
        var texts = j.Annotations.Select(a => a.GetProperty("text").GetString()!).ToArray();
        Assert.Contains(texts, t => t.Contains("Input · 784 features"));
        Assert.Contains(texts, t => t.Contains("<b>dense (Dense)</b>") && t.Contains("128 units · activation relu") && t.Contains("100,480 params"));
        Assert.Contains(texts, t => t.Contains("dropout (Dropout)") && t.Contains("rate 0.2"));
        Assert.Contains(texts, t => t.Contains("dense_1 (Dense)") && t.Contains("1,290 params"));
        Assert.Contains("Total params: 101,770", texts);
        Assert.Equal(4, j.Shapes.Count(s => s.GetProperty("type").GetString() == "rect"));
        Assert.Equal(3, j.Annotations.Count(a => a.GetProperty("showarrow").GetBoolean()));
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => Charts.ModelDiagram(new Sequential { new Dense(3) })).ParamName);
    }
}
