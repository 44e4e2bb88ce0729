using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Core;
using NeuralNotebooks.Plots.Rendering;
using Plotly.NET;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>How charts render for notebooks and pages. Tests that depend on whether plotly.js was already sent open a
/// session of their own (<see cref="PlotlyJs.UseSession(PlotlyJsMode)"/>), so they run in parallel with everything else.</summary>
public class RenderingTests
{
    private static Plot Sample() => Charts.ConfusionMatrix(new[,] { { 3, 1 }, { 0, 4 } }, new[] { "no", "yes" });

    [Fact]
    public void NotebookFormatterRendersThePlotAsHtmlWithPlotlyJsOnlyTheFirstTime()
    {
        using var session = PlotlyJs.UseSession(PlotlyJsMode.Inline);
        var plot = Sample();
        string first = Formatter.ToDisplayString(plot, "text/html");
        Assert.Contains("plotly.js v2.28.0", first);                // the library, inlined: offline
        Assert.Contains("if (!window.Plotly)", first);
        Assert.Contains("class=\"neuralnotebooks-plot\"", first);
        Assert.Contains("window.Plotly.newPlot(el, data, layout, config)", first);
        Assert.DoesNotContain(" id=", first.Replace(PlotlyJs.InlineScriptTag(), ""));  // addressed by content key, not by a counter
        Assert.Contains("\"texttemplate\":\"%{z:.0%}\"", first);  // the chart's own JSON
        Assert.True(PlotlyJs.SentToNotebook);

        string second = Formatter.ToDisplayString(Sample(), "text/html");
        Assert.DoesNotContain("plotly.js v2.28.0", second);
        Assert.Contains("window.Plotly.newPlot", second);
        Assert.True(second.Length < 20_000, $"later charts carry only their data ({second.Length} chars)");
        Assert.DoesNotContain(PlotlyJs.CdnUrl, first + second);
    }

    [Fact]
    public void ResetSessionSendsTheLibraryAgain()
    {
        using var session = PlotlyJs.UseSession(PlotlyJsMode.Inline);
        _ = Sample().ToHtml();
        Assert.DoesNotContain("plotly.js v2.28.0", Sample().ToHtml());
        PlotlyJs.ResetSession();
        Assert.Contains("plotly.js v2.28.0", Sample().ToHtml());
    }

    [Fact]
    public void CdnModeReferencesTheCdnInsteadOfInlining()
    {
        using (PlotlyJs.UseSession(PlotlyJsMode.Cdn))
        {
            string html = Formatter.ToDisplayString(Sample(), "text/html");
            Assert.Contains("https://cdn.plot.ly/plotly-2.28.0.min.js", html);
            Assert.DoesNotContain("plotly.js v2.28.0", html);
            Assert.False(PlotlyJs.SentToNotebook);
        }
    }

    [Fact]
    public async Task A_scoped_session_is_its_own_and_leaves_the_process_session_as_it_was()
    {
        using var outer = PlotlyJs.UseSession(PlotlyJsMode.Inline);
        Assert.Contains("plotly.js v2.28.0", Sample().ToHtml());               // the outer session's first chart
        Assert.True(PlotlyJs.SentToNotebook);
        using (PlotlyJs.UseSession(PlotlyJsMode.Cdn))
        {
            Assert.Equal(PlotlyJsMode.Cdn, PlotlyJs.Mode);
            Assert.False(PlotlyJs.SentToNotebook);
            PlotlyJs.Mode = PlotlyJsMode.Inline;                                // changes this session only
            Assert.Contains("plotly.js v2.28.0", Sample().ToHtml());           // a new session sends the library again
        }
        Assert.Equal(PlotlyJsMode.Inline, PlotlyJs.Mode);
        Assert.True(PlotlyJs.SentToNotebook);
        Assert.DoesNotContain("plotly.js v2.28.0", Sample().ToHtml());        // the outer session had sent it
        bool elsewhere = await Task.Run(() =>
        {
            using (PlotlyJs.UseSession()) return PlotlyJs.SentToNotebook;       // a session opened on another thread starts fresh
        });
        Assert.False(elsewhere);
        Assert.True(PlotlyJs.SentToNotebook);
    }

    [Fact]
    public void ABarePlotlyNetChartIsNotDrawnByItsOwnNotebookFormatterSoPlotsWrapIt()
    {
        // Plotly.NET 6.0.0 puts a convention-based formatter on GenericChart whose output is a placeholder, not a chart.
        var chart = Sample().Chart;
        string bare = Formatter.ToDisplayString(chart, "text/html");
        Assert.DoesNotContain("newPlot", bare);
        Plot wrapped = chart;
        Assert.Contains("newPlot", Formatter.ToDisplayString(wrapped, "text/html"));
    }

    [Fact]
    public void PlotsCanBeRestyledWithPlotlyNet()
    {
        var plot = Sample();
        var titled = plot.Style(Chart.withTitle("Spam filter", FSharpOption<Font>.None));
        Assert.Contains("\"title\":{\"text\":\"Spam filter\"", titled.ToJson());
        Assert.DoesNotContain("Spam filter", plot.ToJson()); // plots are immutable
        var sized = titled.WithSize(640, 480).WithTitle("Spam");
        Assert.Equal(640, sized.Width);
        Assert.Equal(480, sized.Height);
        Assert.Contains("\"text\":\"Spam\"", sized.ToJson());
        GenericChart asChart = sized;
        Assert.Same(sized.Chart, asChart);
        var viaFunc = plot.Style(c => GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(t => { t.SetProperty("opacity", 0.5); return t; }), c));
        Assert.Contains("\"opacity\":0.5", viaFunc.ToJson());
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => plot.WithSize(5, 100)).ParamName);
        // Nested objects keep their Plotly.NET types through the copy, so Plotly.NET axis styling still merges into them.
        var axisStyled = sized.Style(Chart.withXAxisStyle<double, double, string>(TitleText: "guessed", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        string json = axisStyled.ToJson();
        Assert.Contains("\"guessed\"", json);
        Assert.Contains("\"type\":\"category\"", json); // the builder's own x-axis settings survived
    }

    [Fact]
    public void SaveHtmlWritesAStandaloneOfflinePageAtomically()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nn-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "sub", "chart.html");
            Sample().WithTitle("Spam & ham").SaveHtml(path);
            string html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<title>Spam &amp; ham</title>", html);
            Assert.Contains("plotly.js v2.28.0", html);
            Assert.DoesNotContain("<script src=", html);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left behind
            Sample().SaveHtml(path);                                          // overwrite works
            Assert.DoesNotContain("Spam &amp; ham", File.ReadAllText(path));
            Assert.Equal("path", Assert.Throws<ArgumentException>(() => Sample().SaveHtml(" ")).ParamName);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void SavePngWithoutChromiumSaysHowToInstallIt()
    {
        using (Chromium.SearchOnly("/nonexistent/chromium"))
        {
            var e = Assert.Throws<ChromiumNotFoundException>(() => Sample().SavePng(Path.Combine(Path.GetTempPath(), "never.png")));
            Assert.Contains("apt-get install chromium", e.Message);
            Assert.Contains("/nonexistent/chromium", e.Message);
            Assert.Contains(Chromium.PathVariable, e.Message);
            Assert.False(Chromium.IsAvailable);
        }
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => Sample().SavePng("x.png", 10, 100)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Sample().SavePng("", 100, 100)).ParamName);
    }

    [Fact]
    public void TheSameChartGivesTheSameHtmlWhateverWasDrawnBefore()
    {
        using var session = PlotlyJs.UseSession(PlotlyJsMode.Inline);
        _ = Charts.ConfusionMatrix(new[,] { { 1, 0 }, { 0, 1 } }).ToHtml();   // the session's first chart carries plotly.js
        string alone = Sample().ToHtml();
        foreach (var other in new[] { Charts.ConfusionMatrix(new[,] { { 9, 9 }, { 9, 9 } }), Sample(), Sample() })
            _ = other.ToHtml();                                                 // other charts, and this one again
        Assert.Equal(alone, Sample().ToHtml());
        PlotlyJs.ResetSession();                                                // a new notebook session
        _ = Charts.ConfusionMatrix(new[,] { { 1, 0 }, { 0, 1 } }).ToHtml();
        Assert.Equal(alone, Sample().ToHtml());
        Assert.NotEqual(alone, Charts.ConfusionMatrix(new[,] { { 3, 1 }, { 0, 5 } }).ToHtml());
    }

    [Fact]
    public void NotebooksGetThePlotlyJsonBesideTheHtml()
    {
        var plot = Sample();
        Assert.Equal(new[] { "text/html", "application/vnd.plotly.v1+json" }, Formatter.GetPreferredMimeTypesFor(typeof(Plot)));
        string json = Formatter.ToDisplayString(plot, PlotMimeTypes.PlotlyJson);
        Assert.Equal(plot.ToJson(), json);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, doc.RootElement.GetProperty("data").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, doc.RootElement.GetProperty("layout").ValueKind);
    }

    [Fact]
    public void ChartDataCannotCloseItsScriptElement()
    {
        string html = Sample().WithTitle("a </script><b>x</b>").ToHtml();
        Assert.DoesNotContain("</script><b>", html);
        Assert.Contains("a <\\/script><b>x<\\/b>", html);
    }

    [Fact]
    public void PictureSizesComeFromTheLayoutElseTheDefaults()
    {
        Assert.Equal((640, 480), ChartPictures.SizeOf(Sample().WithSize(640, 480).ToJson()));
        Assert.Equal((ChartPictures.DefaultWidth, ChartPictures.DefaultHeight), ChartPictures.SizeOf("{\"data\": [], \"layout\": {}}"));
        Assert.Equal((ChartPictures.DefaultWidth, 560), ChartPictures.SizeOf("{\"layout\": {\"height\": 560}}"));
        var e = Assert.Throws<ArgumentException>(() => ChartPictures.Render(new[] { Sample().ToJson(), "[1, 2]" }));
        Assert.Contains("figure 2", e.Message);
        Assert.Contains("must be an object", e.Message);
        Assert.Empty(ChartPictures.Render(Array.Empty<string>()));   // nothing to draw: no browser started
    }
}
