using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace NeuralNotebooks.Plots.Building;

/// <summary>Places a rows × columns grid of axis pairs on a layout, with explicit domains.</summary>
/// <remarks>
/// Cell k (0-based, row-major, row 0 at the top) uses plotly's axes "x{k+1}"/"y{k+1}" (the first is plain "x"/"y").
/// Gaps are fractions of the figure. Explicit domains (rather than layout.grid) let cells have titles placed
/// above them as annotations and let image cells keep square pixels.
/// </remarks>
internal sealed class SubplotGrid
{
    private readonly double _hGap, _vGap, _top;

    public SubplotGrid(int rows, int columns, double hGap = 0.08, double vGap = 0.12, double top = 1.0)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be >= 1.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be >= 1.");
        Rows = rows; Columns = columns; _hGap = hGap; _vGap = vGap; _top = top;
    }

    public int Rows { get; }
    public int Columns { get; }
    public int Count => Rows * Columns;

    /// <summary>"x", "x2", … — the trace reference of cell k.</summary>
    public static string XRef(int k) => k == 0 ? "x" : $"x{k + 1}";

    /// <summary>"y", "y2", …</summary>
    public static string YRef(int k) => k == 0 ? "y" : $"y{k + 1}";

    /// <summary>"xaxis", "xaxis2", … — the layout key of cell k's x axis.</summary>
    public static string XKey(int k) => k == 0 ? "xaxis" : $"xaxis{k + 1}";

    /// <summary>"yaxis", "yaxis2", …</summary>
    public static string YKey(int k) => k == 0 ? "yaxis" : $"yaxis{k + 1}";

    /// <summary>The horizontal domain [x0, x1] of cell k.</summary>
    public (double X0, double X1) XDomain(int k)
    {
        int c = k % Columns;
        double w = (1.0 - _hGap * (Columns - 1)) / Columns;
        double x0 = c * (w + _hGap);
        return (x0, Math.Min(1.0, x0 + w));
    }

    /// <summary>The vertical domain [y0, y1] of cell k (row 0 at the top).</summary>
    public (double Y0, double Y1) YDomain(int k)
    {
        int r = k / Columns;
        double h = (_top - _vGap * (Rows - 1)) / Rows;
        double y1 = _top - r * (h + _vGap);
        return (Math.Max(0.0, y1 - h), y1);
    }

    /// <summary>Creates cell k's axes, anchored to each other, on <paramref name="layout"/>, and returns them to style further.</summary>
    public (LinearAxis X, LinearAxis Y) AddAxes(Layout layout, int k, string? xTitle = null, string? yTitle = null)
    {
        var (x0, x1) = XDomain(k);
        var (y0, y1) = YDomain(k);
        var x = Props.Axis(xTitle).With("domain", new[] { x0, x1 }).With("anchor", YRef(k));
        var y = Props.Axis(yTitle).With("domain", new[] { y0, y1 }).With("anchor", XRef(k));
        layout.SetProperty(XKey(k), x);
        layout.SetProperty(YKey(k), y);
        return (x, y);
    }

    /// <summary>A centred title annotation just above cell k.</summary>
    public Annotation CellTitle(int k, string text, double fontSize = 14, string? color = null)
    {
        var (x0, x1) = XDomain(k);
        var (_, y1) = YDomain(k);
        return Props.Annotation(text, (x0 + x1) / 2, y1, "paper", "paper", xanchor: "center", yanchor: "bottom",
            font: Props.Font(fontSize, color));
    }
}
