using System.Globalization;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Datasets;

/// <summary>
/// A set of equally sized grey-scale images with one class label each, ready for training:
/// pixels as floats in [0, 1], one image per row.
/// </summary>
/// <remarks>
/// <para><see cref="Images"/> is <c>Count × (Height·Width)</c>, each row an image flattened row by row
/// (pixel (y, x) at column <c>y·Width + x</c>), each value <c>byte / 255f</c>. <see cref="Labels"/>[i] is the class of
/// row i, an index into <see cref="ClassNames"/>.</para>
/// <para>The arrays are not copied: changing them changes the set.</para>
/// </remarks>
public sealed class LabeledImages
{
    /// <summary>Creates a labelled image set, checking that its parts agree.</summary>
    /// <param name="name">A display name, e.g. <c>MNIST train</c>.</param>
    /// <param name="images">One image per row, <paramref name="height"/>·<paramref name="width"/> columns.</param>
    /// <param name="labels">One class index per image.</param>
    /// <param name="height">Rows of pixels per image.</param>
    /// <param name="width">Columns of pixels per image.</param>
    /// <param name="classNames">The class names, indexed by label.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The image width, the label count or a label value does not fit, or there are no classes.</exception>
    public LabeledImages(string name, Matrix images, int[] labels, int height, int width, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be > 0.");
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be > 0.");
        if (images.Columns != height * width)
            throw new ArgumentException($"images has {images.Columns} columns but {height}×{width} images need {height * width}.", nameof(images));
        if (labels.Length != images.Rows)
            throw new ArgumentException($"labels has {labels.Length} entries but images has {images.Rows} rows.", nameof(labels));
        if (classNames.Count == 0)
            throw new ArgumentException("classNames must not be empty.", nameof(classNames));
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)classNames.Count)
                throw new ArgumentException($"labels[{i}] is {labels[i]} but must be in [0, {classNames.Count}).", nameof(labels));
        Name = name;
        Images = images;
        Labels = labels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    /// <summary>The display name, e.g. <c>MNIST train</c>.</summary>
    public string Name { get; }

    /// <summary>The images, <see cref="Count"/> × (<see cref="Height"/>·<see cref="Width"/>), values in [0, 1].</summary>
    public Matrix Images { get; }

    /// <summary>The class index of each image.</summary>
    public int[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Rows of pixels per image (28 for MNIST).</summary>
    public int Height { get; }

    /// <summary>Columns of pixels per image (28 for MNIST).</summary>
    public int Width { get; }

    /// <summary>Pixels per image: <see cref="Height"/> × <see cref="Width"/>.</summary>
    public int PixelCount => Height * Width;

    /// <summary>The class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>The pixels of image <paramref name="index"/> (a view on its row of <see cref="Images"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public Span<float> Image(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}).");
        return Images.Row(index);
    }

    /// <summary>The class name of image <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public string ClassNameOf(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}).");
        return ClassNames[Labels[index]];
    }

    /// <summary>E.g. <c>MNIST train: 60000 images 28×28, 10 classes</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count} images {Height}×{Width}, {ClassCount} classes");
}
