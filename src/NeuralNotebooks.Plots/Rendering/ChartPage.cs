using System.Net;
using System.Text;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>Standalone web pages of charts, with plotly.js inlined: they work offline and alone.</summary>
internal static class ChartPage
{
    /// <summary>A page showing one chart; <c>body[data-plot-ready]</c> is set once it is drawn.</summary>
    public static string For(FigureJson figure, string? title)
    {
        title ??= figure.Title() ?? "NeuralNotebooks chart";
        return Head(title, "html, body { margin: 0; padding: 0; background: #fff; }")
            + "<div id=\"chart\" class=\"neuralnotebooks-plot\"></div>\n"
            + "<script type=\"text/javascript\">(function () {"
            + $" var data = {figure.Data}, layout = {figure.Layout}, config = {figure.Config};"
            + " window.Plotly.newPlot('chart', data, layout, config).then(function () { document.body.setAttribute('data-plot-ready', 'true'); });"
            + " })();</script>\n</body>\n</html>\n";
    }

    /// <summary>One page holding several charts, each <paramref name="width"/> × <paramref name="height"/>;
    /// <c>body[data-plots-ready]</c> counts the charts drawn. Lets one browser run check many charts.</summary>
    public static string Of(IReadOnlyList<FigureJson> figures, int width, int height)
    {
        var sb = new StringBuilder(Head("charts", "body { margin: 0; }"));
        sb.Append("<script>window.nnPlotsReady = 0;</script>\n");
        for (int i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            sb.Append($"<div id=\"chart-{i}\" class=\"neuralnotebooks-plot\"></div>\n")
              .Append("<script type=\"text/javascript\">(function () {")
              .Append($" var data = {f.Data}, layout = {f.Layout}, config = {f.Config}; layout.width = {width}; layout.height = {height};")
              .Append($" window.Plotly.newPlot('chart-{i}', data, layout, config).then(function () {{ document.body.setAttribute('data-plots-ready', ++window.nnPlotsReady); }});")
              .Append(" })();</script>\n");
        }
        return sb.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The page up to and including <c>&lt;body&gt;</c>, plotly.js in the head.</summary>
    public static string Head(string title, string css) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<title>{WebUtility.HtmlEncode(title)}</title>\n"
        + $"<style>{css}</style>\n"
        + PlotlyJs.InlineScriptTag() + "\n</head>\n<body>\n";
}
