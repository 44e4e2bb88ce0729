using NeuralNotebooks.Datasets;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Datasets;

public class LabeledImagesTests
{
    private static readonly string[] Classes = ["a", "b", "c"];

    private static RawLabeledImages Raw() =>
        new("toy", [0, 51, 102, 255, 10, 20, 30, 40], [2, 0], height: 2, width: 2, Classes);

    [Fact]
    public void Raw_set_exposes_images_and_converts_to_floats()
    {
        var raw = Raw();
        Assert.Equal(2, raw.Count);
        Assert.Equal(4, raw.PixelCount);
        Assert.Equal(new byte[] { 10, 20, 30, 40 }, raw.Image(1).ToArray());
        Assert.Equal("toy: 2 images 2×2, 3 classes (bytes)", raw.ToString());

        var set = raw.ToLabeledImages();
        Assert.Equal("(2, 4)", set.Images.ShapeText);
        Assert.Equal(new[] { 2, 0 }, set.Labels);
        Assert.Equal(51 / 255f, set.Images[0, 1]);
        Assert.Equal(1f, set.Images[0, 3]);
        Assert.Equal(40 / 255f, set.Image(1)[3]);
        Assert.Equal("c", set.ClassNameOf(0));
        Assert.Equal(3, set.ClassCount);
        Assert.Equal(2, set.Height);
        Assert.Equal(2, set.Width);
        Assert.Equal("toy: 2 images 2×2, 3 classes", set.ToString());
    }

    [Fact]
    public void Indexers_check_their_range()
    {
        var set = Raw().ToLabeledImages();
        Assert.Throws<ArgumentOutOfRangeException>("index", () => set.Image(2));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => set.ClassNameOf(-1));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => Raw().Image(-1));
    }

    [Fact]
    public void Labeled_images_constructor_checks_agreement()
    {
        var m = new Matrix(2, 4);
        Assert.Throws<ArgumentOutOfRangeException>("height", () => new LabeledImages("x", m, [0, 0], 0, 4, Classes));
        Assert.Throws<ArgumentOutOfRangeException>("width", () => new LabeledImages("x", m, [0, 0], 4, 0, Classes));
        var cols = Assert.Throws<ArgumentException>("images", () => new LabeledImages("x", m, [0, 0], 3, 3, Classes));
        Assert.Contains("4 columns", cols.Message);
        var count = Assert.Throws<ArgumentException>("labels", () => new LabeledImages("x", m, [0], 2, 2, Classes));
        Assert.Contains("1 entries", count.Message);
        var label = Assert.Throws<ArgumentException>("labels", () => new LabeledImages("x", m, [0, 3], 2, 2, Classes));
        Assert.Contains("labels[1] is 3", label.Message);
        Assert.Throws<ArgumentException>("labels", () => new LabeledImages("x", m, [-1, 0], 2, 2, Classes));
        Assert.Throws<ArgumentException>("classNames", () => new LabeledImages("x", m, [0, 0], 2, 2, Array.Empty<string>()));
    }

    [Fact]
    public void Raw_constructor_checks_agreement()
    {
        Assert.Throws<ArgumentOutOfRangeException>("height", () => new RawLabeledImages("x", new byte[4], [0], -1, 2, Classes));
        Assert.Throws<ArgumentOutOfRangeException>("width", () => new RawLabeledImages("x", new byte[4], [0], 2, 0, Classes));
        var px = Assert.Throws<ArgumentException>("pixels", () => new RawLabeledImages("x", new byte[5], [0], 2, 2, Classes));
        Assert.Contains("5 bytes", px.Message);
        var label = Assert.Throws<ArgumentException>("labels", () => new RawLabeledImages("x", new byte[4], [3], 2, 2, Classes));
        Assert.Contains("labels[0] is 3", label.Message);
        Assert.Throws<ArgumentException>("classNames", () => new RawLabeledImages("x", new byte[4], [0], 2, 2, Array.Empty<string>()));
    }
}
