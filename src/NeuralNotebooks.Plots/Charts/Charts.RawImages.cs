using NeuralNotebooks.Datasets;
using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// One image of a data set exactly as stored — bytes 0 … 255 — with a colour bar that reads in those units: the
    /// Keras tutorial's first look at a Fashion-MNIST picture (<c>plt.imshow(train_images[0]); plt.colorbar()</c>),
    /// before the pixels are scaled to [0, 1].
    /// </summary>
    /// <param name="images">The raw data set (<c>FashionMnist.LoadRaw()</c>, <c>Mnist.LoadRaw()</c>).</param>
    /// <param name="index">Which image.</param>
    /// <param name="title">Figure title; default "{data set} #{index}: {class name}".</param>
    /// <param name="colorBar">Show the 0–255 colour bar.</param>
    /// <param name="colors">Ink colours; default <see cref="ImageColors.Gray"/> (0 black, as stored).</param>
    /// <remarks>The scale is fixed to [0, 255] so images compare; hovering a pixel shows its byte value.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an image of <paramref name="images"/>.</exception>
    public static Plot Image(RawLabeledImages images, int index, string? title = null, bool colorBar = true, ImageColors colors = ImageColors.Gray)
    {
        ArgumentNullException.ThrowIfNull(images);
        if ((uint)index >= (uint)images.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {images.Count - 1}] ({images.Name} has {images.Count} images).");
        var pixels = images.Image(index);
        var z = new double[images.Height][];
        for (int r = 0; r < images.Height; r++)
        {
            z[r] = new double[images.Width];
            for (int c = 0; c < images.Width; c++) z[r][c] = pixels[r * images.Width + c];
        }
        string caption = title ?? $"{images.Name} #{index}: {images.ClassNames[images.Labels[index]]}";
        var fig = new FigureBuilder(caption, width: colorBar ? 540 : 440, height: 480);
        fig.Layout.With("margin", Props.Obj(("l", 30), ("r", 30), ("t", 60), ("b", 30)));
        fig.Add(Props.Trace("heatmap").With("z", z).With("zmin", 0.0).With("zmax", 255.0)
            .With("colorscale", colors == ImageColors.Binary ? Palette.Binary : Palette.Gray01)
            .With("showscale", colorBar)
            .With("colorbar", Props.Obj(("title", Props.Obj(("text", "pixel value"))), ("tickvals", new[] { 0, 50, 100, 150, 200, 255 })))
            .With("xaxis", "x").With("yaxis", "y").With("hovertemplate", "row %{y}, column %{x}<br>%{z}<extra></extra>"));
        var (x, y) = ImageAxes(images.Width, images.Height, "x");
        fig.Layout.With("xaxis", x).With("yaxis", y);
        return fig.Build();
    }
}
