using System.Collections;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>The convention-based formatter source for <see cref="Plot"/> (found by reflection): text/html and the plotly JSON.</summary>
internal sealed class PlotFormatterSource
{
    public IEnumerable CreateTypeFormatters() => new object[]
    {
        new PlotFormatter(PlotMimeTypes.Html, p => p.ToHtml()),
        new PlotFormatter(PlotMimeTypes.PlotlyJson, p => FigureJson.Of(p.Chart).Json),
    };
}

/// <summary>Writes a <see cref="Plot"/> as one MIME type (the shape .NET Interactive's formatter looks for).</summary>
internal sealed class PlotFormatter(string mimeType, Func<Plot, string> render)
{
    public string MimeType => mimeType;

    public Type Type => typeof(Plot);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Plot plot) return false;
        writer.Write(render(plot));
        return true;
    }
}
