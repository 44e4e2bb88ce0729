using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Plots.Tests;

public class RawImageChartTests
{
    /// <summary>Two 3 × 4 byte images: image 1 has pixel (r, c) = 20·r + c, the brightest 255 in its corner.</summary>
    internal static RawLabeledImages Raw()
    {
        var pixels = new byte[2 * 12];
        for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) pixels[12 + r * 4 + c] = (byte)(20 * r + c);
        pixels[12 + 11] = 255;
        return new RawLabeledImages("toy", pixels, new byte[] { 0, 1 }, height: 3, width: 4, new[] { "zero", "one" });
    }

    [Fact]
    public void RawImageKeepsTheStoredBytesOnAFixed0To255ScaleWithAColourBar()
    {
        var j = new Json(Charts.Image(Raw(), 1));
        var heat = Assert.Single(j.TracesOfType("heatmap"));
        Assert.Equal(3, heat.GetProperty("z").GetArrayLength());
        Assert.Equal(4, heat.GetProperty("z")[0].GetArrayLength());
        Assert.Equal(42, heat.GetProperty("z")[2][2].GetDouble());   // row 2, column 2: 20·2 + 2
        Assert.Equal(255, heat.GetProperty("z")[2][3].GetDouble());
        Assert.Equal(0, heat.GetProperty("zmin").GetDouble());
        Assert.Equal(255, heat.GetProperty("zmax").GetDouble());
        Assert.True(heat.GetProperty("showscale").GetBoolean());
        Assert.Equal("#000000", heat.GetProperty("colorscale")[0][1].GetString());   // gray: 0 is black, as stored
        Assert.Equal("reversed", j.Layout.GetProperty("yaxis").GetProperty("autorange").GetString());
        Assert.Equal("toy #1: one", j.Layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void RawImageOptionsAndPreconditions()
    {
        var heat = new Json(Charts.Image(Raw(), 0, title: "x", colorBar: false, colors: ImageColors.Binary)).TracesOfType("heatmap")[0];
        Assert.False(heat.GetProperty("showscale").GetBoolean());
        Assert.Equal("#ffffff", heat.GetProperty("colorscale")[0][1].GetString());
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Image(Raw(), 2)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Image(Raw(), -1)).ParamName);
    }
}
