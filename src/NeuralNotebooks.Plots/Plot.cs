using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;
using NeuralNotebooks.Plots.Building;

using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots;

/// <summary>
/// A chart: a Plotly.NET <see cref="GenericChart"/> that knows how to show itself in a notebook, save itself as an
/// offline web page, and take its own picture.
/// </summary>
/// <remarks>
/// <para>Every builder in <see cref="Charts"/> returns a <see cref="Plot"/>. In a Polyglot notebook end a cell with it
/// (or <c>display(plot)</c>) and it is drawn: the type carries a convention-based formatter (text/html and the plotly
/// JSON, see <see cref="PlotMimeTypes"/>), so the notebook needs no package besides this library.</para>
/// <para>This class is the chart and its styling; how it is drawn lives in <c>Rendering/</c>: the notebook HTML
/// (<see cref="NotebookHtml"/>), standalone pages (<see cref="ChartPage"/>), pictures (<see cref="ChartPictures"/>),
/// each from the figure serialised once (<see cref="FigureJson"/>).</para>
/// <para>Restyle with Plotly.NET: <c>plot.Style(c =&gt; Chart.withTitle("XOR", null).Invoke(c))</c>, or
/// <c>plot.Style(Chart.withSize(600.0, 400.0))</c>; <see cref="Chart"/> is the underlying GenericChart, and a
/// <see cref="Plot"/> converts to one implicitly. Styling works on a copy and returns a new <see cref="Plot"/>; the
/// original is unchanged (Plotly.NET's own functions change the chart they are given, so <see cref="Chart"/> itself
/// should be treated as read-only).</para>
/// <para>Note: a bare GenericChart shown in a notebook uses Plotly.NET 6.0.0's own placeholder formatter, which
/// writes "LOL!" instead of a chart — wrap it: <c>new Plot(chart)</c>.</para>
/// </remarks>
[TypeFormatterSource(typeof(PlotFormatterSource), PreferredMimeTypes = new[] { PlotMimeTypes.Html, PlotMimeTypes.PlotlyJson })]
public sealed class Plot
{
    /// <summary>Wraps a Plotly.NET chart.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public Plot(GenericChart chart) => Chart = chart ?? throw new ArgumentNullException(nameof(chart));

    /// <summary>The Plotly.NET chart, for anything Plotly.NET can do with it.</summary>
    public GenericChart Chart { get; }

    /// <summary>Lets a <see cref="Plot"/> go wherever Plotly.NET expects a chart.</summary>
    public static implicit operator GenericChart(Plot plot) => (plot ?? throw new ArgumentNullException(nameof(plot))).Chart;

    /// <summary>Lets a Plotly.NET chart be shown, saved and pictured like any other plot.</summary>
    public static implicit operator Plot(GenericChart chart) => new(chart);

    /// <summary>A new plot with <paramref name="style"/> applied to the chart, e.g. <c>c =&gt; Chart.withTitle("t", null).Invoke(c)</c>.</summary>
    public Plot Style(Func<GenericChart, GenericChart> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return new Plot(style(ChartCopy.Copy(Chart)) ?? throw new InvalidOperationException("The style function returned null."));
    }

    /// <summary>A new plot with a Plotly.NET styling function applied, e.g. <c>plot.Style(Chart.withSize(600.0, 400.0))</c>.</summary>
    public Plot Style(FSharpFunc<GenericChart, GenericChart> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Style(style.Invoke);
    }

    /// <summary>A new plot with the figure title set.</summary>
    public Plot WithTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return MapLayout(l => l.With("title", Props.Title(title)));
    }

    /// <summary>A new plot with a fixed size in pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 10 pixels.</exception>
    public Plot WithSize(int width, int height)
    {
        if (width < 10) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be >= 10 pixels.");
        if (height < 10) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be >= 10 pixels.");
        return MapLayout(l => l.With("width", width).With("height", height));
    }

    private Plot MapLayout(Action<Layout> change)
    {
        var copy = ChartCopy.Copy(Chart);
        change(GenericChart.getLayout(copy));
        return new Plot(copy);
    }

    /// <summary>The figure as plotly.js JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    /// <remarks>Numbers as Plotly.NET writes them (17 significant digits). The <see cref="PlotMimeTypes.PlotlyJson"/>
    /// output a notebook gets, every page and every picture use the same figure at float32 precision (7 significant
    /// digits, see <c>Rendering/FigureJson.cs</c>).</remarks>
    public string ToJson() => GenericChart.toJson(Chart);

    /// <summary>The width the layout asks for, or null when it fills its container.</summary>
    public int? Width => LayoutInt("width");

    /// <summary>The height the layout asks for, or null for plotly's default (450).</summary>
    public int? Height => LayoutInt("height");

    private int? LayoutInt(string name) =>
        GenericChart.getLayout(Chart).TryGetPropertyValue(name) is { } v && v.Value is IConvertible c
            ? c.ToInt32(CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The HTML a notebook shows: a div and the script drawing into it; the first one in a session also carries
    /// plotly.js (see <see cref="PlotlyJs"/>). The same chart always gives the same div and script.
    /// </summary>
    public string ToHtml()
    {
        string library = PlotlyJs.Mode switch
        {
            PlotlyJsMode.Cdn => PlotlyJs.CdnScriptTag(),
            _ => PlotlyJs.ClaimNotebookInline() ? PlotlyJs.InlineScriptTag() : "",
        };
        return NotebookHtml.For(FigureJson.Of(Chart), library);
    }

    /// <summary>A complete web page showing the chart, with plotly.js inlined: it works offline and alone.</summary>
    /// <param name="title">The page title (browser tab); defaults to the chart title or "NeuralNotebooks chart".</param>
    public string ToStandaloneHtml(string? title = null) => ChartPage.For(FigureJson.Of(Chart), title);

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to <paramref name="path"/>, atomically (temporary file, then rename).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public void SaveHtml(string path, string? title = null)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"path must name a file, got '{path}'.", nameof(path));
        AtomicFile.WriteAllText(path, ToStandaloneHtml(title));
    }

    /// <summary>
    /// Saves a PNG picture of the chart, <paramref name="width"/> × <paramref name="height"/> pixels, drawn by plotly.js
    /// in headless Chromium (see <see cref="ChartPictures"/>).
    /// </summary>
    /// <remarks>The chart is laid out at exactly that size (the layout's own width/height are overridden).
    /// Needs Chromium: see <see cref="Chromium"/> for where it is looked for.
    /// <para>The picture is written atomically in the target's own folder (<see cref="AtomicFile"/>): a temporary file
    /// beside <paramref name="path"/>, flushed, then renamed over it — a full disk or a crash leaves the old picture
    /// whole. Nothing is written when drawing fails.</para></remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside [50, 8000].</exception>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed; the message says how to install it.</exception>
    /// <exception cref="InvalidOperationException">Chromium failed or plotly.js drew no picture (the message says why).</exception>
    /// <exception cref="IOException">The picture cannot be written (the message names <paramref name="path"/>); nothing changed.</exception>
    public void SavePng(string path, int width = ChartPictures.DefaultWidth, int height = ChartPictures.DefaultHeight)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"path must name a file, got '{path}'.", nameof(path));
        Chromium.CheckSize(width, height);
        var picture = ChartPictures.Render(new[] { (FigureJson.Of(Chart), width, height) })[0];
        AtomicFile.WriteAllBytes(path, picture.Png);
    }

    /// <summary>One offline page holding several charts, each <paramref name="width"/> × <paramref name="height"/>;
    /// <c>body[data-plots-ready]</c> counts the charts drawn. Lets one browser run check many charts.</summary>
    internal static string PageOf(IReadOnlyList<Plot> plots, int width = 800, int height = 500) =>
        ChartPage.Of(plots.Select(p => FigureJson.Of(p.Chart)).ToList(), width, height);

    /// <summary>The figure JSON (handy when debugging a chart).</summary>
    public override string ToString() => ToJson();
}
