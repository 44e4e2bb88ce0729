using System.Globalization;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Datasets;

/// <summary>
/// A labelled image set exactly as stored: pixels as bytes 0–255 (0 = background), labels as bytes.
/// </summary>
/// <remarks>
/// <see cref="Pixels"/> holds <c>Count · Height · Width</c> bytes, image after image, each row by row.
/// <see cref="ToLabeledImages"/> gives the float form used for training. The arrays are not copied.
/// </remarks>
public sealed class RawLabeledImages
{
    /// <summary>Creates a raw labelled image set, checking that its parts agree.</summary>
    /// <param name="name">A display name, e.g. <c>MNIST train</c>.</param>
    /// <param name="pixels">All pixels, <c>labels.Length · height · width</c> bytes.</param>
    /// <param name="labels">One class index per image.</param>
    /// <param name="height">Rows of pixels per image.</param>
    /// <param name="width">Columns of pixels per image.</param>
    /// <param name="classNames">The class names, indexed by label.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="height"/> or <paramref name="width"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The pixel count or a label value does not fit, or there are no classes.</exception>
    public RawLabeledImages(string name, byte[] pixels, byte[] labels, int height, int width, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be > 0.");
        if (width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be > 0.");
        if (pixels.Length != (long)labels.Length * height * width)
            throw new ArgumentException(
                $"pixels has {pixels.Length} bytes but {labels.Length} images of {height}×{width} need {(long)labels.Length * height * width}.",
                nameof(pixels));
        if (classNames.Count == 0)
            throw new ArgumentException("classNames must not be empty.", nameof(classNames));
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classNames.Count)
                throw new ArgumentException($"labels[{i}] is {labels[i]} but must be in [0, {classNames.Count}).", nameof(labels));
        Name = name;
        Pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
        ClassNames = classNames;
    }

    /// <summary>The display name, e.g. <c>MNIST train</c>.</summary>
    public string Name { get; }

    /// <summary>All pixels, image after image, row by row; 0–255.</summary>
    public byte[] Pixels { get; }

    /// <summary>The class index of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Rows of pixels per image.</summary>
    public int Height { get; }

    /// <summary>Columns of pixels per image.</summary>
    public int Width { get; }

    /// <summary>Pixels per image: <see cref="Height"/> × <see cref="Width"/>.</summary>
    public int PixelCount => Height * Width;

    /// <summary>The class names, indexed by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The pixels of image <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public ReadOnlySpan<byte> Image(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}).");
        return Pixels.AsSpan(index * PixelCount, PixelCount);
    }

    /// <summary>Converts to the training form: pixels <c>byte / 255f</c> in a Count × PixelCount matrix, labels as ints.</summary>
    public LabeledImages ToLabeledImages()
    {
        var images = new Matrix(Count, PixelCount, PixelScaling.ToUnitInterval(Pixels, 0, Pixels.Length));
        var labels = new int[Count];
        for (int i = 0; i < labels.Length; i++) labels[i] = Labels[i];
        return new LabeledImages(Name, images, labels, Height, Width, ClassNames);
    }

    /// <summary>E.g. <c>MNIST train: 60000 images 28×28, 10 classes (bytes)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Count} images {Height}×{Width}, {ClassNames.Count} classes (bytes)");
}
