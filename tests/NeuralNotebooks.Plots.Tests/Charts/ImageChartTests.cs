using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots.Tests;

public class ImageChartTests
{
    [Fact]
    public void ImageIsTheRightWayUpWithSquarePixels()
    {
        var seven = TestData.Seven();
        var j = new Json(Charts.Image(seven, title: "7"));
        var heat = Assert.Single(j.TracesOfType("heatmap"));
        var z = heat.GetProperty("z");
        Assert.Equal(28, z.GetArrayLength());
        Assert.Equal(28, z[0].GetArrayLength());
        Assert.Equal(1.0, z[5][10].GetDouble());              // pixel row 5 (the bar) is z row 5 …
        Assert.Equal(0.0, z[27][10].GetDouble());
        var y = j.Layout.GetProperty("yaxis");
        Assert.Equal("reversed", y.GetProperty("autorange").GetString()); // … and z row 0 is drawn at the top
        Assert.Equal("x", y.GetProperty("scaleanchor").GetString());
        Assert.Equal(1, y.GetProperty("scaleratio").GetDouble());
        Assert.Equal(0, heat.GetProperty("zmin").GetDouble());
        Assert.Equal(1, heat.GetProperty("zmax").GetDouble());
        Assert.False(heat.GetProperty("showscale").GetBoolean());
        Assert.Equal("#ffffff", heat.GetProperty("colorscale")[0][1].GetString()); // binary: 0 is white
    }

    [Fact]
    public void ImageFromADatasetRowWithColourBarAndGrayColours()
    {
        var images = TestData.Images(3);
        var heat = new Json(Charts.Image(images, 2, colorBar: true, colors: ImageColors.Gray)).TracesOfType("heatmap")[0];
        Assert.True(heat.GetProperty("showscale").GetBoolean());
        Assert.Equal("#000000", heat.GetProperty("colorscale")[0][1].GetString());
        Assert.Equal(images[2, 5 * 28 + 9], heat.GetProperty("z")[5][9].GetDouble(), 6);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Image(images, 3)).ParamName);
    }

    [Fact]
    public void ImagePreconditions()
    {
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => Charts.Image(new float[10])).ParamName);
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => Charts.Image(Array.Empty<float>())).ParamName);
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => Charts.Image(new float[10], width: 3)).ParamName);
        var wide = new Json(Charts.Image(new float[12], width: 4)).TracesOfType("heatmap")[0];
        Assert.Equal(3, wide.GetProperty("z").GetArrayLength());
        Assert.Equal(4, wide.GetProperty("z")[0].GetArrayLength());
    }

    [Fact]
    public void ImageGridHasOneLabelledSquareImagePerCell()
    {
        var images = TestData.Images(6);
        var labels = new[] { "a", "b", "c", "d", "e", "f" };
        var j = new Json(Charts.ImageGrid(images, labels, columns: 4));
        Assert.Equal(6, j.TracesOfType("heatmap").Length);
        Assert.Equal(labels, j.Annotations.Select(a => a.GetProperty("text").GetString()));
        for (int k = 1; k <= 6; k++)
        {
            string yk = k == 1 ? "yaxis" : $"yaxis{k}", xk = k == 1 ? "x" : $"x{k}";
            Assert.Equal("reversed", j.Layout.GetProperty(yk).GetProperty("autorange").GetString());
            Assert.Equal(xk, j.Layout.GetProperty(yk).GetProperty("scaleanchor").GetString());
        }
        // cell 5 starts the second row: same x domain as cell 1, lower y domain
        Assert.Equal(Json.Doubles(j.Layout.GetProperty("xaxis").GetProperty("domain")), Json.Doubles(j.Layout.GetProperty("xaxis5").GetProperty("domain")));
        Assert.True(Json.Doubles(j.Layout.GetProperty("yaxis5").GetProperty("domain"))[1] < Json.Doubles(j.Layout.GetProperty("yaxis").GetProperty("domain"))[0]);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Charts.ImageGrid(images, new[] { "a" })).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ImageGrid(images, columns: 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ImageGrid(images, count: 7)).ParamName);
    }

    [Fact]
    public void ClassProbabilitiesPaintThePredictedBarRedAndTheTrueBarBlue()
    {
        var p = new float[] { 0.1f, 0.6f, 0.3f };
        var j = new Json(Charts.ClassProbabilities(p, 2, new[] { "a", "b", "c" }));
        var bar = Assert.Single(j.TracesOfType("bar"));
        Assert.Equal(new[] { Building.Palette.Gray, Charts.WrongColor, Charts.RightColor }, Json.Strings(bar.GetProperty("marker").GetProperty("color")));
        Assert.Equal(new[] { "a", "b", "c" }, Json.Strings(bar.GetProperty("x")));
        Assert.Equal("b 60% (c)", j.Layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(Charts.WrongColor, j.Layout.GetProperty("title").GetProperty("font").GetProperty("color").GetString());

        var right = new Json(Charts.ClassProbabilities(p, 1)).TracesOfType("bar")[0];
        Assert.Equal(new[] { Building.Palette.Gray, Charts.RightColor, Building.Palette.Gray }, Json.Strings(right.GetProperty("marker").GetProperty("color")));
        Assert.Equal("trueLabel", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ClassProbabilities(p, 3)).ParamName);
        Assert.Equal("classNames", Assert.Throws<ArgumentException>(() => Charts.ClassProbabilities(p, 0, new[] { "a" })).ParamName);
    }

    [Fact]
    public void PredictionGridPairsEachImageWithItsBarsAndColouredCaption()
    {
        var images = TestData.Images(4);
        var probs = AllCharts.SoftmaxLike(4, 10);
        var labels = new[] { 7, 2, 2, 3 }; // sample 1 predicts 6 but is 2: wrong
        var j = new Json(Charts.PredictionGrid(images, probs, labels, TestData.FashionNames, rows: 2, columns: 2));
        Assert.Equal(4, j.TracesOfType("heatmap").Length);
        var bars = j.TracesOfType("bar");
        Assert.Equal(4, bars.Length);
        var captions = j.Annotations;
        Assert.Equal("Sneaker 60% (Sneaker)", captions[0].GetProperty("text").GetString());
        Assert.Equal(Charts.RightColor, captions[0].GetProperty("font").GetProperty("color").GetString());
        Assert.Equal("Shirt 60% (Pullover)", captions[1].GetProperty("text").GetString());
        Assert.Equal(Charts.WrongColor, captions[1].GetProperty("font").GetProperty("color").GetString());
        var colors = Json.Strings(bars[1].GetProperty("marker").GetProperty("color"));
        Assert.Equal(Charts.WrongColor, colors[6]);
        Assert.Equal(Charts.RightColor, colors[2]);
        // image cells and bar cells alternate: image 1 on x/y, its bars on x2/y2
        Assert.Equal("x2", bars[0].GetProperty("xaxis").GetString());
        Assert.Equal("reversed", j.Layout.GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void PredictionGridPreconditions()
    {
        var images = TestData.Images(4);
        var probs = AllCharts.SoftmaxLike(4, 10);
        var names = TestData.FashionNames;
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => Charts.PredictionGrid(images, AllCharts.SoftmaxLike(3, 10), new[] { 1, 2, 3, 4 }, names)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Charts.PredictionGrid(images, probs, new[] { 1 }, names)).ParamName);
        Assert.Equal("classNames", Assert.Throws<ArgumentException>(() => Charts.PredictionGrid(images, probs, new[] { 1, 2, 3, 4 }, names[..5])).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.PredictionGrid(images, probs, new[] { 1, 2, 3, 4 }, names, rows: 0)).ParamName);
        Assert.Equal("trueLabel", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.PredictionGrid(images, probs, new[] { 1, 2, 3, 10 }, names)).ParamName);
    }
}
