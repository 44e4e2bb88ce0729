using NeuralNotebooks.Plots.Building;
using NeuralNotebooks.Tensors;
using Plotly.NET.LayoutObjects;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>Image number <paramref name="row"/> of a dataset matrix (one flattened image per row, e.g. N × 784).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the matrix.</exception>
    public static Plot Image(Matrix images, int row, string? title = null, bool colorBar = false, ImageColors colors = ImageColors.Binary, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (row < 0 || row >= images.Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be in [0, {images.Rows - 1}].");
        return Image(images.Row(row).ToArray(), title, colorBar, colors, width);
    }

    /// <summary>
    /// One grayscale image from its flattened pixels (row after row, values in [0, 1]), drawn the right way up
    /// (pixel row 0 at the top) with square pixels.
    /// </summary>
    /// <param name="pixels">The pixels, e.g. 784 for a 28 × 28 image.</param>
    /// <param name="title">Figure title, e.g. the label.</param>
    /// <param name="colorBar">Show the colour bar (the Keras tutorial's first look at a raw image).</param>
    /// <param name="colors">Ink colours; default dark on white.</param>
    /// <param name="width">Pixels per row; default: the square root of the pixel count, which must then be a square.</param>
    /// <remarks>Values outside [0, 1] are drawn with the end colours (the scale is fixed to [0, 1], so images compare).</remarks>
    /// <exception cref="ArgumentException">No pixels, a count that is not width × height, or a non-finite value.</exception>
    public static Plot Image(IReadOnlyList<float> pixels, string? title = null, bool colorBar = false, ImageColors colors = ImageColors.Binary, int? width = null)
    {
        var z = ImageRows(pixels, width, nameof(pixels));
        int h = z.Length, w = z[0].Length;
        var fig = new FigureBuilder(title, width: colorBar ? 520 : 440, height: 460);
        fig.Layout.With("margin", Props.Obj(("l", 30), ("r", 30), ("t", title is null ? 30 : 60), ("b", 30)));
        fig.Add(ImageTrace(z, colors, "x", "y").With("showscale", colorBar));
        var (x, y) = ImageAxes(w, h, "x");
        fig.Layout.With("xaxis", x).With("yaxis", y);
        return fig.Build();
    }

    /// <summary>
    /// A grid of images with their labels underneath (the Keras tutorial's "first 25 training images").
    /// </summary>
    /// <param name="images">One flattened image per row (N × 784 for MNIST).</param>
    /// <param name="labels">A caption per image (e.g. class names), or null for none.</param>
    /// <param name="columns">Images per row, in [1, 20].</param>
    /// <param name="count">How many images, from the first; default min(N, 25).</param>
    /// <param name="colors">Ink colours.</param>
    /// <param name="width">Pixels per image row; default √columns of <paramref name="images"/>.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">Fewer labels than images, or images whose size is not a square (give width).</exception>
    /// <exception cref="ArgumentOutOfRangeException">columns outside [1, 20] or count outside [1, min(N, 400)].</exception>
    public static Plot ImageGrid(Matrix images, IReadOnlyList<string>? labels = null, int columns = 5, int? count = null,
        ImageColors colors = ImageColors.Binary, int? width = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Rows == 0) throw new ArgumentException("images holds no image.", nameof(images));
        if (columns is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be in [1, 20].");
        int n = count ?? Math.Min(images.Rows, 25);
        if (n < 1 || n > Math.Min(images.Rows, 400))
            throw new ArgumentOutOfRangeException(nameof(count), n, $"count must be in [1, {Math.Min(images.Rows, 400)}].");
        if (labels is not null && labels.Count < n) throw new ArgumentException($"labels has {labels.Count} entries for {n} images.", nameof(labels));
        int cols = Math.Min(columns, n), rows = (n + cols - 1) / cols;
        double cell = 150, caption = labels is null ? 10 : 28, top = title is null ? 20 : 60;
        double figW = cols * cell + 40, figH = rows * (cell + caption) + top + 20;
        var grid = new SubplotGrid(rows, cols, hGap: 10 / figW, vGap: caption / figH, top: 1 - top / figH);
        var fig = new FigureBuilder(title, width: (int)figW, height: (int)figH);
        fig.Layout.With("margin", Props.Obj(("l", 20), ("r", 20), ("t", top), ("b", caption)));
        for (int k = 0; k < n; k++)
        {
            var z = ImageRows(images.Row(k).ToArray(), width, nameof(images));
            fig.Add(ImageTrace(z, colors, SubplotGrid.XRef(k), SubplotGrid.YRef(k)).With("showscale", false));
            var (x, y) = ImageAxes(z[0].Length, z.Length, SubplotGrid.XRef(k));
            PlaceAxes(fig, grid, k, x, y);
            if (labels is not null) fig.Add(CellCaption(grid, k, labels[k], "#222"));
        }
        return fig.Build();
    }

    private static double[][] ImageRows(IReadOnlyList<float> pixels, int? width, string paramName)
    {
        ArgumentNullException.ThrowIfNull(pixels, paramName);
        if (pixels.Count == 0) throw new ArgumentException("The image has no pixels.", paramName);
        int w = width ?? (int)Math.Round(Math.Sqrt(pixels.Count));
        if (w <= 0 || pixels.Count % w != 0 || (width is null && w * w != pixels.Count))
            throw new ArgumentException(width is null
                ? $"{pixels.Count} pixels do not make a square image; give width."
                : $"{pixels.Count} pixels are not a whole number of rows of width {w}.", paramName);
        int h = pixels.Count / w;
        var z = new double[h][];
        for (int r = 0; r < h; r++)
        {
            z[r] = new double[w];
            for (int c = 0; c < w; c++)
            {
                double v = pixels[r * w + c];
                if (!double.IsFinite(v)) throw new ArgumentException($"pixel ({r}, {c}) is {v}; pixels must be finite.", paramName);
                z[r][c] = v;
            }
        }
        return z;
    }

    private static Plotly.NET.Trace2D ImageTrace(double[][] z, ImageColors colors, string xr, string yr) =>
        Props.Trace("heatmap").With("z", z).With("zmin", 0.0).With("zmax", 1.0)
            .With("colorscale", colors == ImageColors.Binary ? Palette.Binary : Palette.Gray01)
            .With("xaxis", xr).With("yaxis", yr).With("hovertemplate", "row %{y}, column %{x}<br>%{z:.3f}<extra></extra>");

    /// <summary>Axes for an image: row 0 at the top (reversed y), square pixels, no grid, ticks hidden.</summary>
    private static (LinearAxis X, LinearAxis Y) ImageAxes(int w, int h, string xRef)
    {
        var x = Props.Axis().With("range", new[] { -0.5, w - 0.5 }).With("showgrid", false).With("zeroline", false)
            .With("showticklabels", false).With("ticks", "").With("constrain", "domain")
            .With("showline", true).With("linecolor", "#bbb").With("mirror", true);
        var y = Props.Axis().With("range", new[] { h - 0.5, -0.5 }).With("autorange", "reversed").With("showgrid", false).With("zeroline", false)
            .With("showticklabels", false).With("ticks", "").With("scaleanchor", xRef).With("scaleratio", 1).With("constrain", "domain")
            .With("showline", true).With("linecolor", "#bbb").With("mirror", true);
        return (x, y);
    }

    private static void PlaceAxes(FigureBuilder fig, SubplotGrid grid, int k, LinearAxis x, LinearAxis y)
    {
        var (x0, x1) = grid.XDomain(k);
        var (y0, y1) = grid.YDomain(k);
        fig.Layout.SetProperty(SubplotGrid.XKey(k), x.With("domain", new[] { x0, x1 }).With("anchor", SubplotGrid.YRef(k)));
        fig.Layout.SetProperty(SubplotGrid.YKey(k), y.With("domain", new[] { y0, y1 }).With("anchor", SubplotGrid.XRef(k)));
    }

    private static Annotation CellCaption(SubplotGrid grid, int k, string text, string color, double size = 12)
    {
        var (x0, x1) = grid.XDomain(k);
        var (y0, _) = grid.YDomain(k);
        return Props.Annotation(text, (x0 + x1) / 2, y0, "paper", "paper", xanchor: "center", yanchor: "top", font: Props.Font(size, color));
    }
}
