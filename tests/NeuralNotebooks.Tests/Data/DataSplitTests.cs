using NeuralNotebooks.Data;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Data;

public class DataSplitTests
{
    /// <summary>x row i = (i, −i), y row i = 10·i, so alignment can be checked after the split.</summary>
    private static (Matrix X, Matrix Y) Indexed(int n)
    {
        var x = new Matrix(n, 2);
        var y = new Matrix(n, 1);
        for (int i = 0; i < n; i++) { x[i, 0] = i; x[i, 1] = -i; y[i, 0] = 10 * i; }
        return (x, y);
    }

    [Fact]
    public void Test_size_is_the_ceiling_of_the_fraction()
    {
        var (x, y) = Indexed(10);
        var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(x, y, 0.25, seed: 1);
        Assert.Equal(3, xTest.Rows);     // ⌈2.5⌉
        Assert.Equal(7, xTrain.Rows);
        Assert.Equal(3, yTest.Rows);
        Assert.Equal(7, yTrain.Rows);
        Assert.Equal(2, xTrain.Columns);
    }

    [Fact]
    public void Test_size_follows_scikit_learn_floating_point_arithmetic()
    {
        // 0.07 * 100 = 7.000000000000001 in double, so scikit-learn takes 8 test samples; so do we.
        var (train, test) = DataSplit.SplitIndices(100, 0.07, seed: 0);
        Assert.Equal(8, test.Length);
        Assert.Equal(92, train.Length);
    }

    [Fact]
    public void Rows_stay_aligned_and_the_parts_partition_the_data()
    {
        var (x, y) = Indexed(50);
        var split = DataSplit.TrainTestSplit(x, y, 0.2, seed: 3);
        foreach (var (xs, ys, idx) in new[] { (split.XTrain, split.YTrain, split.TrainIndices), (split.XTest, split.YTest, split.TestIndices) })
            for (int r = 0; r < xs.Rows; r++)
            {
                Assert.Equal(idx[r], (int)xs[r, 0]);
                Assert.Equal(-idx[r], (int)xs[r, 1]);
                Assert.Equal(10 * idx[r], (int)ys[r, 0]);
            }
        var all = split.TrainIndices.Concat(split.TestIndices).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 50).ToArray(), all);
    }

    [Fact]
    public void Same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        var (x, y) = Indexed(40);
        var a = DataSplit.TrainTestSplit(x, y, 0.3, seed: 5);
        var b = DataSplit.TrainTestSplit(x, y, 0.3, seed: 5);
        var c = DataSplit.TrainTestSplit(x, y, 0.3, seed: 6);
        Assert.Equal(a.TestIndices, b.TestIndices);
        Assert.Equal(a.XTrain.Span.ToArray(), b.XTrain.Span.ToArray());
        Assert.NotEqual(a.TestIndices, c.TestIndices);
    }

    [Fact]
    public void Plain_split_is_the_seeded_permutation_cut_after_the_test_count()
    {
        int[] permutation = new Rng(11).Permutation(20);
        var (train, test) = DataSplit.SplitIndices(20, 0.25, seed: 11);
        Assert.Equal(permutation[..5], test);
        Assert.Equal(permutation[5..], train);
    }

    [Fact]
    public void Stratified_split_keeps_class_proportions_exactly_when_they_divide()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i % 10 < 7 ? 0 : 1).ToArray();   // 70 / 30
        var x = new Matrix(100, 1);
        var split = DataSplit.TrainTestSplit(x, labels, 0.2, seed: 2, stratify: true);
        Assert.Equal(14, split.YTest.Count(v => v == 0));
        Assert.Equal(6, split.YTest.Count(v => v == 1));
        Assert.Equal(56, split.YTrain.Count(v => v == 0));
        Assert.Equal(24, split.YTrain.Count(v => v == 1));
    }

    [Fact]
    public void Stratified_split_keeps_proportions_within_one_sample_per_class()
    {
        // 3 classes of 37, 50, 13 samples; test 0.3 → 30 test samples.
        var labels = Enumerable.Repeat(0, 37).Concat(Enumerable.Repeat(1, 50)).Concat(Enumerable.Repeat(2, 13)).ToArray();
        var x = new Matrix(100, 1);
        for (int seed = 0; seed < 5; seed++)
        {
            var split = DataSplit.TrainTestSplit(x, labels, 0.3, seed, stratify: true);
            Assert.Equal(30, split.YTest.Length);
            int[] expected = [37, 50, 13];
            for (int c = 0; c < 3; c++)
            {
                double share = expected[c] * 0.3;
                int got = split.YTest.Count(v => v == c);
                Assert.InRange(got, Math.Floor(share), Math.Ceiling(share));
                Assert.Equal(expected[c] - got, split.YTrain.Count(v => v == c));
            }
        }
    }

    [Fact]
    public void Stratified_split_reads_classes_from_one_hot_and_from_column_targets()
    {
        int[] labels = Enumerable.Range(0, 60).Select(i => i < 45 ? 0 : (i < 55 ? 1 : 2)).ToArray();   // 45 / 10 / 5
        var x = new Matrix(60, 2);
        var oneHot = DataSplit.TrainTestSplit(x, Labels.OneHot(labels, 3), 0.2, seed: 4, stratify: true);
        var column = DataSplit.TrainTestSplit(x, Matrix.Column(labels), 0.2, seed: 4, stratify: true);
        var ints = DataSplit.TrainTestSplit(x, labels, 0.2, seed: 4, stratify: true);
        int[] testLabels = Labels.Argmax(oneHot.YTest);
        Assert.Equal([9, 2, 1], [testLabels.Count(v => v == 0), testLabels.Count(v => v == 1), testLabels.Count(v => v == 2)]);
        Assert.Equal(oneHot.TestIndices, column.TestIndices);
        Assert.Equal(oneHot.TestIndices, ints.TestIndices);
        Assert.Equal(testLabels, Labels.ToLabels(column.YTest));
    }

    [Fact]
    public void ApproximateMode_gives_floor_shares_plus_the_largest_remainders()
    {
        Assert.Equal([56, 24], DataSplit.ApproximateMode([70, 30], 80, new Rng(0)));
        // 10·(5/12) = 4.17, 10·(4/12) = 3.33, 10·(3/12) = 2.5 → floors 4, 3, 2 and the one left goes to 2.5.
        Assert.Equal([4, 3, 3], DataSplit.ApproximateMode([5, 4, 3], 10, new Rng(0)));
        // Three-way tie for 2 extra draws: a random pair, but always a total of 2 and at most one each.
        var tied = DataSplit.ApproximateMode([1, 1, 1], 2, new Rng(9));
        Assert.Equal(2, tied.Sum());
        Assert.All(tied, v => Assert.InRange(v, 0, 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void TestSize_must_be_strictly_between_zero_and_one(double testSize)
    {
        var (x, y) = Indexed(10);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainTestSplit(x, y, testSize, 0));
        Assert.Equal("testSize", ex.ParamName);
    }

    [Fact]
    public void Row_counts_must_match()
    {
        var ex = Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(10, 2), new Matrix(9, 1), 0.2, 0));
        Assert.Contains("(10, 2)", ex.Message);
        Assert.Contains("(9, 1)", ex.Message);
        Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(10, 2), new int[9], 0.2, 0));
    }

    [Fact]
    public void Too_few_samples_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(1, 2), new Matrix(1, 1), 0.5, 0));
        Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(0, 2), new Matrix(0, 1), 0.5, 0));
        // ⌈0.9 · 5⌉ = 5 leaves no training sample.
        Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(5, 2), new Matrix(5, 1), 0.9, 0));
    }

    [Fact]
    public void Stratifying_needs_two_samples_per_class()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            DataSplit.TrainTestSplit(new Matrix(6, 1), [0, 0, 0, 1, 1, 2], 0.5, 0, stratify: true));
        Assert.Contains("class 2", ex.Message);
    }

    [Fact]
    public void Stratifying_needs_at_least_one_sample_per_class_in_each_part()
    {
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
        // ⌈0.1 · 12⌉ = 2 test samples for 3 classes.
        var ex = Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(12, 1), labels, 0.1, 0, stratify: true));
        Assert.Contains("test set", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(12, 1), labels, 0.9, 0, stratify: true));
        Assert.Contains("training set", ex.Message);
    }

    [Fact]
    public void Stratifying_a_target_without_columns_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => DataSplit.TrainTestSplit(new Matrix(4, 1), new Matrix(4, 0), 0.5, 0, stratify: true));
    }
}
