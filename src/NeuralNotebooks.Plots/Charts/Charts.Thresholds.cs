using NeuralNotebooks.Metrics;
using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// What moving the decision threshold of a binary classifier does: precision, recall and F1 against the threshold
    /// (left), and precision against recall (right), the chosen threshold marked in both.
    /// </summary>
    /// <param name="sweep">Scores at increasing thresholds, from <see cref="Metrics.PrecisionRecall.Sweep"/>.</param>
    /// <param name="threshold">The threshold to mark (a dotted line left, a star right), e.g. the default 0.5; null for none.
    /// The marked point is the sweep entry nearest to it.</param>
    /// <param name="title">Figure title; default "Precision and recall vs threshold".</param>
    /// <remarks>Where nothing is predicted positive (thresholds above every probability) precision is 0/0: those
    /// points are left out of the precision and F1 curves rather than drawn at 0.</remarks>
    /// <exception cref="ArgumentException">The sweep is empty or its thresholds do not increase.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not finite.</exception>
    public static Plot PrecisionRecall(IReadOnlyList<ThresholdScores> sweep, double? threshold = 0.5, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count == 0) throw new ArgumentException("sweep holds no thresholds; compute it with PrecisionRecall.Sweep.", nameof(sweep));
        for (int i = 1; i < sweep.Count; i++)
            if (!(sweep[i].Threshold > sweep[i - 1].Threshold))
                throw new ArgumentException($"sweep thresholds must increase; entry {i} ({sweep[i].Threshold}) follows {sweep[i - 1].Threshold}.", nameof(sweep));
        if (threshold is double t) RequireFinite(t, nameof(threshold));

        var defined = sweep.Where(s => s.PredictedPositives > 0).ToArray();
        var grid = new SubplotGrid(1, 2, hGap: 0.1, top: 0.86);
        var fig = new FigureBuilder(title ?? "Precision and recall vs threshold", width: 1000, height: 460);
        fig.Layout.With("legend", Props.Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", 1.0), ("yanchor", "bottom")));
        fig.Layout.With("margin", Props.Obj(("t", 100), ("b", 50)));
        var (x1, y1) = grid.AddAxes(fig.Layout, 0, "threshold (predict 1 when p > threshold)", "score");
        var (x2, y2) = grid.AddAxes(fig.Layout, 1, "recall", "precision");
        foreach (var axis in new[] { x1, y1, x2, y2 }) axis.With("range", new[] { -0.02, 1.02 });

        fig.Add(Curve(defined.Select(s => s.Threshold), defined.Select(s => s.Precision), "precision", Palette.Series[0], "x", "y"));
        fig.Add(Curve(sweep.Select(s => s.Threshold), sweep.Select(s => s.Recall), "recall", Palette.Series[1], "x", "y"));
        fig.Add(Curve(defined.Select(s => s.Threshold), defined.Select(s => s.F1), "F1", Palette.Series[2], "x", "y", "dot"));
        fig.Add(Curve(defined.Select(s => s.Recall), defined.Select(s => s.Precision), "precision vs recall", Palette.Series[4], "x2", "y2")
            .With("customdata", defined.Select(s => s.Threshold).ToArray())
            .With("hovertemplate", "threshold %{customdata:.2f}<br>recall %{x:.3f}<br>precision %{y:.3f}<extra></extra>"));

        if (threshold is double chosen)
        {
            var at = sweep.MinBy(s => Math.Abs(s.Threshold - chosen))!;
            string label = $"threshold {Invariant(Math.Round(at.Threshold, 3))}: precision {at.Precision:0.00}, recall {at.Recall:0.00}";
            fig.Add(Props.Shape("line", at.Threshold, 0, at.Threshold, 1, "x", "y domain", Props.Line("#444", 1.5, "dot")));
            fig.Add(Props.Annotation(label, at.Threshold, 0.02, "x", "y domain", xanchor: at.Threshold > 0.6 ? "right" : "left", yanchor: "bottom",
                font: Props.Font(12, "#222")));
            fig.Add(Props.Trace("scatter").With("x", new[] { at.Recall }).With("y", new[] { at.Precision }).With("mode", "markers")
                .With("marker", Props.Obj(("symbol", "star"), ("size", 14), ("color", "#222")))
                .With("name", $"threshold {Invariant(Math.Round(at.Threshold, 3))}").With("xaxis", "x2").With("yaxis", "y2")
                .With("hovertemplate", label + "<extra></extra>"));
        }
        return fig.Build();
    }

    private static Plotly.NET.Trace2D Curve(IEnumerable<double> x, IEnumerable<double> y, string name, string color, string xr, string yr, string? dash = null) =>
        Props.Trace("scatter").With("x", x.ToArray()).With("y", y.ToArray()).With("mode", "lines").With("name", name)
            .With("line", Props.Line(color, 2.5, dash)).With("xaxis", xr).With("yaxis", yr)
            .With("hovertemplate", $"{name}<br>%{{x:.2f}}: %{{y:.3f}}<extra></extra>");
}
