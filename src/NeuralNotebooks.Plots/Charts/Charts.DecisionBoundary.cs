using NeuralNotebooks.Data;
using NeuralNotebooks.Models;
using NeuralNotebooks.Plots.Building;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>The decision boundary of a trained 2-input model: see <see cref="DecisionBoundary(Func{Matrix, Matrix}, Matrix, IReadOnlyList{int}, int, string?, IReadOnlyList{string}?, string, string)"/>.</summary>
    /// <param name="model">A built model with 2 inputs.</param>
    /// <param name="x">The data points, N × 2.</param>
    /// <param name="y">Their targets: N × 1 (0/1, or class indices) or N × K one-hot.</param>
    /// <param name="resolution">Grid points per axis, in [10, 500].</param>
    /// <param name="title">Figure title; default "Decision boundary".</param>
    /// <param name="classNames">Legend names of the classes; default "class 0", "class 1", ….</param>
    public static Plot DecisionBoundary(Sequential model, Matrix x, Matrix y, int resolution = 100, string? title = null,
        IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(y);
        if (model.IsBuilt && model.InputSize != 2)
            throw new ArgumentException($"model must take 2 inputs to draw a 2-D decision boundary; it takes {model.InputSize}.", nameof(model));
        return DecisionBoundary(m => model.Predict(m), x, LabelsOf(y, nameof(y)), resolution, title, classNames);
    }

    /// <summary>The decision boundary of any 2-input predictor: see the overload taking labels.</summary>
    /// <param name="predict">Maps an M × 2 matrix of points to M × 1 probabilities of class 1 (sigmoid), or M × K class probabilities.</param>
    /// <param name="x">The data points, N × 2.</param>
    /// <param name="y">Their targets: N × 1 (0/1, or class indices) or N × K one-hot.</param>
    /// <param name="resolution">Grid points per axis, in [10, 500].</param>
    /// <param name="title">Figure title; default "Decision boundary".</param>
    /// <param name="classNames">Legend names of the classes.</param>
    public static Plot DecisionBoundary(Func<Matrix, Matrix> predict, Matrix x, Matrix y, int resolution = 100, string? title = null,
        IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        return DecisionBoundary(predict, x, LabelsOf(y, nameof(y)), resolution, title, classNames);
    }

    /// <summary>
    /// The decision boundary of any 2-input predictor over the data's region, with the data points coloured by class.
    /// </summary>
    /// <param name="predict">Maps an M × 2 matrix of points to M × 1 probabilities of class 1 (sigmoid), M × 2
    /// probabilities (column 1 is class 1), or M × K class probabilities (K &gt; 2).</param>
    /// <param name="x">The data points, N × 2.</param>
    /// <param name="labels">Their classes (0, 1, …), one per row of <paramref name="x"/>.</param>
    /// <param name="resolution">Grid points per axis, in [10, 500].</param>
    /// <param name="title">Figure title; default "Decision boundary".</param>
    /// <param name="classNames">Legend names of the classes; default "class 0", "class 1", ….</param>
    /// <param name="xTitle">Horizontal axis title (feature 0).</param>
    /// <param name="yTitle">Vertical axis title (feature 1).</param>
    /// <remarks>
    /// <para>The grid spans the data's range plus 15 % on each side (±0.5 when a feature is constant), evaluated in
    /// one call to <paramref name="predict"/> with resolution² rows.</para>
    /// <para>Binary models: a heatmap of P(class 1) on a blue–white–red scale from 0 to 1 (white = 0.5) and the
    /// P = 0.5 contour as a black line: the decision boundary. Class 0 points are dark blue circles, class 1 dark red diamonds.
    /// Probabilities are kept to 4 decimals (far finer than a colour or the hover's 3 decimals shows): the figure JSON,
    /// saved in notebooks, is 3–4 times smaller than with the 17 digits a float widened to double prints.</para>
    /// <para>K &gt; 2 outputs: the regions of the predicted class (argmax) in pale class colours, points in the same colours.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not N × 2 or empty, labels do not match, or the predictor returns the wrong number of rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is outside [10, 500], or a label is negative.</exception>
    public static Plot DecisionBoundary(Func<Matrix, Matrix> predict, Matrix x, IReadOnlyList<int> labels, int resolution = 100,
        string? title = null, IReadOnlyList<string>? classNames = null, string xTitle = "x₁", string yTitle = "x₂")
    {
        ArgumentNullException.ThrowIfNull(predict);
        RequireDecisionData(x, labels, resolution);

        var fig = new FigureBuilder(title ?? "Decision boundary", height: 560);
        fig.Layout.With("legend", Props.Obj(("x", 1.0), ("xanchor", "left"), ("y", 1.0)));
        var (xAxis, yAxis) = (Props.Axis(xTitle), Props.Axis(yTitle));
        fig.Layout.With("xaxis", xAxis).With("yaxis", yAxis);
        AddDecisionPanel(fig, 0, xAxis, yAxis, predict, x, labels, resolution, classNames, firstPanel: true, colorBar: true);
        return fig.Build();
    }

    /// <summary>Checks the points and labels every decision-boundary chart takes.</summary>
    private static void RequireDecisionData(Matrix x, IReadOnlyList<int> labels, int resolution)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Columns != 2) throw new ArgumentException($"x must have 2 columns (2-D points); it is {x.ShapeText}.", nameof(x));
        if (x.Rows == 0) throw new ArgumentException("x must hold at least one point.", nameof(x));
        if (labels.Count != x.Rows) throw new ArgumentException($"labels has {labels.Count} entries but x has {x.Rows} rows.", nameof(labels));
        if (resolution is < 10 or > 500) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be in [10, 500].");
        for (int i = 0; i < labels.Count; i++)
            if (labels[i] < 0) throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] must be >= 0.");
    }

    /// <summary>
    /// Draws one decision-boundary panel on the axes of grid cell <paramref name="k"/> (heatmap or class regions, the
    /// P = 0.5 contour, the points): the body of <see cref="DecisionBoundary(Func{Matrix, Matrix}, Matrix, IReadOnlyList{int}, int, string?, IReadOnlyList{string}?, string, string)"/>,
    /// shared with <see cref="DecisionBoundaries"/>.
    /// </summary>
    /// <remarks>Panel k's traces use axes "x{k+1}"/"y{k+1}" (<see cref="SubplotGrid"/>); <paramref name="xAxis"/> and
    /// <paramref name="yAxis"/> (already on the layout) get the grid's range and equal scales. <paramref name="firstPanel"/>
    /// shows the legend entries (later panels share them through legend groups); <paramref name="colorBar"/> the P(class 1)
    /// bar; <paramref name="predictName"/> names the predictor in errors.</remarks>
    private static void AddDecisionPanel(FigureBuilder fig, int k, Plotly.NET.LayoutObjects.LinearAxis xAxis, Plotly.NET.LayoutObjects.LinearAxis yAxis,
        Func<Matrix, Matrix> predict, Matrix x, IReadOnlyList<int> labels, int resolution, IReadOnlyList<string>? classNames,
        bool firstPanel, bool colorBar, string predictName = "predict")
    {
        var (x0, x1) = PaddedRange(x, 0);
        var (y0, y1) = PaddedRange(x, 1);
        var gx = Linspace(x0, x1, resolution);
        var gy = Linspace(y0, y1, resolution);
        var grid = new Matrix(resolution * resolution, 2);
        for (int j = 0; j < resolution; j++)
            for (int i = 0; i < resolution; i++)
            {
                grid[j * resolution + i, 0] = (float)gx[i];
                grid[j * resolution + i, 1] = (float)gy[j];
            }
        var output = predict(grid) ?? throw new ArgumentException($"{predictName} returned null.", predictName);
        if (output.Rows != grid.Rows)
            throw new ArgumentException($"{predictName} returned {output.Rows} rows for {grid.Rows} grid points; it must return one row per input row.", predictName);
        if (output.Columns < 1) throw new ArgumentException($"{predictName} returned no columns.", predictName);

        int classes = Math.Max(labels.Count == 0 ? 0 : labels.Max() + 1, output.Columns == 1 ? 2 : output.Columns);
        if (classNames is not null && classNames.Count < classes)
            throw new ArgumentException($"classNames has {classNames.Count} names but there are {classes} classes.", nameof(classNames));
        string Name(int c) => classNames?[c] ?? $"class {c}";

        string xr = SubplotGrid.XRef(k), yr = SubplotGrid.YRef(k);
        xAxis.With("range", new[] { x0, x1 }).With("constrain", "domain");
        yAxis.With("range", new[] { y0, y1 }).With("scaleanchor", xr).With("constrain", "domain");

        var z = new double[resolution][];
        bool binary = output.Columns <= 2;
        for (int j = 0; j < resolution; j++)
        {
            z[j] = new double[resolution];
            for (int i = 0; i < resolution; i++)
            {
                int r = j * resolution + i;
                z[j][i] = output.Columns switch
                {
                    1 => Math.Round(output[r, 0], 4),
                    2 => Math.Round(output[r, 1], 4),
                    _ => Labels.ArgmaxOf(output.Row(r)),
                };
            }
        }

        if (binary)
        {
            fig.Add(Props.Trace("heatmap").With("x", gx).With("y", gy).With("z", z).With("zmin", 0.0).With("zmax", 1.0).With("zmid", 0.5)
                .With("colorscale", Palette.DivergingLight).With("name", "P(class 1)").With("showscale", colorBar)
                .With("colorbar", colorBar ? Props.Obj(("title", Props.Obj(("text", "P(class 1)"))), ("x", 1.02), ("len", 0.75), ("y", 0.4)) : null)
                .With("xaxis", xr).With("yaxis", yr)
                .With("hovertemplate", "x₁ %{x:.2f}<br>x₂ %{y:.2f}<br>P(class 1) %{z:.3f}<extra></extra>"));
            fig.Add(Props.Trace("contour").With("x", gx).With("y", gy).With("z", z).With("autocontour", false)
                .With("contours", Props.Obj(("start", 0.5), ("end", 0.5), ("size", 1.0), ("coloring", "lines")))
                .With("line", Props.Line("#000", 2.5)).With("colorscale", Props.ColorScale((0.0, "#000000"), (1.0, "#000000"))).With("showscale", false).With("name", "P = 0.5 (boundary)")
                .With("legendgroup", "boundary").With("showlegend", firstPanel).With("hoverinfo", "skip").With("xaxis", xr).With("yaxis", yr));
        }
        else
        {
            var scale = new List<object[]>();
            for (int c = 0; c < classes; c++)
            {
                string pale = Pale(Palette.At(c));
                scale.Add(new object[] { (double)c / classes, pale });
                scale.Add(new object[] { (double)(c + 1) / classes, pale });
            }
            fig.Add(Props.Trace("heatmap").With("x", gx).With("y", gy).With("z", z).With("zmin", -0.5).With("zmax", classes - 0.5)
                .With("colorscale", scale.ToArray()).With("showscale", false).With("name", "predicted class").With("xaxis", xr).With("yaxis", yr)
                .With("hovertemplate", "x₁ %{x:.2f}<br>x₂ %{y:.2f}<br>predicted class %{z}<extra></extra>"));
        }

        double size = x.Rows <= 50 ? 13 : x.Rows <= 500 ? 8 : 5;
        for (int c = 0; c < classes; c++)
        {
            var idx = Enumerable.Range(0, x.Rows).Where(i => labels[i] == c).ToArray();
            if (idx.Length == 0) continue;
            string color = binary ? (c == 0 ? Palette.DarkBlue : c == 1 ? Palette.DarkRed : Palette.At(c)) : Palette.At(c);
            fig.Add(Props.Trace("scatter").With("x", idx.Select(i => (double)x[i, 0]).ToArray()).With("y", idx.Select(i => (double)x[i, 1]).ToArray())
                .With("mode", "markers").With("name", Name(c)).With("legendgroup", Name(c)).With("showlegend", firstPanel).With("xaxis", xr).With("yaxis", yr)
                .With("marker", Props.Obj(("color", color), ("size", size), ("symbol", c == 1 ? "diamond" : "circle"), ("line", Props.Obj(("color", "#fff"), ("width", 1.5))))));
        }
    }

    private static (double Lo, double Hi) PaddedRange(Matrix x, int column)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < x.Rows; i++)
        {
            double v = x[i, column];
            if (!double.IsFinite(v)) throw new ArgumentException($"x[{i}, {column}] is {v}; points must be finite.", nameof(x));
            lo = Math.Min(lo, v); hi = Math.Max(hi, v);
        }
        double pad = hi > lo ? 0.15 * (hi - lo) : 0.5;
        return (lo - pad, hi + pad);
    }

    private static double[] Linspace(double lo, double hi, int n) =>
        Enumerable.Range(0, n).Select(i => lo + (hi - lo) * i / (n - 1)).ToArray();

    /// <summary>The colour mixed 70 % towards white.</summary>
    private static string Pale(string hex)
    {
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        int Mix(int v) => (int)Math.Round(v + 0.7 * (255 - v));
        return $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}";
    }
}
