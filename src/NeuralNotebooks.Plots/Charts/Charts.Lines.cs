using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// Curves y(x) on one pair of axes, one colour per series: a loss as a function of the prediction, a gradient's size
    /// layer by layer, the loss against seconds of training…
    /// </summary>
    /// <param name="series">The curves, drawn and coloured in order.</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="title">Figure title; default "{yTitle} against {xTitle}".</param>
    /// <param name="logX">Logarithmic horizontal axis.</param>
    /// <param name="logY">Logarithmic vertical axis (quantities that span decades, like a vanishing gradient).</param>
    /// <param name="markers">Draw a marker at every point of the curves (default: only when a series has at most 30
    /// points); a series with <see cref="LineSeries.PointsOnly"/> is always drawn as markers alone.</param>
    /// <remarks>Non-finite values (NaN, ±∞) are left out of the picture as gaps, as plotly.js does.</remarks>
    /// <exception cref="ArgumentException">No series, or a series without a name, without points, or with X and Y of different lengths (the message names it).</exception>
    public static Plot Lines(IEnumerable<LineSeries> series, string xTitle, string yTitle, string? title = null,
        bool logX = false, bool logY = false, bool? markers = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        if (list.Count == 0) throw new ArgumentException("series must hold at least one curve.", nameof(series));
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null) throw new ArgumentException($"series[{i}] is null.", nameof(series));
            list[i].Validate(nameof(series));
        }
        var fig = new FigureBuilder(title ?? $"{yTitle} against {xTitle}", height: 460);
        fig.Layout.With("xaxis", Props.Axis(xTitle).With("type", logX ? "log" : null))
            .With("yaxis", Props.Axis(yTitle).With("type", logY ? "log" : null));
        for (int i = 0; i < list.Count; i++)
        {
            var s = list[i];
            string color = Palette.At(i);
            string mode = s.PointsOnly ? "markers" : (markers ?? s.X.Count <= 30) ? "lines+markers" : "lines";
            fig.Add(Props.Trace("scatter").With("x", Finite(s.X)).With("y", Finite(s.Y)).With("mode", mode)
                .With("name", s.Name).With("line", Props.Line(color, 2.5, s.Dash)).With("marker", Props.Obj(("color", color), ("size", 7)))
                .With("hovertemplate", $"{System.Net.WebUtility.HtmlEncode(s.Name)}<br>{xTitle} %{{x:.4g}}<br>{yTitle} %{{y:.4g}}<extra></extra>"));
        }
        return fig.Build();
    }

    /// <summary>The values with NaN/±∞ replaced by null, which plotly.js draws as a gap (JSON has no NaN).</summary>
    private static double?[] Finite(IReadOnlyList<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();
}
