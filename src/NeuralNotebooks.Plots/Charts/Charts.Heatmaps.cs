using System.Globalization;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Plots.Building;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>The largest matrix (rows × columns) whose values are written in its cells by default.</summary>
    public const int AnnotateCellLimit = 400;

    /// <summary>The kernel (weight matrix, inputs × units) of a built Dense layer: see <see cref="Weights(Matrix, string?, bool?, string, string)"/>.</summary>
    public static Plot Weights(Dense layer, string? title = null, bool? annotate = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!layer.IsBuilt) throw new ArgumentException($"layer '{layer.Name}' is not built yet: add it to a model with an Input, or fit the model.", nameof(layer));
        var k = layer.Kernel;
        return Weights(k, title ?? $"{(layer.Name.Length > 0 ? layer.Name : "Dense")} weights {k.ShapeText}", annotate);
    }

    /// <summary>
    /// A weight matrix as a heatmap on a diverging scale centred on 0 (blue negative, white 0, red positive), row 0 at
    /// the top as the matrix is written.
    /// </summary>
    /// <param name="weights">The matrix, e.g. a Dense kernel (rows = inputs, columns = units).</param>
    /// <param name="title">Figure title; default "Weights (r, c)".</param>
    /// <param name="annotate">Write each value (2 decimals) in its cell; default: when the matrix has at most
    /// <see cref="AnnotateCellLimit"/> cells (20 × 20).</param>
    /// <param name="xTitle">Column axis title.</param>
    /// <param name="yTitle">Row axis title.</param>
    /// <remarks>The colour range is symmetric, ±max|w|, so equal magnitudes get equal intensity; <c>zmid = 0</c>.
    /// Small matrices (both sides ≤ 20) get square cells.</remarks>
    /// <exception cref="ArgumentException">The matrix is empty or holds a non-finite value.</exception>
    public static Plot Weights(Matrix weights, string? title = null, bool? annotate = null, string xTitle = "unit (column)", string yTitle = "input (row)")
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Rows == 0 || weights.Columns == 0) throw new ArgumentException($"weights is empty {weights.ShapeText}.", nameof(weights));
        double maxAbs = 0;
        var z = new double[weights.Rows][];
        for (int r = 0; r < weights.Rows; r++)
        {
            z[r] = RowAsDoubles(weights, r);
            foreach (var v in z[r])
            {
                if (!double.IsFinite(v)) throw new ArgumentException($"weights holds {v} in row {r}; values must be finite.", nameof(weights));
                maxAbs = Math.Max(maxAbs, Math.Abs(v));
            }
        }
        if (maxAbs == 0) maxAbs = 1;
        bool small = weights.Rows <= 20 && weights.Columns <= 20;
        bool writeValues = annotate ?? weights.Rows * weights.Columns <= AnnotateCellLimit;

        var fig = new FigureBuilder(title ?? $"Weights {weights.ShapeText}", height: small ? Math.Max(360, 60 * weights.Rows + 160) : 600);
        var trace = fig.Add(Props.Trace("heatmap").With("z", z)
            .With("x", Enumerable.Range(0, weights.Columns).ToArray()).With("y", Enumerable.Range(0, weights.Rows).ToArray())
            .With("colorscale", Palette.Diverging).With("zmid", 0.0).With("zmin", -maxAbs).With("zmax", maxAbs)
            .With("colorbar", Props.Obj(("title", Props.Obj(("text", "weight")))))
            .With("hovertemplate", "row %{y}, column %{x}<br>%{z:.4f}<extra></extra>"));
        if (writeValues) trace.With("texttemplate", "%{z:.2f}").With("textfont", Props.Font(small ? 12 : 9));
        var x = Props.Axis(xTitle).With("side", "top").With("dtick", weights.Columns <= 30 ? 1 : (object?)null).With("constrain", small ? "domain" : null);
        var y = Props.Axis(yTitle).With("autorange", "reversed").With("dtick", weights.Rows <= 30 ? 1 : (object?)null);
        if (small) y.With("scaleanchor", "x").With("constrain", "domain");
        fig.Layout.With("xaxis", x).With("yaxis", y).With("margin", Props.Obj(("t", 130)));
        fig.Layout.With("title", Props.Title(title ?? $"Weights {weights.ShapeText}", 18).With("y", 0.97).With("yanchor", "top"));
        return fig.Build();
    }

    /// <summary>The confusion matrix computed by <see cref="Metrics.ConfusionMatrix.Compute"/>, drawn as counts and row-normalised.</summary>
    public static Plot ConfusionMatrix(Metrics.ConfusionMatrix matrix, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return ConfusionMatrix(matrix.Counts, matrix.ClassNames, title);
    }

    /// <summary>
    /// A confusion matrix twice, side by side: the counts, and each row divided by its total (the share of each true
    /// class predicted as each class, so the diagonal is per-class recall). Cells are annotated; class names label
    /// both axes: true class down the side (first class on top), predicted class along the top.
    /// </summary>
    /// <param name="counts">counts[t, p] = samples of true class t predicted as p (square, non-negative).</param>
    /// <param name="classNames">Class names, one per row; default "0", "1", ….</param>
    /// <param name="title">Figure title; default "Confusion matrix".</param>
    /// <remarks>Rows with no samples are left at 0 in the normalised panel. Annotated when there are at most 30 classes.
    /// This takes plain arrays so any confusion-matrix type can be drawn: pass its Counts and ClassNames.</remarks>
    /// <exception cref="ArgumentException">counts is empty, not square, holds a negative count, or the names do not
    /// match its size or repeat.</exception>
    public static Plot ConfusionMatrix(int[,] counts, IReadOnlyList<string>? classNames = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int k = counts.GetLength(0);
        if (k == 0 || counts.GetLength(1) != k)
            throw new ArgumentException($"counts must be a non-empty square matrix; it is {counts.GetLength(0)} × {counts.GetLength(1)}.", nameof(counts));
        var names = classNames?.ToArray() ?? Enumerable.Range(0, k).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Length != k) throw new ArgumentException($"classNames has {names.Length} names but counts is {k} × {k}.", nameof(classNames));
        if (names.Any(string.IsNullOrEmpty)) throw new ArgumentException("classNames contains a null or empty name.", nameof(classNames));
        if (names.Distinct(StringComparer.Ordinal).Count() != k) throw new ArgumentException("classNames must be distinct (they label the axes).", nameof(classNames));

        var z = new int[k][];
        var norm = new double[k][];
        for (int t = 0; t < k; t++)
        {
            z[t] = new int[k];
            norm[t] = new double[k];
            long total = 0;
            for (int p = 0; p < k; p++)
            {
                if (counts[t, p] < 0) throw new ArgumentException($"counts[{t}, {p}] is {counts[t, p]}; counts must be >= 0.", nameof(counts));
                z[t][p] = counts[t, p];
                total += counts[t, p];
            }
            for (int p = 0; p < k; p++) norm[t][p] = total == 0 ? 0 : (double)counts[t, p] / total;
        }

        bool annotate = k <= 30;
        var grid = new SubplotGrid(1, 2, hGap: 0.16, top: 0.86);
        int side = Math.Clamp(42 * k, 260, 620);
        var fig = new FigureBuilder(title ?? "Confusion matrix", width: 2 * side + 320, height: side + 220);
        fig.Layout.With("margin", Props.Obj(("l", 110), ("r", 40), ("t", 110), ("b", 60)));
        string[] panelTitles = { "counts", "share of each true class (row-normalised)" };
        for (int c = 0; c < 2; c++)
        {
            var (x, y) = grid.AddAxes(fig.Layout, c, "predicted", c == 0 ? "true" : null);
            x.With("type", "category").With("tickangle", k > 6 ? -45 : 0).With("side", "bottom").With("constrain", "domain");
            y.With("type", "category").With("autorange", "reversed").With("scaleanchor", SubplotGrid.XRef(c)).With("constrain", "domain");
            fig.Add(grid.CellTitle(c, panelTitles[c], 13));
        }
        var counted = fig.Add(Props.Trace("heatmap").With("z", z).With("x", names).With("y", names).With("xaxis", "x").With("yaxis", "y")
            .With("colorscale", Palette.Blues).With("zmin", 0).With("showscale", false).With("name", "counts")
            .With("hovertemplate", "true %{y}<br>predicted %{x}<br>%{z} samples<extra></extra>"));
        var shared = fig.Add(Props.Trace("heatmap").With("z", norm).With("x", names).With("y", names).With("xaxis", "x2").With("yaxis", "y2")
            .With("colorscale", Palette.Blues).With("zmin", 0.0).With("zmax", 1.0).With("name", "row-normalised")
            .With("colorbar", Props.Obj(("title", Props.Obj(("text", "share"))), ("tickformat", ".0%")))
            .With("hovertemplate", "true %{y}<br>predicted %{x}<br>%{z:.1%} of the true class<extra></extra>"));
        if (annotate)
        {
            counted.With("texttemplate", "%{z}").With("textfont", Props.Font(k <= 10 ? 13 : 9));
            shared.With("texttemplate", "%{z:.0%}").With("textfont", Props.Font(k <= 10 ? 13 : 9));
        }
        return fig.Build();
    }
}
