using System.Globalization;
using NeuralNotebooks.Models;
using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// The training history: one panel per quantity (loss, then each metric), training and validation curves per epoch,
    /// and the best epoch marked when early stopping restored it.
    /// </summary>
    /// <param name="history">What <c>Fit</c> returned (or any recorded history).</param>
    /// <param name="title">Figure title; default "Training history".</param>
    /// <param name="epochs">Fix the epoch axis to [1, epochs] (the live chart uses the planned count so the axis does not jump); default: the recorded epochs.</param>
    /// <remarks>
    /// <para>Quantities are the history keys without their "val_" prefix, in recording order; a "val_x" series is drawn
    /// (orange, dashed) in the panel of "x" (blue). Panels sit side by side, at most three per row.</para>
    /// <para>When <see cref="History.BestEpoch"/> is set, every panel gets a dotted vertical line at that epoch, the
    /// monitored point gets a star, and the first panel an annotation "best epoch N".</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentException">The history has no epochs.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> is below the recorded epochs.</exception>
    public static Plot History(History history, string? title = null, int? epochs = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Epochs == 0 || history.Keys.Count == 0)
            throw new ArgumentException("history has no recorded epochs yet; train first (Fit returns the history).", nameof(history));
        if (epochs is int planned && planned < history.Epochs)
            throw new ArgumentOutOfRangeException(nameof(epochs), planned, $"epochs must be >= the {history.Epochs} recorded epochs.");

        var quantities = history.Keys.Select(k => k.StartsWith("val_", StringComparison.Ordinal) ? k[4..] : k).Distinct().ToList();
        int columns = Math.Min(3, quantities.Count), rows = (quantities.Count + columns - 1) / columns;
        var grid = new SubplotGrid(rows, columns, hGap: 0.08, vGap: 0.18, top: 0.92);
        var fig = new FigureBuilder(title ?? "Training history", height: 380 * rows + 40);
        fig.Layout.With("legend", Props.Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", 1.0), ("yanchor", "bottom")));
        fig.Layout.With("margin", Props.Obj(("t", 100), ("b", 50)));
        int lastEpoch = epochs ?? history.Epochs;
        var epochAxis = Enumerable.Range(1, history.Epochs).ToArray();

        for (int k = 0; k < quantities.Count; k++)
        {
            string q = quantities[k];
            var (x, y) = grid.AddAxes(fig.Layout, k, "epoch", q);
            x.With("range", new[] { 0.5, lastEpoch + 0.5 }).With("tick0", 1).With("dtick", lastEpoch <= 20 ? 1 : (object?)null);
            if (IsBounded(q)) y.With("rangemode", "tozero");
            string xr = SubplotGrid.XRef(k), yr = SubplotGrid.YRef(k);
            string mode = history.Epochs <= 40 ? "lines+markers" : "lines";
            if (history.Contains(q))
                fig.Add(Series(epochAxis, history[q], "training", Palette.Train, null, xr, yr, mode, k == 0, "training"));
            if (history.Contains("val_" + q))
                fig.Add(Series(epochAxis, history["val_" + q], "validation", Palette.Validation, "dash", xr, yr, mode, k == 0, "validation"));

            if (history.BestEpoch is int best)
            {
                fig.Add(Props.Shape("line", best, 0, best, 1, xr, yr + " domain", Props.Line("#444", 1.5, "dot")));
                string monitored = history.Contains("val_" + q) ? "val_" + q : q;
                double value = history[monitored][best - 1];
                fig.Add(Props.Trace("scatter").With("x", new[] { best }).With("y", new[] { value }).With("mode", "markers")
                    .With("marker", Props.Obj(("symbol", "star"), ("size", 14), ("color", "#222")))
                    .With("name", $"best epoch {best}").With("legendgroup", "best").With("showlegend", k == 0)
                    .With("xaxis", xr).With("yaxis", yr)
                    .With("hovertemplate", $"best epoch {best}<br>{monitored} %{{y:.4f}}<extra></extra>"));
                if (k == 0)
                    fig.Add(Props.Annotation($"best epoch {best}", best, 1, xr, yr + " domain", xanchor: "left", yanchor: "top",
                        font: Props.Font(12, "#222")));
            }
        }
        if (history.StopReason is string reason)
            fig.Layout.With("title", Props.Title($"{title ?? "Training history"}<br><sup>{System.Net.WebUtility.HtmlEncode(reason)}</sup>", 18));
        return fig.Build();
    }

    /// <summary>
    /// Compares several training runs on one quantity (say, loss for each learning rate): one colour per run,
    /// training solid and validation dashed.
    /// </summary>
    /// <param name="runs">Run name → its history, drawn in the dictionary's order.</param>
    /// <param name="metric">The quantity, e.g. "loss" or "accuracy" (without "val_").</param>
    /// <param name="includeValidation">Also draw "val_" + metric where recorded.</param>
    /// <param name="logY">Use a logarithmic y axis (losses that span decades).</param>
    /// <param name="title">Figure title; default "{metric} by run".</param>
    /// <exception cref="ArgumentException">No runs, a null history, or a run without <paramref name="metric"/> (the message lists its keys).</exception>
    public static Plot CompareRuns(IReadOnlyDictionary<string, History> runs, string metric = "loss", bool includeValidation = true,
        bool logY = false, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(metric);
        if (runs.Count == 0) throw new ArgumentException("runs must hold at least one history.", nameof(runs));
        var fig = new FigureBuilder(title ?? $"{metric} by run", height: 460);
        fig.Layout.With("xaxis", Props.Axis("epoch")).With("yaxis", Props.Axis(metric).With("type", logY ? "log" : null));
        int maxEpochs = 0, i = 0;
        foreach (var (name, h) in runs)
        {
            if (h is null) throw new ArgumentException($"runs['{name}'] is null.", nameof(runs));
            if (!h.Contains(metric))
                throw new ArgumentException($"runs['{name}'] has no '{metric}'; it has: {string.Join(", ", h.Keys)}.", nameof(metric));
            var epochs = Enumerable.Range(1, h.Epochs).ToArray();
            maxEpochs = Math.Max(maxEpochs, h.Epochs);
            string color = Palette.At(i++);
            string mode = h.Epochs <= 30 ? "lines+markers" : "lines";
            fig.Add(Series(epochs, h[metric], includeValidation && h.Contains("val_" + metric) ? $"{name} (training)" : name,
                color, null, "x", "y", mode, true, name));
            if (includeValidation && h.Contains("val_" + metric))
                fig.Add(Series(epochs, h["val_" + metric], $"{name} (validation)", color, "dash", "x", "y", mode, true, name));
        }
        if (maxEpochs <= 20) ((Plotly.NET.LayoutObjects.LinearAxis)fig.Layout.GetPropertyValue("xaxis")).With("dtick", 1);
        return fig.Build();
    }

    private static Plotly.NET.Trace2D Series(int[] x, IReadOnlyList<double> y, string name, string color, string? dash,
        string xr, string yr, string mode, bool showLegend, string legendGroup) =>
        Props.Trace("scatter").With("x", x).With("y", y.ToArray()).With("mode", mode).With("name", name)
            .With("line", Props.Line(color, 2, dash)).With("marker", Props.Obj(("color", color), ("size", 6)))
            .With("xaxis", xr).With("yaxis", yr).With("legendgroup", legendGroup).With("showlegend", showLegend)
            .With("hovertemplate", $"{name}<br>epoch %{{x}}<br>%{{y:.4f}}<extra></extra>");

    private static bool IsBounded(string quantity) =>
        quantity.Contains("acc", StringComparison.OrdinalIgnoreCase) || quantity.Contains("precision", StringComparison.OrdinalIgnoreCase)
        || quantity.Contains("recall", StringComparison.OrdinalIgnoreCase);

    internal static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
