using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>PNG pictures of charts, drawn by plotly.js itself (<c>Plotly.toImage</c>) in one headless Chromium run.</summary>
/// <remarks>
/// <para>Each figure is laid out at its picture size — the size asked for, else the layout's own width/height, else
/// <see cref="DefaultWidth"/> × <see cref="DefaultHeight"/> — at one device pixel per CSS pixel, and plotly.js turns
/// it into a PNG, as its "download plot" button does. Many figures share one browser start, so saving a notebook's
/// pictures costs about one Chromium run (≈ 1–3 s) whatever the number of charts.</para>
/// <para>Pictures are byte-identical from run to run on one machine (same fonts, same Chromium); another machine's
/// fonts may change pixels. Needs Chromium: see <see cref="Chromium"/>.</para>
/// </remarks>
public static partial class ChartPictures
{
    /// <summary>Picture width when neither the caller nor the layout sets one.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Picture height when neither the caller nor the layout sets one.</summary>
    public const int DefaultHeight = 500;

    /// <summary>One picture: the PNG file's bytes and its size in pixels.</summary>
    public sealed record Picture(byte[] Png, int Width, int Height);

    /// <summary>The size a figure's picture gets: its layout's width/height, else the defaults.</summary>
    /// <exception cref="ArgumentException"><paramref name="figureJson"/> is not a JSON object.</exception>
    public static (int Width, int Height) SizeOf(string figureJson) => SizeOf(FigureJson.Parse(figureJson));

    /// <summary>Pictures of plotly figures (each <c>{"data", "layout", "config"}</c> JSON, e.g. a notebook's
    /// <see cref="PlotMimeTypes.PlotlyJson"/> output), in order, each at <see cref="SizeOf(string)"/>.</summary>
    /// <exception cref="ArgumentException">A figure is not a JSON object (the message says which).</exception>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed.</exception>
    /// <exception cref="InvalidOperationException">plotly.js could not draw a figure (the message says which and why).</exception>
    public static IReadOnlyList<Picture> Render(IReadOnlyList<string> figureJsons)
    {
        ArgumentNullException.ThrowIfNull(figureJsons);
        var figures = new List<(FigureJson, int, int)>(figureJsons.Count);
        for (int i = 0; i < figureJsons.Count; i++)
        {
            FigureJson f;
            try { f = FigureJson.Parse(figureJsons[i] ?? throw new ArgumentException($"figure {i + 1} is null.", nameof(figureJsons))); }
            catch (ArgumentException e) { throw new ArgumentException($"figure {i + 1}: {e.Message}", nameof(figureJsons), e); }
            var (w, h) = SizeOf(f);
            figures.Add((f, w, h));
        }
        return Render(figures);
    }

    internal static (int Width, int Height) SizeOf(FigureJson figure)
    {
        var (w, h) = figure.LayoutSize();
        int width = w ?? DefaultWidth, height = h ?? DefaultHeight;
        Chromium.CheckSize(width, height);
        return (width, height);
    }

    internal static IReadOnlyList<Picture> Render(IReadOnlyList<(FigureJson Figure, int Width, int Height)> figures)
    {
        if (figures.Count == 0) return Array.Empty<Picture>();
        foreach (var (_, w, h) in figures) Chromium.CheckSize(w, h);
        string dom = Chromium.DumpDom(Page(figures), virtualTimeBudgetMs: 5000 + 5000 * figures.Count);
        var found = new Dictionary<int, string>();
        foreach (Match m in PictureElement().Matches(dom))
            found[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        var pictures = new List<Picture>(figures.Count);
        for (int i = 0; i < figures.Count; i++)
        {
            var (f, w, h) = figures[i];
            string what = $"chart {i + 1} of {figures.Count} (\"{f.Title() ?? "untitled"}\", {w}×{h})";
            if (!found.TryGetValue(i, out var url))
                throw new InvalidOperationException($"plotly.js drew no picture of {what} in the time allowed.");
            const string prefix = "data:image/png;base64,";
            if (!url.StartsWith(prefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"plotly.js could not draw {what}: {url}");
            pictures.Add(new Picture(Convert.FromBase64String(url[prefix.Length..]), w, h));
        }
        return pictures;
    }

    /// <summary>The page that draws every figure in turn and writes each data URL into <c>pre#picture-i</c>.</summary>
    private static string Page(IReadOnlyList<(FigureJson Figure, int Width, int Height)> figures)
    {
        var sb = new StringBuilder(ChartPage.Head("pictures", "body { margin: 0; }"));
        sb.Append("<script type=\"text/javascript\">\nvar figures = [\n");
        foreach (var (f, w, h) in figures)
            sb.Append(CultureInfo.InvariantCulture, $"{{ data: {f.Data}, layout: {f.Layout}, config: {f.Config}, width: {w}, height: {h} }},\n");
        sb.Append("""
            ];
            (async function () {
              for (var i = 0; i < figures.length; i++) {
                var f = figures[i], text;
                var layout = Object.assign({}, f.layout, { width: f.width, height: f.height });
                try {
                  text = await window.Plotly.toImage({ data: f.data, layout: layout, config: f.config },
                    { format: 'png', width: f.width, height: f.height, scale: 1 });
                } catch (e) {
                  text = 'error: ' + (e && e.message ? e.message : e);
                }
                var pre = document.createElement('pre');
                pre.id = 'picture-' + i;
                pre.textContent = text;
                document.body.appendChild(pre);
              }
            })();
            </script>
            </body>
            </html>

            """);
        return sb.ToString();
    }

    [GeneratedRegex("<pre id=\"picture-(\\d+)\">([^<]*)</pre>")]
    private static partial Regex PictureElement();
}
