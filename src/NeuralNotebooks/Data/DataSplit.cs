using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>
/// Seeded train/test splits, ported from scikit-learn's <c>train_test_split</c> (<c>ShuffleSplit</c>, and
/// <c>StratifiedShuffleSplit</c> when stratifying).
/// </summary>
/// <remarks>
/// <para><b>Sizes.</b> <c>nTest = ⌈testSize · n⌉</c> and <c>nTrain = n − nTest</c>, computed in double exactly as
/// scikit-learn does, including its floating-point quirk: 0.07 · 100 = 7.000000000000001 in double, so a 7 % split of
/// 100 samples gives 8 test samples in both libraries.</para>
/// <para><b>Plain split.</b> A random permutation of 0 … n−1 from <see cref="Rng"/>(seed); its first nTest entries
/// are the test rows, the rest the training rows.</para>
/// <para><b>Stratified split.</b> Samples are grouped by class (classes sorted by value). The per-class training
/// counts are the "approximate mode" of a multivariate hypergeometric draw of nTrain from the class counts:
/// <c>⌊count · nTrain / n⌋</c>, with the remaining draws given to the classes with the largest fractional remainders
/// (ties broken at random); the test counts are the same rule applied to what is left. Each class's rows are then
/// permuted and cut, and finally the training and test index lists are each permuted. So class proportions agree
/// with the whole data set to within one sample per class in both parts.</para>
/// <para>The numbers differ from scikit-learn's because <see cref="Rng"/> is not numpy's generator; the procedure is
/// the same.</para>
/// </remarks>
public static class DataSplit
{
    /// <summary>Splits the rows of <paramref name="x"/> and <paramref name="y"/> into a training and a test part.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, one row per sample: N×1 (a label or value per row) or N×K (one-hot rows).</param>
    /// <param name="testSize">The fraction of samples in the test part, strictly between 0 and 1.</param>
    /// <param name="seed">The seed of the shuffle; the same seed gives the same split.</param>
    /// <param name="stratify">Keep the class proportions of <paramref name="y"/> in both parts. The class of a row is
    /// its value for an N×1 <paramref name="y"/> and the argmax of the row for a one-hot <paramref name="y"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testSize"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The row counts differ (the message names both shapes); a part would be empty;
    /// when stratifying: <paramref name="y"/> has no columns, a class has fewer than 2 samples, or a part would be
    /// smaller than the number of classes.</exception>
    public static TrainTestSplitResult TrainTestSplit(Matrix x, Matrix y, double testSize, int seed, bool stratify = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
            throw new ArgumentException($"y has shape {y.ShapeText} but x has shape {x.ShapeText}; they need the same number of rows.", nameof(y));
        int[]? groups = stratify ? ClassGroups(y) : null;
        var (train, test) = SplitIndices(x.Rows, testSize, seed, groups);
        return new TrainTestSplitResult(x.SelectRows(train), x.SelectRows(test), y.SelectRows(train), y.SelectRows(test))
        {
            TrainIndices = train,
            TestIndices = test,
        };
    }

    /// <summary>Splits the rows of <paramref name="x"/> and the integer labels <paramref name="y"/> into a training and a test part.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">One class label per row.</param>
    /// <param name="testSize">The fraction of samples in the test part, strictly between 0 and 1.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="stratify">Keep the class proportions of <paramref name="y"/> in both parts.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testSize"/> is not in (0, 1).</exception>
    /// <exception cref="ArgumentException">The lengths differ (the message names both); a part would be empty; when
    /// stratifying: a class has fewer than 2 samples or a part would be smaller than the number of classes.</exception>
    public static TrainTestSplitLabelsResult TrainTestSplit(Matrix x, IReadOnlyList<int> y, double testSize, int seed, bool stratify = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Count)
            throw new ArgumentException($"y has {y.Count} labels but x has shape {x.ShapeText}; they need one label per row.", nameof(y));
        var (train, test) = SplitIndices(x.Rows, testSize, seed, stratify ? y : null);
        return new TrainTestSplitLabelsResult(x.SelectRows(train), x.SelectRows(test), Gather(y, train), Gather(y, test))
        {
            TrainIndices = train,
            TestIndices = test,
        };
    }

    /// <summary>The row indices of a split of <paramref name="samples"/> rows (see the class remarks for the algorithm).</summary>
    /// <param name="samples">n, the number of rows.</param>
    /// <param name="testSize">The fraction of rows in the test part, strictly between 0 and 1.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="stratifyBy">A class per row to stratify by, or null for a plain shuffled split.</param>
    /// <returns>The training and test row indices; together they are a permutation of 0 … n−1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testSize"/> is not in (0, 1) or <paramref name="samples"/> &lt; 0.</exception>
    /// <exception cref="ArgumentException">A part would be empty, or a stratification precondition fails.</exception>
    public static (int[] Train, int[] Test) SplitIndices(int samples, double testSize, int seed, IReadOnlyList<int>? stratifyBy = null)
    {
        if (samples < 0) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be ≥ 0.");
        if (!(testSize > 0 && testSize < 1))
            throw new ArgumentOutOfRangeException(nameof(testSize), testSize, "testSize must be strictly between 0 and 1.");
        if (stratifyBy is not null && stratifyBy.Count != samples)
            throw new ArgumentException($"stratifyBy has {stratifyBy.Count} labels but there are {samples} samples.", nameof(stratifyBy));

        int nTest = (int)Math.Ceiling(testSize * samples);
        int nTrain = samples - nTest;
        if (nTest == 0 || nTrain <= 0)
            throw new ArgumentException(
                $"Too few samples: with {samples} samples and testSize {testSize} the {(nTest == 0 ? "test" : "training")} set would be empty.",
                nameof(samples));

        var rng = new Rng(seed);
        return stratifyBy is null ? PlainSplit(samples, nTrain, nTest, rng) : StratifiedSplit(stratifyBy, nTrain, nTest, rng);
    }

    private static (int[] Train, int[] Test) PlainSplit(int n, int nTrain, int nTest, Rng rng)
    {
        int[] permutation = rng.Permutation(n);
        return (permutation[nTest..(nTest + nTrain)], permutation[..nTest]);
    }

    private static (int[] Train, int[] Test) StratifiedSplit(IReadOnlyList<int> labels, int nTrain, int nTest, Rng rng)
    {
        // Class index of every sample, classes in ascending label order (numpy.unique).
        int[] classValues = labels.Distinct().Order().ToArray();
        var classOf = new Dictionary<int, int>(classValues.Length);
        for (int i = 0; i < classValues.Length; i++) classOf[classValues[i]] = i;
        int k = classValues.Length;
        var members = new List<int>[k];
        for (int i = 0; i < k; i++) members[i] = [];
        for (int s = 0; s < labels.Count; s++) members[classOf[labels[s]]].Add(s);
        var counts = members.Select(m => m.Count).ToArray();

        for (int i = 0; i < k; i++)
            if (counts[i] < 2)
                throw new ArgumentException(
                    $"Cannot stratify: class {classValues[i]} has only {counts[i]} sample; every class needs at least 2.", "y");
        if (nTrain < k)
            throw new ArgumentException($"Cannot stratify: the training set would have {nTrain} samples but there are {k} classes.", "testSize");
        if (nTest < k)
            throw new ArgumentException($"Cannot stratify: the test set would have {nTest} samples but there are {k} classes.", "testSize");

        int[] trainPerClass = ApproximateMode(counts, nTrain, rng);
        var remaining = new int[k];
        for (int i = 0; i < k; i++) remaining[i] = counts[i] - trainPerClass[i];
        int[] testPerClass = ApproximateMode(remaining, nTest, rng);

        var train = new List<int>(nTrain);
        var test = new List<int>(nTest);
        for (int i = 0; i < k; i++)
        {
            int[] order = rng.Permutation(counts[i]);
            for (int j = 0; j < trainPerClass[i]; j++) train.Add(members[i][order[j]]);
            for (int j = trainPerClass[i]; j < trainPerClass[i] + testPerClass[i]; j++) test.Add(members[i][order[j]]);
        }
        int[] trainArray = train.ToArray(), testArray = test.ToArray();
        rng.Shuffle(trainArray.AsSpan());
        rng.Shuffle(testArray.AsSpan());
        return (trainArray, testArray);
    }

    /// <summary>
    /// The most likely per-class counts when drawing <paramref name="draws"/> items without replacement from classes
    /// of the given sizes (scikit-learn's <c>_approximate_mode</c>): floor of the proportional share, then one extra
    /// to the largest remainders, ties broken at random.
    /// </summary>
    internal static int[] ApproximateMode(int[] classCounts, int draws, Rng rng)
    {
        long total = 0;
        foreach (int c in classCounts) total += c;
        var result = new int[classCounts.Length];
        var remainder = new double[classCounts.Length];
        long assigned = 0;
        for (int i = 0; i < classCounts.Length; i++)
        {
            double continuous = (double)classCounts[i] / total * draws;
            double floored = Math.Floor(continuous);
            result[i] = (int)floored;
            remainder[i] = continuous - floored;
            assigned += result[i];
        }
        int needToAdd = (int)(draws - assigned);
        foreach (double value in remainder.Distinct().OrderDescending())
        {
            if (needToAdd <= 0) break;
            var tied = new List<int>();
            for (int i = 0; i < remainder.Length; i++)
                if (remainder[i] == value) tied.Add(i);
            int addNow = Math.Min(tied.Count, needToAdd);
            // A random subset of size addNow: a partial Fisher–Yates shuffle.
            for (int j = 0; j < addNow; j++)
            {
                int pick = j + rng.NextInt(tied.Count - j);
                (tied[j], tied[pick]) = (tied[pick], tied[j]);
                result[tied[j]]++;
            }
            needToAdd -= addNow;
        }
        return result;
    }

    /// <summary>The stratification class of each row: the argmax of a one-hot row (N×K), or for an N×1 y the rank
    /// of the row's value among the distinct values (so whole-number labels 0 … K−1 keep their numbers).</summary>
    private static int[] ClassGroups(Matrix y)
    {
        if (y.Columns == 0)
            throw new ArgumentException($"y has shape {y.ShapeText}; stratifying needs at least one column.", nameof(y));
        if (y.Columns > 1) return Labels.Argmax(y);
        var values = y.Span.ToArray();
        for (int r = 0; r < values.Length; r++)
            if (float.IsNaN(values[r])) throw new ArgumentException($"y[{r}] is NaN; cannot stratify by it.", nameof(y));
        float[] distinct = values.Distinct().Order().ToArray();
        var groups = new int[values.Length];
        for (int r = 0; r < values.Length; r++) groups[r] = Array.BinarySearch(distinct, values[r]);
        return groups;
    }

    private static int[] Gather(IReadOnlyList<int> values, int[] indices)
    {
        var result = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++) result[i] = values[indices[i]];
        return result;
    }
}
