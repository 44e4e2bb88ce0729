using System.Globalization;
using System.Net;
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
/// (or <c>display(plot)</c>) and it is drawn: the type carries a convention-based formatter (text/html), so the
/// notebook needs no package besides this library.</para>
/// <para>Restyle with Plotly.NET: <c>plot.Style(c =&gt; Chart.withTitle("XOR", null).Invoke(c))</c>, or
/// <c>plot.Style(Chart.withSize(600.0, 400.0))</c>; <see cref="Chart"/> is the underlying GenericChart, and a
/// <see cref="Plot"/> converts to one implicitly. Styling works on a copy and returns a new <see cref="Plot"/>; the
/// original is unchanged (Plotly.NET's own functions change the chart they are given, so <see cref="Chart"/> itself
/// should be treated as read-only).</para>
/// <para>Note: a bare GenericChart shown in a notebook uses Plotly.NET 6.0.0's own placeholder formatter, which
/// writes "LOL!" instead of a chart — wrap it: <c>new Plot(chart)</c>.</para>
/// </remarks>
[TypeFormatterSource(typeof(PlotFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Plot
{
    private const int DefaultWidth = 800, DefaultHeight = 500;

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
    /// plotly.js (see <see cref="PlotlyJs"/>).
    /// </summary>
    /// <remarks>The drawing script waits (up to 15 s) for <c>window.Plotly</c>, so charts whose output happens to run
    /// before the one carrying the library still draw; after that it says what to do instead of failing silently.</remarks>
    public string ToHtml()
    {
        string library = PlotlyJs.Mode switch
        {
            PlotlyJsMode.Cdn => PlotlyJs.CdnScriptTag(),
            _ => PlotlyJs.ClaimNotebookInline() ? PlotlyJs.InlineScriptTag() : "",
        };
        string id = NewId();
        var (data, layout, config) = Parts();
        return library
            + $"<div id=\"{id}\" class=\"neuralnotebooks-plot\"></div>"
            + "<script type=\"text/javascript\">(function () {"
            + $" var id = '{id}', data = {data}, layout = {layout}, config = {config}, tries = 0;"
            + " function draw() {"
            + "  var el = document.getElementById(id); if (!el) return;"
            + "  if (window.Plotly) { window.Plotly.newPlot(el, data, layout, config); return; }"
            + "  if (tries++ < 300) { setTimeout(draw, 50); return; }"
            + "  el.textContent = 'plotly.js did not load. Offline mode sends it with the first chart of a kernel session:"
            + " run NeuralNotebooks.Plots.Rendering.PlotlyJs.ResetSession() and show the chart again.';"
            + " }"
            + " draw(); })();</script>";
    }

    /// <summary>A complete web page showing the chart, with plotly.js inlined: it works offline and alone.</summary>
    /// <param name="title">The page title (browser tab); defaults to the chart title or "NeuralNotebooks chart".</param>
    public string ToStandaloneHtml(string? title = null) => Page(title, null, null);

    /// <summary>Writes <see cref="ToStandaloneHtml"/> to <paramref name="path"/>, atomically (temporary file, then rename).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public void SaveHtml(string path, string? title = null)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"path must name a file, got '{path}'.", nameof(path));
        AtomicFile.WriteAllText(path, ToStandaloneHtml(title));
    }

    /// <summary>
    /// Saves a PNG picture of the chart, <paramref name="width"/> × <paramref name="height"/> pixels, drawn by headless Chromium.
    /// </summary>
    /// <remarks>The chart is laid out at exactly that size (the layout's own width/height are overridden) and the
    /// mode bar is hidden. Needs Chromium: see <see cref="Chromium"/> for where it is looked for.</remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is outside [50, 8000].</exception>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed; the message says how to install it.</exception>
    public void SavePng(string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"path must name a file, got '{path}'.", nameof(path));
        Chromium.CheckSize(width, height);
        Chromium.Screenshot(PageForPicture(width, height), path, width, height);
    }

    /// <summary>The standalone page laid out at a fixed size with no mode bar, as <see cref="SavePng"/> photographs it.</summary>
    public string PageForPicture(int width, int height)
    {
        Chromium.CheckSize(width, height);
        return Page(null, width, height);
    }

    private string Page(string? title, int? width, int? height)
    {
        title ??= ChartTitle() ?? "NeuralNotebooks chart";
        string id = NewId();
        var (data, layout, config) = Parts();
        string sizing = width is int w && height is int h
            ? $" layout.width = {w}; layout.height = {h}; config.displayModeBar = false; config.responsive = false;"
            : "";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + $"<title>{WebUtility.HtmlEncode(title)}</title>\n"
            + "<style>html, body { margin: 0; padding: 0; background: #fff; }</style>\n"
            + PlotlyJs.InlineScriptTag() + "\n</head>\n<body>\n"
            + $"<div id=\"{id}\" class=\"neuralnotebooks-plot\"></div>\n"
            + "<script type=\"text/javascript\">(function () {"
            + $" var data = {data}, layout = {layout}, config = {config};{sizing}"
            + $" window.Plotly.newPlot('{id}', data, layout, config).then(function () {{ document.body.setAttribute('data-plot-ready', 'true'); }});"
            + " })();</script>\n</body>\n</html>\n";
    }

    /// <summary>One offline page holding several charts, each <paramref name="width"/> × <paramref name="height"/>;
    /// <c>body[data-plots-ready]</c> counts the charts drawn. Lets one browser run check many charts.</summary>
    internal static string PageOf(IReadOnlyList<Plot> plots, int width = 800, int height = 500)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>charts</title>\n")
          .Append(PlotlyJs.InlineScriptTag()).Append("\n</head>\n<body style=\"margin:0\">\n")
          .Append("<script>window.nnPlotsReady = 0;</script>\n");
        foreach (var plot in plots)
        {
            string id = plot.NewId();
            var (data, layout, config) = plot.Parts();
            sb.Append($"<div id=\"{id}\" class=\"neuralnotebooks-plot\"></div>\n")
              .Append("<script type=\"text/javascript\">(function () {")
              .Append($" var data = {data}, layout = {layout}, config = {config}; layout.width = {width}; layout.height = {height};")
              .Append($" window.Plotly.newPlot('{id}', data, layout, config).then(function () {{ document.body.setAttribute('data-plots-ready', ++window.nnPlotsReady); }});")
              .Append(" })();</script>\n");
        }
        return sb.Append("</body>\n</html>\n").ToString();
    }

    private string? ChartTitle() =>
        GenericChart.getLayout(Chart).TryGetPropertyValue("title") is { } t && t.Value is DynamicObj.DynamicObj o
        && o.TryGetPropertyValue("text") is { } text ? text.Value as string : null;

    private (string Data, string Layout, string Config) Parts()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(ToJson());
        var root = doc.RootElement;
        string Get(string name) => root.TryGetProperty(name, out var v) ? v.GetRawText() : "{}";
        return (root.TryGetProperty("data", out var d) ? d.GetRawText() : "[]", Get("layout"), Get("config"));
    }

    private static readonly Dictionary<string, int> IdUses = new();

    /// <summary>
    /// An element id derived from the chart's content (plus a count of earlier uses of the same content), so that
    /// re-running a notebook writes the same bytes and saved notebooks diff cleanly.
    /// </summary>
    private string NewId()
    {
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ToJson())))[..16].ToLowerInvariant();
        int use;
        lock (IdUses)
        {
            IdUses.TryGetValue(hash, out use);
            IdUses[hash] = use + 1;
        }
        return use == 0 ? $"nn-plot-{hash}" : $"nn-plot-{hash}-{use}";
    }

    /// <summary>The figure JSON (handy when debugging a chart).</summary>
    public override string ToString() => ToJson();
}
