using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>A resampled data set: the rows, their labels, and which original row each one is.</summary>
/// <param name="X">The rows, one per sample.</param>
/// <param name="Y">The label of each row.</param>
/// <param name="SourceRows">The original row index of each row (an over-sampled row appears more than once).</param>
public sealed record ResampledData(Matrix X, int[] Y, int[] SourceRows)
{
    /// <summary>How many rows each class has: element c is the count of label c.</summary>
    public int[] ClassCounts => Resampling.ClassCounts(Y);
}

/// <summary>
/// Random under- and over-sampling for imbalanced classes, ported from imbalanced-learn's
/// <c>RandomUnderSampler</c> and <c>RandomOverSampler</c> (default strategy: equalise every class).
/// </summary>
/// <remarks>
/// <para><b>Class imbalance</b> means some classes have far more samples than others (900 healthy patients, 100 ill).
/// A model can then score high accuracy by favouring the large (majority) class while missing the small (minority)
/// class it was built to find. Resampling changes the training data so that every class counts equally:</para>
/// <list type="bullet">
/// <item><b>Under-sampling</b> keeps, from every class, as many rows as the smallest class has, drawn at random
/// without replacement; the rest are dropped. Nothing is repeated, but information is thrown away.</item>
/// <item><b>Over-sampling</b> grows every class to the size of the largest, by drawing extra copies of its rows at
/// random with replacement. Nothing is thrown away, but the copies are exact repeats a model can memorise.</item>
/// </list>
/// <para>Resample the <b>training</b> part only, after splitting: copies that land in both the training and the test
/// part let the test score reward memorisation (a leak).</para>
/// <para><b>Order.</b> Under-sampling returns the kept rows in their original order. Over-sampling returns every
/// original row in order, followed by the added copies class by class (ascending class), as imbalanced-learn does.
/// Shuffle before a split that takes rows from the end (e.g. <c>validationSplit</c>); <c>Fit</c> shuffles its
/// training batches itself.</para>
/// <para>Labels are 0 … K−1; a class with no rows is ignored (it cannot be resampled). The random choices come from
/// <see cref="Rng"/>(seed), so they differ from imbalanced-learn's, by the same procedure.</para>
/// </remarks>
public static class Resampling
{
    /// <summary>Keeps, from every class, as many random rows as the smallest class has.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">The class label (0 … K−1) of each row.</param>
    /// <param name="seed">The seed of the random choice.</param>
    /// <exception cref="ArgumentException">x and y differ in length, or there are no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative.</exception>
    public static ResampledData UnderSample(Matrix x, IReadOnlyList<int> y, int seed)
    {
        var members = Members(x, y);
        int target = members.Where(m => m.Count > 0).Min(m => m.Count);
        var rng = new Rng(seed);
        var keep = new List<int>();
        foreach (var rows in members.Where(m => m.Count > 0))
        {
            int[] order = rng.Permutation(rows.Count);
            for (int i = 0; i < target; i++) keep.Add(rows[order[i]]);
        }
        keep.Sort();
        return Gather(x, y, keep);
    }

    /// <summary>Adds random copies of the rows of every class until it is as large as the largest class.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">The class label (0 … K−1) of each row.</param>
    /// <param name="seed">The seed of the random draws.</param>
    /// <exception cref="ArgumentException">x and y differ in length, or there are no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative.</exception>
    public static ResampledData OverSample(Matrix x, IReadOnlyList<int> y, int seed)
    {
        var members = Members(x, y);
        int target = members.Max(m => m.Count);
        var rng = new Rng(seed);
        var rows = Enumerable.Range(0, y.Count).ToList();
        foreach (var classRows in members.Where(m => m.Count > 0))
            for (int i = classRows.Count; i < target; i++) rows.Add(classRows[rng.NextInt(classRows.Count)]);
        return Gather(x, y, rows);
    }

    /// <summary>How many times each label occurs: element c is the count of label c (length = largest label + 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative.</exception>
    public static int[] ClassCounts(IReadOnlyList<int> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        for (int i = 0; i < y.Count; i++)
            if (y[i] < 0) throw new ArgumentOutOfRangeException(nameof(y), y[i], $"y[{i}] is {y[i]}; labels must be ≥ 0.");
        var counts = new int[y.Count == 0 ? 0 : y.Max() + 1];
        foreach (int label in y) counts[label]++;
        return counts;
    }

    /// <summary>The row indices of each class, in row order.</summary>
    private static List<int>[] Members(Matrix x, IReadOnlyList<int> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Count) throw new ArgumentException($"y has {y.Count} labels but x has shape {x.ShapeText}; they need one label per row.", nameof(y));
        if (y.Count == 0) throw new ArgumentException("There are no rows to resample.", nameof(y));
        var members = ClassCounts(y).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < y.Count; i++) members[y[i]].Add(i);
        return members;
    }

    private static ResampledData Gather(Matrix x, IReadOnlyList<int> y, List<int> rows)
    {
        int[] source = rows.ToArray();
        return new ResampledData(x.SelectRows(source), source.Select(r => y[r]).ToArray(), source);
    }
}
