using NeuralNotebooks.Metrics;

namespace NeuralNotebooks.Tests.Metrics;

public class ConfusionMatrixTests
{
    // scikit-learn's confusion_matrix docstring example: [[2, 0, 0], [0, 0, 1], [1, 0, 2]].
    private static readonly int[] YTrue = [2, 0, 2, 2, 0, 1];
    private static readonly int[] YPred = [0, 0, 2, 2, 0, 2];

    [Fact]
    public void Counts_rows_are_true_classes_and_columns_predicted_classes()
    {
        var cm = ConfusionMatrix.Compute(YTrue, YPred);
        Assert.Equal(new[,] { { 2, 0, 0 }, { 0, 0, 1 }, { 1, 0, 2 } }, cm.Counts);
        Assert.Equal(3, cm.Classes);
        Assert.Equal(6, cm.Total);
        Assert.Equal(4, cm.Correct);
        Assert.Equal(["0", "1", "2"], cm.ClassNames);
        Assert.Equal(3, cm.Support(2));
        Assert.Equal(3, cm.Predicted(0));
        Assert.Equal(1, cm[2, 0]);
    }

    [Fact]
    public void Counts_is_a_copy()
    {
        var cm = ConfusionMatrix.Compute(YTrue, YPred);
        var counts = cm.Counts;
        counts[0, 0] = 99;
        Assert.Equal(2, cm.Counts[0, 0]);
    }

    [Fact]
    public void Classes_argument_adds_rows_for_classes_never_seen()
    {
        var cm = ConfusionMatrix.Compute([0, 1], [1, 1], classes: 4);
        Assert.Equal(4, cm.Classes);
        Assert.Equal(new[,] { { 0, 1, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 0, 0 } }, cm.Counts);
    }

    [Fact]
    public void RowNormalized_rows_sum_to_one_and_empty_rows_are_zero()
    {
        var cm = ConfusionMatrix.Compute(YTrue, YPred, classes: 4);
        var n = cm.RowNormalized();
        Assert.Equal(1.0, n[0, 0]);
        Assert.Equal(1.0, n[1, 2]);
        Assert.Equal(1.0 / 3.0, n[2, 0], 12);
        Assert.Equal(2.0 / 3.0, n[2, 2], 12);
        for (int i = 0; i < 3; i++)
        {
            double sum = 0;
            for (int j = 0; j < 4; j++) sum += n[i, j];
            Assert.Equal(1.0, sum, 12);
        }
        for (int j = 0; j < 4; j++) Assert.Equal(0.0, n[3, j]);
    }

    [Fact]
    public void ToString_is_an_aligned_table_with_class_names()
    {
        var cm = ConfusionMatrix.Compute([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
            classNames: ["cat", "dog"]);
        string expected =
            "true \\ pred  cat  dog\n" +
            "        cat    1    1\n" +
            "        dog    0   11\n";
        Assert.Equal(expected, cm.ToString());
    }

    [Fact]
    public void Class_names_set_the_number_of_classes()
    {
        var cm = ConfusionMatrix.Compute([0], [0], classNames: ["a", "b", "c"]);
        Assert.Equal(3, cm.Classes);
        Assert.Equal(["a", "b", "c"], cm.ClassNames);
    }

    [Fact]
    public void Lists_of_different_length_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 1, 1], [0, 1]));
        Assert.Equal("yPred", ex.ParamName);
    }

    [Fact]
    public void Empty_lists_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([], []));
    }

    [Fact]
    public void Negative_labels_are_rejected()
    {
        Assert.Equal("yTrue", Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Compute([-1], [0])).ParamName);
        Assert.Equal("yPred", Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Compute([0], [-2])).ParamName);
    }

    [Fact]
    public void Labels_at_or_above_the_class_count_are_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Compute([0, 2], [0, 0], classes: 2));
        Assert.Contains("yTrue[1] is 2", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Compute([0, 1], [0, 2], classNames: ["a", "b"]));
    }

    [Fact]
    public void Classes_must_be_positive()
    {
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Compute([0], [0], classes: 0)).ParamName);
    }

    [Fact]
    public void Class_names_must_match_the_class_count_and_not_be_null()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0], [0], classes: 3, classNames: ["a", "b"]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0], [0], classNames: []));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0], [0], classNames: ["a", null!]));
    }

    [Fact]
    public void Indexer_and_sums_check_the_class_index()
    {
        var cm = ConfusionMatrix.Compute(YTrue, YPred);
        Assert.Throws<ArgumentOutOfRangeException>(() => cm[3, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => cm[0, -1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => cm.Support(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => cm.Predicted(-1));
    }
}
