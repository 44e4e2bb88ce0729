using NeuralNotebooks.Data;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Data;

public class LabelsTests
{
    [Fact]
    public void OneHot_puts_a_one_in_the_label_column()
    {
        var m = Labels.OneHot([2, 0, 1], 4);
        Assert.Equal(new float[,] { { 0, 0, 1, 0 }, { 1, 0, 0, 0 }, { 0, 1, 0, 0 } }, m.ToArray());
    }

    [Fact]
    public void OneHot_rejects_labels_outside_the_classes_and_nonpositive_class_counts()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Labels.OneHot([0, 3], 3));
        Assert.Contains("labels[1] is 3", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Labels.OneHot([-1], 3));
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => Labels.OneHot([0], 0)).ParamName);
    }

    [Fact]
    public void Argmax_takes_the_first_maximum_and_treats_nan_as_largest()
    {
        var m = Matrix.FromRows([0.1f, 0.7f, 0.2f], [0.4f, 0.4f, 0.2f], [-3f, -1f, -2f], [1f, float.NaN, 5f]);
        Assert.Equal([1, 0, 1, 1], Labels.Argmax(m));
    }

    [Theory]
    [InlineData(new[] { 0.2f, 0.5f, 0.5f }, 1)]                                    // ties: the first maximum
    [InlineData(new[] { float.NaN, 9f }, 0)]                                        // NaN first: NaN wins
    [InlineData(new[] { 9f, float.NaN, float.NaN }, 1)]                             // the first NaN
    [InlineData(new[] { float.NegativeInfinity, float.NegativeInfinity }, 0)]       // infinities are ordinary values
    [InlineData(new[] { 1f, float.PositiveInfinity }, 1)]
    [InlineData(new[] { -7f }, 0)]
    public void ArgmaxOf_is_the_first_maximum_with_nan_counted_largest_for_floats_and_doubles(float[] values, int expected)
    {
        Assert.Equal(expected, Labels.ArgmaxOf(values));
        Assert.Equal(expected, Labels.ArgmaxOf(values.Select(v => (double)v).ToArray()));
    }

    [Fact]
    public void ArgmaxOf_an_empty_span_is_an_error()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Labels.ArgmaxOf(ReadOnlySpan<float>.Empty)).ParamName);
        Assert.Throws<ArgumentException>(() => Labels.ArgmaxOf(ReadOnlySpan<double>.Empty));
    }

    [Fact]
    public void Argmax_inverts_OneHot()
    {
        int[] labels = [3, 1, 4, 1, 0, 2];
        Assert.Equal(labels, Labels.Argmax(Labels.OneHot(labels, 5)));
    }

    [Fact]
    public void Argmax_needs_a_column()
    {
        Assert.Throws<ArgumentException>(() => Labels.Argmax(new Matrix(2, 0)));
    }

    [Fact]
    public void ToLabels_converts_a_float_column_to_ints()
    {
        Assert.Equal([2, 0, 7], Labels.ToLabels(Matrix.Column(2f, 0f, 7f)));
        Assert.Equal([1, 5], Labels.ToLabels(Matrix.Column([1, 5])));
    }

    [Fact]
    public void ToLabels_rejects_non_columns_and_fractional_values()
    {
        var ex = Assert.Throws<ArgumentException>(() => Labels.ToLabels(new Matrix(3, 2)));
        Assert.Contains("(3, 2)", ex.Message);
        Assert.Contains("(3, 1)", ex.Message);
        Assert.Throws<ArgumentException>(() => Labels.ToLabels(Matrix.Column(1f, 0.5f)));
        Assert.Throws<ArgumentException>(() => Labels.ToLabels(Matrix.Column(float.NaN)));
        Assert.Throws<ArgumentException>(() => Labels.ToLabels(Matrix.Column(3e9f)));
    }

    [Fact]
    public void Threshold_is_strictly_greater_than()
    {
        Assert.Equal([1, 0, 0, 1], Labels.Threshold(Matrix.Column(0.9f, 0.5f, 0.1f, 0.51f)));
        Assert.Equal([1, 1, 0, 1], Labels.Threshold(Matrix.Column(0.9f, 0.5f, 0.1f, 0.51f), 0.3f));
    }

    [Fact]
    public void Threshold_rejects_non_columns_and_nan_threshold()
    {
        Assert.Throws<ArgumentException>(() => Labels.Threshold(new Matrix(2, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Labels.Threshold(new Matrix(2, 1), float.NaN));
    }
}
