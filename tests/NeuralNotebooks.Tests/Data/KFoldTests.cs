using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class KFoldTests
{
    [Fact]
    public void Fold_sizes_follow_scikit_learn_the_first_n_mod_k_folds_get_one_more()
    {
        var folds = KFold.Split(samples: 11, folds: 3, shuffle: false);
        Assert.Equal(new[] { 4, 4, 3 }, folds.Select(f => f.Validation.Length));
        Assert.Equal(new[] { 1, 2, 3 }, folds.Select(f => f.Number));
        // Without shuffling the folds are consecutive blocks, as sklearn.model_selection.KFold(3).split(range(11)).
        Assert.Equal(new[] { 0, 1, 2, 3 }, folds[0].Validation);
        Assert.Equal(new[] { 4, 5, 6, 7 }, folds[1].Validation);
        Assert.Equal(new[] { 8, 9, 10 }, folds[2].Validation);
        Assert.Equal(new[] { 0, 1, 2, 3, 8, 9, 10 }, folds[1].Train);
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(850, 5)]
    [InlineData(7, 7)]
    public void Every_row_is_validated_exactly_once_and_never_trained_on_in_its_own_fold(int samples, int k)
    {
        var folds = KFold.Split(samples, k, seed: 3);
        Assert.Equal(k, folds.Count);
        Assert.Equal(Enumerable.Range(0, samples), folds.SelectMany(f => f.Validation).Order());
        foreach (var f in folds)
        {
            Assert.Empty(f.Train.Intersect(f.Validation));
            Assert.Equal(samples, f.Train.Length + f.Validation.Length);
            Assert.Equal(f.Train.Order(), f.Train);   // training rows in ascending order
        }
    }

    [Fact]
    public void Shuffling_is_seeded()
    {
        var a = KFold.Split(100, 4, seed: 1);
        var b = KFold.Split(100, 4, seed: 1);
        var c = KFold.Split(100, 4, seed: 2);
        Assert.Equal(a.Select(f => f.Validation), b.Select(f => f.Validation));
        Assert.NotEqual(a[0].Validation, c[0].Validation);
        Assert.NotEqual(Enumerable.Range(0, 25), a[0].Validation);
    }

    [Fact]
    public void Preconditions()
    {
        Assert.Equal("folds", Assert.Throws<ArgumentOutOfRangeException>(() => KFold.Split(10, 1)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KFold.Split(3, 4));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains("4 folds", e.Message);
    }
}
