using NeuralNotebooks.Data;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Data;

public class ResamplingTests
{
    /// <summary>Row i = (i, −i); labels: 8 of class 0, 3 of class 1, 1 of class 2, interleaved.</summary>
    private static (Matrix X, int[] Y) Imbalanced()
    {
        int[] y = { 0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 1, 0 };
        var x = new Matrix(y.Length, 2);
        for (int i = 0; i < y.Length; i++) { x[i, 0] = i; x[i, 1] = -i; }
        return (x, y);
    }

    [Fact]
    public void Class_counts_count_each_label()
    {
        Assert.Equal(new[] { 8, 3, 1 }, Resampling.ClassCounts(Imbalanced().Y));
        Assert.Equal(new[] { 0, 2 }, Resampling.ClassCounts(new[] { 1, 1 }));
        Assert.Empty(Resampling.ClassCounts(Array.Empty<int>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.ClassCounts(new[] { 0, -3 }));
    }

    [Fact]
    public void Under_sampling_keeps_as_many_rows_of_each_class_as_the_smallest_class_has()
    {
        var (x, y) = Imbalanced();
        var r = Resampling.UnderSample(x, y, seed: 1);
        Assert.Equal(new[] { 1, 1, 1 }, r.ClassCounts);
        Assert.Equal(r.SourceRows.Order(), r.SourceRows);              // original order
        Assert.Equal(r.SourceRows.Length, r.SourceRows.Distinct().Count()); // no row twice
        for (int i = 0; i < r.Y.Length; i++)
        {
            Assert.Equal(y[r.SourceRows[i]], r.Y[i]);
            Assert.Equal(r.SourceRows[i], (int)r.X[i, 0]);
            Assert.Equal(-r.SourceRows[i], (int)r.X[i, 1]);
        }
    }

    [Fact]
    public void Over_sampling_adds_copies_until_every_class_is_as_large_as_the_largest()
    {
        var (x, y) = Imbalanced();
        var r = Resampling.OverSample(x, y, seed: 1);
        Assert.Equal(new[] { 8, 8, 8 }, r.ClassCounts);
        Assert.Equal(Enumerable.Range(0, y.Length), r.SourceRows.Take(y.Length)); // the originals first, in order
        var added = r.SourceRows.Skip(y.Length).ToArray();
        Assert.Equal(5 + 7, added.Length);
        Assert.All(added.Take(5), row => Assert.Equal(1, y[row]));   // then class 1's copies, then class 2's
        Assert.All(added.Skip(5), row => Assert.Equal(5, row));      // class 2 has a single row: 7 copies of it
        for (int i = 0; i < r.Y.Length; i++) Assert.Equal(r.SourceRows[i], (int)r.X[i, 0]);
    }

    [Fact]
    public void Resampling_is_seeded()
    {
        var (x, y) = Imbalanced();
        Assert.Equal(Resampling.UnderSample(x, y, 4).SourceRows, Resampling.UnderSample(x, y, 4).SourceRows);
        Assert.Equal(Resampling.OverSample(x, y, 4).SourceRows, Resampling.OverSample(x, y, 4).SourceRows);
        var seeds = Enumerable.Range(0, 20).Select(s => string.Join(",", Resampling.UnderSample(x, y, s).SourceRows)).Distinct();
        Assert.True(seeds.Count() > 1);
    }

    [Fact]
    public void A_class_without_rows_is_ignored_and_balanced_data_is_unchanged()
    {
        var x = new Matrix(4, 1);
        var r = Resampling.UnderSample(x, new[] { 0, 2, 2, 0 }, seed: 0);
        Assert.Equal(new[] { 0, 1, 2, 3 }, r.SourceRows);
        Assert.Equal(new[] { 0, 1, 2, 3 }, Resampling.OverSample(x, new[] { 0, 2, 2, 0 }, seed: 0).SourceRows);
    }

    [Fact]
    public void Preconditions()
    {
        var (x, _) = Imbalanced();
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Resampling.UnderSample(x, new[] { 0, 1 }, 0)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Resampling.OverSample(new Matrix(0, 2), Array.Empty<int>(), 0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Resampling.OverSample(new Matrix(2, 1), new[] { 0, -1 }, 0));
    }
}
