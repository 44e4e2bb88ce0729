using NeuralNotebooks.Plots.Building;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// Several decision boundaries side by side, one panel per predictor, over the same points — to compare models
    /// (a line vs a hidden layer, a small vs a large network) at a glance.
    /// </summary>
    /// <param name="panels">Panel title → predictor, drawn left to right in the dictionary's order (at most 4 per row).
    /// Each predictor maps an M × 2 matrix of points to M × 1 probabilities of class 1, or M × K class probabilities.</param>
    /// <param name="x">The data points, N × 2, shown in every panel.</param>
    /// <param name="labels">Their classes (0, 1, …).</param>
    /// <param name="resolution">Grid points per axis in each panel, in [10, 500].</param>
    /// <param name="title">Figure title; default "Decision boundaries".</param>
    /// <param name="classNames">Legend names of the classes.</param>
    /// <remarks>Each panel is drawn exactly as <see cref="DecisionBoundary(Func{Matrix, Matrix}, Matrix, IReadOnlyList{int}, int, string?, IReadOnlyList{string}?, string, string)"/>
    /// draws its single one (same grid, colours and P = 0.5 line, points 40 % smaller); the legend and the colour bar are
    /// shown once.</remarks>
    /// <exception cref="ArgumentException">No panels or more than 12, a null predictor, or the data problems the single chart reports.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="resolution"/> is outside [10, 500], or a label is negative.</exception>
    public static Plot DecisionBoundaries(IReadOnlyDictionary<string, Func<Matrix, Matrix>> panels, Matrix x, IReadOnlyList<int> labels,
        int resolution = 80, string? title = null, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count is 0 or > 12) throw new ArgumentException($"panels must hold 1 to 12 predictors; it holds {panels.Count}.", nameof(panels));
        foreach (var (name, p) in panels)
            if (p is null) throw new ArgumentException($"panels['{name}'] is null.", nameof(panels));
        RequireDecisionData(x, labels, resolution);

        int columns = Math.Min(4, panels.Count), rows = (panels.Count + columns - 1) / columns;
        var grid = new SubplotGrid(rows, columns, hGap: 0.06, vGap: 0.14, top: 0.88);
        var fig = new FigureBuilder(title ?? "Decision boundaries", height: 90 + 380 * rows);
        fig.Layout.With("legend", Props.Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.2 / rows), ("yanchor", "top")));
        fig.Layout.With("margin", Props.Obj(("t", 90), ("b", 110)));
        int k = 0;
        foreach (var (name, predict) in panels)
        {
            var (xAxis, yAxis) = grid.AddAxes(fig.Layout, k, "x₁", k % columns == 0 ? "x₂" : null);
            fig.Add(grid.CellTitle(k, name));
            AddDecisionPanel(fig, k, xAxis, yAxis, predict, x, labels, resolution, classNames, firstPanel: k == 0,
                colorBar: k == panels.Count - 1, predictName: $"panels['{name}']", markerScale: 0.6);
            k++;
        }
        return fig.Build();
    }
}
