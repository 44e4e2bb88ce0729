using NeuralNotebooks.Metrics;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Metrics;

public class AccuracyTests
{
    [Fact]
    public void Binary_counts_p_above_threshold_as_class_one_and_exactly_half_as_class_zero()
    {
        var p = Matrix.Column(0.9f, 0.4f, 0.5f, 0.7f);
        var y = Matrix.Column(1f, 0f, 1f, 0f);
        // Predictions 1, 0, 0 (0.5 is not > 0.5), 1 → correct, correct, wrong, wrong.
        Assert.Equal(0.5, Accuracy.Binary(p, y));
    }

    [Fact]
    public void Binary_uses_the_given_threshold()
    {
        var p = Matrix.Column(0.9f, 0.4f, 0.5f, 0.7f);
        var y = Matrix.Column(1f, 0f, 1f, 0f);
        // threshold 0.45 → predictions 1, 0, 1, 1.
        Assert.Equal(0.75, Accuracy.Binary(p, y, 0.45f));
    }

    [Fact]
    public void Binary_averages_over_all_elements_of_a_multi_output_matrix()
    {
        var p = Matrix.FromRows([0.9f, 0.1f], [0.2f, 0.8f]);
        var y = Matrix.FromRows([1f, 1f], [0f, 1f]);
        Assert.Equal(0.75, Accuracy.Binary(p, y));
    }

    [Fact]
    public void Binary_shape_mismatch_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Accuracy.Binary(new Matrix(4, 1), new Matrix(3, 1)));
        Assert.Contains("(4, 1)", ex.Message);
        Assert.Contains("(3, 1)", ex.Message);
        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void Binary_rejects_empty_input_and_nan_threshold()
    {
        Assert.Throws<ArgumentException>(() => Accuracy.Binary(new Matrix(0, 1), new Matrix(0, 1)));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Accuracy.Binary(new Matrix(1, 1), new Matrix(1, 1), float.NaN));
        Assert.Equal("threshold", ex.ParamName);
    }

    [Fact]
    public void Categorical_compares_row_argmaxes_with_ties_going_to_the_first_column()
    {
        var p = Matrix.FromRows([0.1f, 0.7f, 0.2f], [0.4f, 0.4f, 0.2f], [0.3f, 0.3f, 0.4f]);
        var y = Matrix.FromRows([0f, 1f, 0f], [0f, 1f, 0f], [0f, 0f, 1f]);
        // Row 2 is a tie between columns 0 and 1 → argmax 0 ≠ 1.
        Assert.Equal(2.0 / 3.0, Accuracy.Categorical(p, y), 12);
    }

    [Fact]
    public void Categorical_shape_mismatch_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Accuracy.Categorical(new Matrix(2, 3), new Matrix(2, 4)));
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(2, 4)", ex.Message);
    }

    [Fact]
    public void Categorical_rejects_matrices_without_columns()
    {
        Assert.Throws<ArgumentException>(() => Accuracy.Categorical(new Matrix(2, 0), new Matrix(2, 0)));
    }

    [Fact]
    public void SparseCategorical_compares_argmax_with_class_index()
    {
        var p = Matrix.FromRows([0.1f, 0.7f, 0.2f], [0.5f, 0.4f, 0.1f], [0.3f, 0.3f, 0.4f], [0.2f, 0.2f, 0.6f]);
        var y = Matrix.Column(1, 0, 2, 0);
        Assert.Equal(0.75, Accuracy.SparseCategorical(p, y));
    }

    [Fact]
    public void SparseCategorical_labels_must_be_one_column_per_row()
    {
        var ex = Assert.Throws<ArgumentException>(() => Accuracy.SparseCategorical(new Matrix(3, 4), new Matrix(3, 4)));
        Assert.Contains("(3, 4)", ex.Message);
        Assert.Contains("(3, 1)", ex.Message);
        Assert.Throws<ArgumentException>(() => Accuracy.SparseCategorical(new Matrix(3, 4), new Matrix(2, 1)));
    }

    [Theory]
    [InlineData(3f)]
    [InlineData(-1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void SparseCategorical_rejects_labels_that_are_not_class_indices(float label)
    {
        var ex = Assert.Throws<ArgumentException>(() => Accuracy.SparseCategorical(new Matrix(1, 3), Matrix.Column(label)));
        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void Score_is_the_fraction_of_equal_labels()
    {
        Assert.Equal(0.5, Accuracy.Score([0, 1, 2, 3], [0, 2, 1, 3]));
        Assert.Equal(1.0, Accuracy.Score([5], [5]));
    }

    [Fact]
    public void Score_rejects_lists_of_different_length_and_empty_lists()
    {
        var ex = Assert.Throws<ArgumentException>(() => Accuracy.Score([0, 1, 2], [0, 1]));
        Assert.Contains("2", ex.Message);
        Assert.Contains("3", ex.Message);
        Assert.Throws<ArgumentException>(() => Accuracy.Score([], []));
    }
}
