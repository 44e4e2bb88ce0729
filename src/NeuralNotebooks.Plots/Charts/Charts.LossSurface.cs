using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// A loss surface over two parameters as a contour map, with the paths optimizers took across it: where gradient
    /// descent zig-zags, where momentum overshoots, where Adam walks straight.
    /// </summary>
    /// <param name="loss">L(x, y) — the loss when the two parameters are x and y (say, a neuron's weight and bias).</param>
    /// <param name="xRange">The horizontal range (first parameter), min &lt; max.</param>
    /// <param name="yRange">The vertical range (second parameter), min &lt; max.</param>
    /// <param name="paths">Optimizer trajectories: X[i], Y[i] are the two parameters after step i (index 0 = the start).</param>
    /// <param name="resolution">Grid points per axis, in [10, 300].</param>
    /// <param name="xTitle">Horizontal axis title.</param>
    /// <param name="yTitle">Vertical axis title.</param>
    /// <param name="title">Figure title; default "Loss surface".</param>
    /// <param name="logScale">Colour and space the contours by log₁₀ L (default), so that a long flat valley shows as many
    /// rings instead of one; values ≤ 0 are drawn at the smallest positive level.</param>
    /// <param name="minimum">Where the minimum is, marked with a black star.</param>
    /// <remarks>
    /// <para>The grid is evaluated with one call of <paramref name="loss"/> per point (resolution² calls); non-finite
    /// values are left blank. Contours are filled on a white-to-grey scale so that the paths, in the series colours, stand
    /// out. Each path is a line with a marker per step (small), a circle at its start and a cross at its end; points
    /// outside the ranges are clipped and non-finite ones (a diverging run) leave a gap.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A range is not finite or has min ≥ max, or resolution is outside [10, 300].</exception>
    /// <exception cref="ArgumentException">A path without a name, without points, or with X and Y of different lengths.</exception>
    public static Plot LossSurface(Func<double, double, double> loss, (double Min, double Max) xRange, (double Min, double Max) yRange,
        IEnumerable<LineSeries>? paths = null, int resolution = 80, string xTitle = "w", string yTitle = "b", string? title = null,
        bool logScale = true, (double X, double Y)? minimum = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        RequireRange(xRange, nameof(xRange));
        RequireRange(yRange, nameof(yRange));
        if (resolution is < 10 or > 300) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be in [10, 300].");
        var trajectories = (paths ?? Enumerable.Empty<LineSeries>()).ToList();
        for (int i = 0; i < trajectories.Count; i++)
        {
            if (trajectories[i] is null) throw new ArgumentException($"paths[{i}] is null.", nameof(paths));
            trajectories[i].Validate(nameof(paths));
        }

        var gx = Linspace(xRange.Min, xRange.Max, resolution);
        var gy = Linspace(yRange.Min, yRange.Max, resolution);
        var z = new double?[resolution][];
        double smallestPositive = double.PositiveInfinity;
        var raw = new double[resolution, resolution];
        for (int j = 0; j < resolution; j++)
            for (int i = 0; i < resolution; i++)
            {
                raw[j, i] = loss(gx[i], gy[j]);
                if (raw[j, i] > 0 && raw[j, i] < smallestPositive) smallestPositive = raw[j, i];
            }
        for (int j = 0; j < resolution; j++)
        {
            z[j] = new double?[resolution];
            for (int i = 0; i < resolution; i++)
            {
                double v = raw[j, i];
                if (!double.IsFinite(v)) continue;
                z[j][i] = logScale ? Math.Log10(v > 0 ? v : smallestPositive) : v;
            }
        }

        var fig = new FigureBuilder(title ?? "Loss surface", height: 600);
        fig.Layout.With("xaxis", Props.Axis(xTitle).With("range", new[] { xRange.Min, xRange.Max }))
            .With("yaxis", Props.Axis(yTitle).With("range", new[] { yRange.Min, yRange.Max }))
            .With("legend", Props.Obj(("x", 1.0), ("xanchor", "left"), ("y", 1.0)));
        fig.Add(Props.Trace("contour").With("x", gx).With("y", gy).With("z", z).With("ncontours", 25)
            .With("colorscale", Props.ColorScale((0.0, "#ffffff"), (1.0, "#8c8c8c")))
            .With("line", Props.Line("#6d6d6d", 0.8)).With("name", logScale ? "log₁₀ loss" : "loss")
            .With("colorbar", Props.Obj(("title", Props.Obj(("text", logScale ? "log₁₀ loss" : "loss"))), ("x", 1.02), ("len", 0.6), ("y", 0.3)))
            .With("hovertemplate", $"{xTitle} %{{x:.3f}}<br>{yTitle} %{{y:.3f}}<br>{(logScale ? "log₁₀ loss" : "loss")} %{{z:.3f}}<extra></extra>"));

        for (int p = 0; p < trajectories.Count; p++)
        {
            var s = trajectories[p];
            string color = Palette.At(p);
            fig.Add(Props.Trace("scatter").With("x", Finite(s.X)).With("y", Finite(s.Y)).With("mode", "lines+markers").With("name", s.Name)
                .With("legendgroup", s.Name).With("line", Props.Line(color, 2.5, s.Dash)).With("marker", Props.Obj(("color", color), ("size", 4)))
                .With("hovertemplate", $"{System.Net.WebUtility.HtmlEncode(s.Name)}<br>{xTitle} %{{x:.3f}}<br>{yTitle} %{{y:.3f}}<extra></extra>"));
            int last = LastFinite(s);
            fig.Add(Props.Trace("scatter").With("x", new[] { s.X[0], s.X[last] }).With("y", new[] { s.Y[0], s.Y[last] }).With("mode", "markers")
                .With("legendgroup", s.Name).With("showlegend", false).With("hoverinfo", "skip")
                .With("marker", Props.Obj(("color", color), ("size", 12), ("symbol", new[] { "circle-open", "x" }), ("line", Props.Obj(("color", color), ("width", 2.5))))));
        }
        if (minimum is (double mx, double my))
            fig.Add(Props.Trace("scatter").With("x", new[] { mx }).With("y", new[] { my }).With("mode", "markers").With("name", "minimum")
                .With("marker", Props.Obj(("symbol", "star"), ("size", 16), ("color", "#111"))));
        return fig.Build();
    }

    private static void RequireRange((double Min, double Max) range, string name)
    {
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Min >= range.Max)
            throw new ArgumentOutOfRangeException(name, range, $"{name} must be finite with Min < Max; it is ({range.Min}, {range.Max}).");
    }

    /// <summary>The index of the last point whose coordinates are both finite (0 when there is none).</summary>
    private static int LastFinite(LineSeries s)
    {
        for (int i = s.X.Count - 1; i > 0; i--)
            if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i])) return i;
        return 0;
    }
}
