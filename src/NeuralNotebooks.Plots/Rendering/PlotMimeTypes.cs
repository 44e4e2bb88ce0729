namespace NeuralNotebooks.Plots.Rendering;

/// <summary>The MIME types a chart is shown as.</summary>
/// <remarks>
/// <para>A notebook gets both <see cref="Html"/> and <see cref="PlotlyJson"/> for each chart (in that order). The front
/// end picks what it can draw: Polyglot Notebooks runs the HTML (plotly.js inlined with the session's first chart);
/// VS Code's and JupyterLab's plotly renderers draw the JSON with their own copy of plotly.js.</para>
/// <para>When the runner saves a notebook (<c>run --write</c>) it adds a <see cref="Png"/> picture of each chart and
/// drops the HTML, so viewers that run no scripts (GitHub, nbviewer, nbconvert) show the picture and the file stays
/// small; see the runner's README.</para>
/// </remarks>
public static class PlotMimeTypes
{
    /// <summary>The notebook HTML: a div and the script drawing into it (<see cref="Plot.ToHtml"/>).</summary>
    public const string Html = "text/html";

    /// <summary>The plotly figure JSON, <c>{"data", "layout", "config"}</c> (<see cref="Plot.ToJson"/>).</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>A picture of the chart (<see cref="ChartPictures"/>).</summary>
    public const string Png = "image/png";

    /// <summary>What a notebook formatter writes for a <see cref="Plot"/>, in order of preference.</summary>
    public static IReadOnlyList<string> Notebook { get; } = new[] { Html, PlotlyJson };
}
