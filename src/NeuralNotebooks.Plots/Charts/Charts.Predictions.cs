using NeuralNotebooks.Data;
using NeuralNotebooks.Plots.Building;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>Colour of the true class's bar and of a right caption.</summary>
    public const string RightColor = "#1f4fd1";

    /// <summary>Colour of a wrongly predicted class's bar and of a wrong caption.</summary>
    public const string WrongColor = "#d62728";

    /// <summary>
    /// The class probabilities of one prediction as bars: the predicted class red, the true class blue (blue wins
    /// when they are the same, i.e. the prediction is right), the others gray — the Keras Fashion-MNIST tutorial's
    /// <c>plot_value_array</c>.
    /// </summary>
    /// <param name="probabilities">One probability per class (a softmax output row).</param>
    /// <param name="trueLabel">The true class index.</param>
    /// <param name="classNames">Bar labels; default the class indices.</param>
    /// <param name="title">Figure title; default "predicted P% (true)" like the image captions.</param>
    /// <exception cref="ArgumentException">No probabilities, names that do not match, or a non-finite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">trueLabel is not a class index.</exception>
    public static Plot ClassProbabilities(IReadOnlyList<float> probabilities, int trueLabel, IReadOnlyList<string>? classNames = null, string? title = null)
    {
        var p = CheckProbabilities(probabilities, trueLabel, classNames);
        int predicted = Labels.ArgmaxOf(p);
        var names = NamesOrIndices(classNames, p.Length);
        var fig = new FigureBuilder(title ?? Caption(p, trueLabel, names), width: Math.Max(420, 60 * p.Length + 120), height: 380);
        fig.Layout.With("title", Props.Title(title ?? Caption(p, trueLabel, names), 16)
            .With("font", Props.Font(16, predicted == trueLabel ? RightColor : WrongColor)));
        fig.Add(Bars(p, trueLabel, names, "x", "y"));
        fig.Layout.With("xaxis", Props.Axis("class").With("type", "category").With("tickangle", names.Any(n => n.Length > 3) ? -35 : 0))
            .With("yaxis", Props.Axis("probability").With("range", new[] { 0.0, 1.0 }));
        return fig.Build();
    }

    /// <summary>
    /// The Fashion-MNIST tutorial's prediction grid: each image next to its class-probability bars; the caption under
    /// the image reads "predicted confidence% (true)", blue when right and red when wrong.
    /// </summary>
    /// <param name="images">One flattened image per row (N × 784).</param>
    /// <param name="probabilities">The model's output for them (N × K, softmax rows).</param>
    /// <param name="labels">The true classes (N).</param>
    /// <param name="classNames">K class names.</param>
    /// <param name="rows">Grid rows, in [1, 20].</param>
    /// <param name="columns">Image+bars pairs per row, in [1, 8].</param>
    /// <param name="title">Figure title.</param>
    /// <remarks>Shows the first rows × columns samples (fewer if there are fewer); pick interesting ones beforehand
    /// with <c>Matrix.SelectRows</c>, e.g. the misclassified.</remarks>
    /// <exception cref="ArgumentException">Row counts differ, K differs from the class names, or an image is not square.</exception>
    /// <exception cref="ArgumentOutOfRangeException">rows/columns out of range, or a label is not a class index.</exception>
    public static Plot PredictionGrid(Matrix images, Matrix probabilities, IReadOnlyList<int> labels, IReadOnlyList<string> classNames,
        int rows = 5, int columns = 3, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (rows is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be in [1, 20].");
        if (columns is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be in [1, 8].");
        if (images.Rows == 0) throw new ArgumentException("images holds no image.", nameof(images));
        if (probabilities.Rows != images.Rows)
            throw new ArgumentException($"probabilities has {probabilities.Rows} rows but images has {images.Rows}.", nameof(probabilities));
        if (labels.Count != images.Rows) throw new ArgumentException($"labels has {labels.Count} entries but images has {images.Rows} rows.", nameof(labels));
        if (classNames.Count != probabilities.Columns)
            throw new ArgumentException($"classNames has {classNames.Count} names but probabilities has {probabilities.Columns} columns.", nameof(classNames));

        int n = Math.Min(rows * columns, images.Rows);
        int gridRows = (n + columns - 1) / columns;
        double cellW = 170, cellH = 170, captionH = 30, top = title is null ? 20 : 60;
        double figW = columns * 2 * cellW + 40, figH = gridRows * (cellH + captionH) + top + 10;
        var grid = new SubplotGrid(gridRows, 2 * columns, hGap: 18 / figW, vGap: captionH / figH, top: 1 - top / figH);
        var fig = new FigureBuilder(title, width: (int)figW, height: (int)figH);
        fig.Layout.With("margin", Props.Obj(("l", 20), ("r", 20), ("t", top), ("b", captionH))).With("showlegend", false).With("bargap", 0.15);
        var names = classNames.ToArray();
        for (int s = 0; s < n; s++)
        {
            var p = CheckProbabilities(probabilities.Row(s).ToArray(), labels[s], names, $"{nameof(probabilities)} row {s}");
            int imageCell = (s / columns) * 2 * columns + (s % columns) * 2, barCell = imageCell + 1;
            var z = ImageRows(images.Row(s).ToArray(), null, nameof(images));
            fig.Add(ImageTrace(z, ImageColors.Binary, SubplotGrid.XRef(imageCell), SubplotGrid.YRef(imageCell)).With("showscale", false));
            var (ix, iy) = ImageAxes(z[0].Length, z.Length, SubplotGrid.XRef(imageCell));
            PlaceAxes(fig, grid, imageCell, ix, iy);
            bool right = Labels.ArgmaxOf(p) == labels[s];
            fig.Add(CellCaption(grid, imageCell, Caption(p, labels[s], names), right ? RightColor : WrongColor, 12));

            fig.Add(Bars(p, labels[s], names, SubplotGrid.XRef(barCell), SubplotGrid.YRef(barCell)));
            var (bx, by) = grid.AddAxes(fig.Layout, barCell);
            bx.With("type", "category").With("showticklabels", false).With("ticks", "");
            by.With("range", new[] { 0.0, 1.0 }).With("showticklabels", false).With("dtick", 0.5);
        }
        return fig.Build();
    }

    private static Plotly.NET.Trace2D Bars(double[] p, int trueLabel, string[] names, string xr, string yr)
    {
        int predicted = Labels.ArgmaxOf(p);
        var colors = Enumerable.Repeat(Palette.Gray, p.Length).ToArray();
        colors[predicted] = WrongColor;
        colors[trueLabel] = RightColor;
        return Props.Trace("bar").With("x", names).With("y", p).With("marker", Props.Obj(("color", colors)))
            .With("xaxis", xr).With("yaxis", yr).With("name", "probability")
            .With("hovertemplate", "%{x}: %{y:.1%}<extra></extra>");
    }

    /// <summary>"Shirt 87% (T-shirt/top)": the predicted class, its probability, and the true class.</summary>
    private static string Caption(double[] p, int trueLabel, string[] names)
    {
        int predicted = Labels.ArgmaxOf(p);
        return $"{names[predicted]} {Percent(p[predicted])} ({names[trueLabel]})";
    }

    private static double[] CheckProbabilities(IReadOnlyList<float> probabilities, int trueLabel, IReadOnlyList<string>? classNames,
        string what = "probabilities")
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0) throw new ArgumentException($"{what} is empty.", nameof(probabilities));
        if (classNames is not null && classNames.Count != probabilities.Count)
            throw new ArgumentException($"classNames has {classNames.Count} names but {what} has {probabilities.Count} classes.", nameof(classNames));
        if (trueLabel < 0 || trueLabel >= probabilities.Count)
            throw new ArgumentOutOfRangeException(nameof(trueLabel), trueLabel, $"the true label must be a class index in [0, {probabilities.Count - 1}].");
        var p = new double[probabilities.Count];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = probabilities[i];
            if (!double.IsFinite(p[i])) throw new ArgumentException($"{what}[{i}] is {p[i]}; probabilities must be finite.", nameof(probabilities));
        }
        return p;
    }

    private static string[] NamesOrIndices(IReadOnlyList<string>? names, int k) =>
        names?.ToArray() ?? Enumerable.Range(0, k).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
