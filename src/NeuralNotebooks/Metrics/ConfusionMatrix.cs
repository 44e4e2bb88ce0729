using System.Globalization;
using System.Text;

namespace NeuralNotebooks.Metrics;

/// <summary>
/// A confusion matrix: how many samples of each true class were predicted as each class.
/// </summary>
/// <remarks>
/// <para>Layout as in scikit-learn's <c>confusion_matrix</c>: <c>Counts[i, j]</c> is the number of samples whose
/// true class is <c>i</c> and whose predicted class is <c>j</c>. The diagonal holds the correct predictions, row
/// <c>i</c> sums to the support of class <c>i</c>, column <c>j</c> sums to how often <c>j</c> was predicted.</para>
/// <para>Classes are the integers 0 … K−1, where K is <c>classes</c> if given, else the number of class names if
/// given, else the largest label seen + 1; a class that never occurs keeps a row and a column of zeros.</para>
/// </remarks>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;
    private readonly string[] _names;

    private ConfusionMatrix(int[,] counts, string[] names, int total)
    {
        _counts = counts;
        _names = names;
        Total = total;
    }

    /// <summary>Counts how often each (true class, predicted class) pair occurs.</summary>
    /// <param name="yTrue">The true class of each sample (0 … K−1).</param>
    /// <param name="yPred">The predicted class of each sample, same length.</param>
    /// <param name="classes">K, the number of classes; defaults to <paramref name="classNames"/>' count or the largest label + 1.</param>
    /// <param name="classNames">Display names, one per class; defaults to "0", "1", … .</param>
    /// <exception cref="ArgumentException">The lists are empty or differ in length, or <paramref name="classNames"/> does
    /// not hold exactly one non-null name per class.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative or ≥ K, or <paramref name="classes"/> ≤ 0.</exception>
    public static ConfusionMatrix Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, int? classes = null,
        IReadOnlyList<string>? classNames = null)
    {
        int k = LabelChecks.ResolveClasses(yTrue, yPred, classes, classNames);
        var counts = new int[k, k];
        for (int i = 0; i < yTrue.Count; i++) counts[yTrue[i], yPred[i]]++;
        string[] names = classNames?.ToArray() ?? LabelChecks.DefaultNames(k);
        return new ConfusionMatrix(counts, names, yTrue.Count);
    }

    /// <summary>A copy of the counts: row = true class, column = predicted class.</summary>
    public int[,] Counts => (int[,])_counts.Clone();

    /// <summary>The count for (true class <paramref name="trueClass"/>, predicted class <paramref name="predictedClass"/>).</summary>
    public int this[int trueClass, int predictedClass]
    {
        get
        {
            if ((uint)trueClass >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(trueClass), trueClass, $"trueClass must be in [0, {Classes}).");
            if ((uint)predictedClass >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(predictedClass), predictedClass, $"predictedClass must be in [0, {Classes}).");
            return _counts[trueClass, predictedClass];
        }
    }

    /// <summary>K, the number of classes (rows and columns).</summary>
    public int Classes => _names.Length;

    /// <summary>The class names, one per row/column.</summary>
    public IReadOnlyList<string> ClassNames => _names;

    /// <summary>The number of samples counted (the sum of all cells).</summary>
    public int Total { get; }

    /// <summary>The number of correct predictions (the diagonal's sum).</summary>
    public int Correct
    {
        get
        {
            int sum = 0;
            for (int i = 0; i < Classes; i++) sum += _counts[i, i];
            return sum;
        }
    }

    /// <summary>How many samples truly belong to class <paramref name="trueClass"/> (its row sum, the "support").</summary>
    public int Support(int trueClass)
    {
        if ((uint)trueClass >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(trueClass), trueClass, $"trueClass must be in [0, {Classes}).");
        int sum = 0;
        for (int j = 0; j < Classes; j++) sum += _counts[trueClass, j];
        return sum;
    }

    /// <summary>How many samples were predicted as class <paramref name="predictedClass"/> (its column sum).</summary>
    public int Predicted(int predictedClass)
    {
        if ((uint)predictedClass >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(predictedClass), predictedClass, $"predictedClass must be in [0, {Classes}).");
        int sum = 0;
        for (int i = 0; i < Classes; i++) sum += _counts[i, predictedClass];
        return sum;
    }

    /// <summary>Each row divided by its sum: entry (i, j) is the fraction of class-i samples predicted as j.</summary>
    /// <remarks>scikit-learn's <c>normalize="true"</c>. The diagonal is then each class's recall. A class with no
    /// samples gets a row of zeros (scikit-learn would produce NaN there and then replace it by 0).</remarks>
    public double[,] RowNormalized()
    {
        var result = new double[Classes, Classes];
        for (int i = 0; i < Classes; i++)
        {
            int support = Support(i);
            if (support == 0) continue;
            for (int j = 0; j < Classes; j++) result[i, j] = (double)_counts[i, j] / support;
        }
        return result;
    }

    /// <summary>An aligned text table: one row per true class, one column per predicted class.</summary>
    /// <remarks>The top-left cell reads "true \ pred"; every column is right-aligned to its widest entry.</remarks>
    public override string ToString()
    {
        const string corner = "true \\ pred";
        int labelWidth = corner.Length;
        foreach (var n in _names) labelWidth = Math.Max(labelWidth, n.Length);
        var widths = new int[Classes];
        for (int j = 0; j < Classes; j++)
        {
            widths[j] = _names[j].Length;
            for (int i = 0; i < Classes; i++)
                widths[j] = Math.Max(widths[j], _counts[i, j].ToString(CultureInfo.InvariantCulture).Length);
        }

        var sb = new StringBuilder();
        sb.Append(corner.PadLeft(labelWidth));
        for (int j = 0; j < Classes; j++) sb.Append("  ").Append(_names[j].PadLeft(widths[j]));
        sb.Append('\n');
        for (int i = 0; i < Classes; i++)
        {
            sb.Append(_names[i].PadLeft(labelWidth));
            for (int j = 0; j < Classes; j++)
                sb.Append("  ").Append(_counts[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(widths[j]));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
