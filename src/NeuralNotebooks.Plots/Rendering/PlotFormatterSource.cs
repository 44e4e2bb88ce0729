using NeuralNotebooks.Plots;
using System.Collections;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>The convention-based formatter source for <see cref="Plot"/>: renders it as text/html (found by reflection).</summary>
internal sealed class PlotFormatterSource
{
    public IEnumerable CreateTypeFormatters() => new object[] { new PlotHtmlFormatter() };
}

/// <summary>Writes a <see cref="Plot"/> as the notebook HTML of <see cref="Plot.ToHtml"/>.</summary>
internal sealed class PlotHtmlFormatter
{
    public string MimeType => "text/html";

    public Type Type => typeof(Plot);

    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not Plot plot) return false;
        writer.Write(plot.ToHtml());
        return true;
    }
}
