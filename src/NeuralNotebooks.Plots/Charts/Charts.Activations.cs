using NeuralNotebooks.Activations;
using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>Activation functions and their derivatives over [−5, 5]: <c>Charts.Activations("sigmoid", "tanh", "relu")</c>.</summary>
    public static Plot Activations(params Activation[] activations) => Activations((IEnumerable<Activation>)activations);

    /// <summary>
    /// Activation functions f (left panel) and their derivatives f′ (right panel), computed with
    /// <see cref="Activation.Value"/> and <see cref="Activation.Derivative"/>; one colour per function in both panels.
    /// </summary>
    /// <param name="activations">The functions; names convert implicitly ("relu").</param>
    /// <param name="min">Left end of the x range.</param>
    /// <param name="max">Right end of the x range.</param>
    /// <param name="points">Samples over the range, in [10, 10 000] (odd counts include x = 0 when the range is symmetric).</param>
    /// <param name="title">Figure title; default "Activation functions and their derivatives".</param>
    /// <remarks>A function without a usable derivative (step) is drawn in the left panel only, its legend entry
    /// saying "no derivative". Softmax is rejected: it is not element-wise, so f(x) of one number means nothing.</remarks>
    /// <exception cref="ArgumentException">No functions, a null entry, or softmax.</exception>
    /// <exception cref="ArgumentOutOfRangeException">min ≥ max, a bound is not finite, or points is outside [10, 10 000].</exception>
    public static Plot Activations(IEnumerable<Activation> activations, double min = -5, double max = 5, int points = 201, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(activations);
        var list = activations.ToList();
        if (list.Count == 0) throw new ArgumentException("activations must name at least one function.", nameof(activations));
        if (list.Any(a => a is null)) throw new ArgumentException("activations contains null.", nameof(activations));
        if (list.FirstOrDefault(a => a is Softmax) is { } sm)
            throw new ArgumentException($"'{sm.Name}' is not element-wise (it normalises a whole row), so it has no f(x) curve to draw.", nameof(activations));
        RequireFinite(min, nameof(min));
        RequireFinite(max, nameof(max));
        if (min >= max) throw new ArgumentOutOfRangeException(nameof(min), min, $"min must be < max ({max}).");
        if (points is < 10 or > 10_000) throw new ArgumentOutOfRangeException(nameof(points), points, "points must be in [10, 10000].");

        var xs = Linspace(min, max, points);
        var grid = new SubplotGrid(1, 2, hGap: 0.1, top: 0.86);
        var fig = new FigureBuilder(title ?? "Activation functions and their derivatives", height: 500);
        fig.Layout.With("legend", Props.Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.2), ("yanchor", "top")));
        fig.Layout.With("margin", Props.Obj(("b", 110)));
        grid.AddAxes(fig.Layout, 0, "x", "f(x)");
        grid.AddAxes(fig.Layout, 1, "x", "f′(x)");
        fig.Add(grid.CellTitle(0, "f(x)"));
        fig.Add(grid.CellTitle(1, "f′(x)"));
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            string color = Palette.At(i);
            double[]? d;
            try { d = xs.Select(a.Derivative).ToArray(); }
            catch (NotSupportedException) { d = null; }
            string name = d is null ? $"{a.Name} (no derivative)" : a.Name;
            fig.Add(Props.Trace("scatter").With("x", xs).With("y", xs.Select(a.Value).ToArray()).With("mode", "lines").With("name", name)
                .With("line", Props.Line(color, 2.5)).With("legendgroup", a.Name).With("xaxis", "x").With("yaxis", "y")
                .With("hovertemplate", $"{a.Name}(%{{x:.2f}}) = %{{y:.4f}}<extra></extra>"));
            if (d is not null)
                fig.Add(Props.Trace("scatter").With("x", xs).With("y", d).With("mode", "lines").With("name", a.Name + "′")
                    .With("line", Props.Line(color, 2.5, "dash")).With("legendgroup", a.Name).With("showlegend", false)
                    .With("xaxis", "x2").With("yaxis", "y2")
                    .With("hovertemplate", $"{a.Name}′(%{{x:.2f}}) = %{{y:.4f}}<extra></extra>"));
        }
        return fig.Build();
    }
}
