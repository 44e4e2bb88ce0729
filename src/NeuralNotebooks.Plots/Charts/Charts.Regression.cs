using NeuralNotebooks.Plots.Building;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>Actual vs predicted values from two matrices of the same shape (every entry is one point).</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Plot ActualVsPredicted(Matrix actual, Matrix predicted, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        Matrix.RequireSameShape(actual, predicted, nameof(predicted));
        int n = actual.Rows * actual.Columns;
        return ActualVsPredicted(actual.Span[..n].ToArray().Select(v => (double)v).ToArray(),
            predicted.Span[..n].ToArray().Select(v => (double)v).ToArray(), title);
    }

    /// <summary>
    /// Actual vs predicted values (regression): one point per sample and the diagonal y = x where a perfect model's
    /// points would lie; both axes share one scale.
    /// </summary>
    /// <param name="actual">True values.</param>
    /// <param name="predicted">The model's predictions, same count.</param>
    /// <param name="title">Figure title; default "Actual vs predicted".</param>
    /// <remarks>The title's subtitle line gives the mean absolute error and R² = 1 − SS_res/SS_tot
    /// (R² is omitted when all actual values are equal).</remarks>
    /// <exception cref="ArgumentException">The counts differ or are zero, or a value is not finite.</exception>
    public static Plot ActualVsPredicted(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0) throw new ArgumentException("actual must hold at least one value.", nameof(actual));
        if (predicted.Count != actual.Count)
            throw new ArgumentException($"predicted has {predicted.Count} values but actual has {actual.Count}.", nameof(predicted));
        for (int i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(actual[i])) throw new ArgumentException($"actual[{i}] is {actual[i]}; values must be finite.", nameof(actual));
            if (!double.IsFinite(predicted[i])) throw new ArgumentException($"predicted[{i}] is {predicted[i]}; values must be finite.", nameof(predicted));
        }
        double lo = Math.Min(actual.Min(), predicted.Min()), hi = Math.Max(actual.Max(), predicted.Max());
        double pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
        lo -= pad; hi += pad;

        double mean = actual.Average();
        double ssRes = 0, ssTot = 0, mae = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            ssRes += Math.Pow(actual[i] - predicted[i], 2);
            ssTot += Math.Pow(actual[i] - mean, 2);
            mae += Math.Abs(actual[i] - predicted[i]);
        }
        mae /= actual.Count;
        string stats = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MAE {mae:0.####}")
            + (ssTot > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" · R² {1 - ssRes / ssTot:0.###}") : "");
        var fig = new FigureBuilder(null, height: 560);
        fig.Layout.With("title", Props.Title($"{title ?? "Actual vs predicted"}<br><sup>{stats}</sup>", 18));
        fig.Layout.With("xaxis", Props.Axis("actual").With("range", new[] { lo, hi }).With("constrain", "domain"))
            .With("yaxis", Props.Axis("predicted").With("range", new[] { lo, hi }).With("scaleanchor", "x").With("constrain", "domain"));
        fig.Add(Props.Trace("scatter").With("x", new[] { lo, hi }).With("y", new[] { lo, hi }).With("mode", "lines")
            .With("name", "perfect prediction (y = x)").With("line", Props.Line("#888", 1.5, "dash")).With("hoverinfo", "skip"));
        fig.Add(Props.Trace("scatter").With("x", actual.ToArray()).With("y", predicted.ToArray()).With("mode", "markers").With("name", "samples")
            .With("marker", Props.Obj(("color", Palette.Train), ("size", actual.Count <= 200 ? 8 : 5), ("opacity", 0.75)))
            .With("hovertemplate", "actual %{x:.4f}<br>predicted %{y:.4f}<extra></extra>"));
        return fig.Build();
    }
}
