using System.Text.RegularExpressions;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Tests;

[Trait("Category", "Browser")]
public class BrowserTests
{
    private static readonly Lazy<IReadOnlyList<(string Name, Plot Plot, int Width, int Height)>> Charts = new(AllCharts.Build);

    [ChromiumFact]
    public void EveryChartTypeIsDrawnByPlotlyJsInOnePage()
    {
        var plots = Charts.Value.Select(c => c.Plot).ToList();
        string dom = Chromium.DumpDom(Plot.PageOf(plots));
        Assert.Contains($"data-plots-ready=\"{plots.Count}\"", dom);
        int svgs = Regex.Matches(dom, "class=\"main-svg\"").Count;
        Assert.True(svgs >= plots.Count, $"expected a plotly .main-svg layer per chart ({plots.Count}), found {svgs}.");
        Assert.Equal(plots.Count, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
    }

    /// <summary>What a person would check first in each picture.</summary>
    private static IEnumerable<string> LooksRight(string name, Png png)
    {
        var (red, blue) = png.RedBlue();
        switch (name)
        {
            case "image":
            {
                // The "7": its bar is at the top. Find the plot area's ink: the top fifth must be darker than the bottom fifth.
                double top = png.Darkness(60, 90, 360, 160), bottom = png.Darkness(60, 330, 360, 400);
                if (!(top > 0.3 && top > bottom + 0.2)) yield return $"upside down? top darkness {top:0.00}, bottom {bottom:0.00}";
                break;
            }
            case "class-probabilities":
            case "prediction-grid":
                if (red < 200) yield return $"no red (predicted, wrong) bar: {red} red pixels";
                if (blue < 200) yield return $"no blue (true) bar: {blue} blue pixels";
                break;
            case "decision-boundary-xor":
            case "weights":
                var (warm, cool) = png.Tints();
                if (warm < 5000 || cool < 5000) yield return $"expected both red and blue regions: {warm} warm, {cool} cool pixels";
                break;
        }
    }

    [ChromiumFact]
    public void SavedPageWorksOfflineAndDraws()
    {
        var plot = Charts.Value[0].Plot;
        string path = Path.Combine(Browser.PictureDir, "history.html");
        plot.SaveHtml(path);
        string html = File.ReadAllText(path);
        Assert.DoesNotContain("src=\"http", html);
        Assert.Contains("plotly.js v2.28.0", html);
        string dom = Chromium.DumpDom(html);
        Assert.Contains("data-plot-ready=\"true\"", dom);
        Assert.Contains("class=\"main-svg\"", dom);
    }

    [ChromiumFact]
    public void EveryChartTypeMakesAPictureThatIsNotBlankInOneBrowserRun()
    {
        var charts = Charts.Value;
        var pictures = ChartPictures.Render(charts.Select(c => (FigureJson.Of(c.Plot.Chart), c.Width, c.Height)).ToList());
        var failures = new List<string>();
        for (int i = 0; i < charts.Count; i++)
        {
            var c = charts[i];
            string path = Path.Combine(Browser.PictureDir, c.Name + ".png");
            File.WriteAllBytes(path, pictures[i].Png);
            var png = Png.Read(path);
            if (png.Width != c.Width || png.Height != c.Height) failures.Add($"{c.Name}: {png.Width}×{png.Height}, expected {c.Width}×{c.Height}");
            double ink = png.NonWhiteFraction();
            int colours = png.ColourCount();
            if (ink < 0.02) failures.Add($"{c.Name}: only {ink:P1} non-white pixels");
            if (colours < 8) failures.Add($"{c.Name}: only {colours} colours");
            foreach (var problem in LooksRight(c.Name, png)) failures.Add($"{c.Name}: {problem}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ChromiumFact]
    public void SavePngWritesThePictureAtTheSizeAskedForAndTheSameChartGivesTheSameBytes()
    {
        var plot = Charts.Value.First(c => c.Name == "decision-boundary-xor").Plot;
        string path = Path.Combine(Browser.PictureDir, "saved-decision-boundary.png");
        plot.SavePng(path, 640, 480);
        var png = Png.Read(path);
        Assert.Equal((640, 480), (png.Width, png.Height));
        Assert.True(png.NonWhiteFraction() > 0.2, $"{png.NonWhiteFraction():P1} ink");
        // Saved notebooks must not change when nothing changed: same figure, same machine -> same bytes.
        var figure = FigureJson.Of(plot.Chart);
        var twice = ChartPictures.Render(new[] { (figure, 640, 480), (figure, 640, 480) });
        Assert.Equal(File.ReadAllBytes(path), twice[0].Png);
        Assert.Equal(twice[0].Png, twice[1].Png);
    }

    [ChromiumFact]
    public void TheSameChartShownTwiceInOneNotebookPageIsDrawnTwice()
    {
        var figure = FigureJson.Of(Charts.Value[0].Plot.Chart);
        string page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n"
            + "<div class=\"output\">" + NotebookHtml.For(figure, PlotlyJs.InlineScriptTag()) + "</div>\n"
            + "<div class=\"output\">" + NotebookHtml.For(figure, "") + "</div>\n</body></html>\n";
        string dom = Chromium.DumpDom(page);
        Assert.Equal(2, Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
        Assert.Equal(2, Regex.Matches(dom, "data-nn-drawn=\"true\"").Count);
    }
}
