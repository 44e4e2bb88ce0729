namespace NeuralNotebooks.Plots.Rendering;

/// <summary>The HTML a notebook shows for a chart: a placeholder div and the script that draws into it.</summary>
/// <remarks>
/// <para>The div carries the figure's content key (<c>data-nn-plot</c>), not a counter, so the same chart always gives
/// the same HTML. The script draws into the div just before it (<c>document.currentScript</c>); where scripts run
/// without it (classic Jupyter evaluates them detached), into the first not-yet-drawn div with its key — outputs run
/// in order, so the same chart shown twice still fills both.</para>
/// <para>It waits (up to 15 s) for <c>window.Plotly</c>, so charts whose output happens to run before the one carrying
/// the library still draw; after that it says what to do instead of failing silently.</para>
/// </remarks>
internal static class NotebookHtml
{
    /// <summary>The chart's notebook HTML, preceded by <paramref name="library"/> (a plotly.js script element, or "").</summary>
    public static string For(FigureJson figure, string library) =>
        library
        + $"<div class=\"neuralnotebooks-plot\" data-nn-plot=\"{figure.Key}\"></div>"
        + "<script type=\"text/javascript\">(function () {"
        + $" var key = '{figure.Key}', data = {figure.Data}, layout = {figure.Layout}, config = {figure.Config}, tries = 0;"
        + " var s = document.currentScript, el = s && s.previousElementSibling;"
        + " if (!el || el.getAttribute('data-nn-plot') !== key) el = document.querySelector('div[data-nn-plot=\"' + key + '\"]:not([data-nn-drawn])');"
        + " if (!el) return; el.setAttribute('data-nn-drawn', 'true');"
        + " function draw() {"
        + "  if (window.Plotly) { window.Plotly.newPlot(el, data, layout, config); return; }"
        + "  if (tries++ < 300) { setTimeout(draw, 50); return; }"
        + "  el.textContent = 'plotly.js did not load. Offline mode sends it with the first chart of a kernel session:"
        + " run NeuralNotebooks.Plots.Rendering.PlotlyJs.ResetSession() and show the chart again.';"
        + " }"
        + " draw(); })();</script>";
}
