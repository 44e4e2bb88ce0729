using System.Globalization;
using System.Text;

namespace NeuralNotebooks.Metrics;

/// <summary>
/// Per-class precision, recall and F1 plus their averages, printed exactly like scikit-learn's
/// <c>classification_report</c>.
/// </summary>
/// <remarks>
/// <para>For class c, with TP = samples of class c predicted as c, FP = other samples predicted as c, FN = samples
/// of class c predicted as something else:</para>
/// <list type="bullet">
/// <item><c>precision = TP / (TP + FP)</c>, <c>recall = TP / (TP + FN)</c>, <c>F1 = 2·TP / (2·TP + FP + FN)</c>
/// (the harmonic mean of precision and recall);</item>
/// <item>a ratio whose denominator is 0 is reported as 0.0 (scikit-learn's <c>zero_division</c> default, minus its
/// warning);</item>
/// <item>macro average: the plain mean over classes; weighted average: the mean weighted by support;</item>
/// <item>accuracy: correct / total, which for single-label classification equals the micro-averaged precision,
/// recall and F1.</item>
/// </list>
/// <para>Classes are 0 … K−1 (see <see cref="Compute"/>). When every class occurs in <c>yTrue</c> or <c>yPred</c>
/// the text shows an "accuracy" row, as scikit-learn does without a <c>labels</c> argument. When some class never
/// occurs, scikit-learn (called with <c>labels=range(K)</c>) prints a "micro avg" row instead, and so does this
/// class; the numbers are the same.</para>
/// </remarks>
public sealed class ClassificationReport
{
    private const string LongestHeading = "weighted avg";
    private readonly ClassScores[] _classes;

    private ClassificationReport(ClassScores[] classes, double accuracy, ClassScores macro, ClassScores weighted,
        ClassScores micro, bool allClassesSeen, ConfusionMatrix confusion)
    {
        _classes = classes;
        Accuracy = accuracy;
        MacroAverage = macro;
        WeightedAverage = weighted;
        MicroAverage = micro;
        AllClassesSeen = allClassesSeen;
        Confusion = confusion;
    }

    /// <summary>Computes the report for integer class labels.</summary>
    /// <param name="yTrue">The true class of each sample (0 … K−1).</param>
    /// <param name="yPred">The predicted class of each sample, same length.</param>
    /// <param name="classNames">Display names, one per class (scikit-learn's <c>target_names</c>); defaults to "0", "1", … .</param>
    /// <param name="classes">K; defaults to the number of names, else the largest label + 1.</param>
    /// <exception cref="ArgumentException">The lists are empty or differ in length, or <paramref name="classNames"/> does
    /// not hold exactly one non-null name per class.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative or ≥ K, or <paramref name="classes"/> ≤ 0.</exception>
    public static ClassificationReport Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred,
        IReadOnlyList<string>? classNames = null, int? classes = null)
    {
        var cm = ConfusionMatrix.Compute(yTrue, yPred, classes, classNames);
        int k = cm.Classes, total = cm.Total;
        var perClass = new ClassScores[k];
        bool allSeen = true;
        int sumTp = 0;
        double macroP = 0, macroR = 0, macroF = 0, weightedP = 0, weightedR = 0, weightedF = 0;
        for (int c = 0; c < k; c++)
        {
            int tp = cm[c, c];
            int support = cm.Support(c), predicted = cm.Predicted(c);
            int fp = predicted - tp, fn = support - tp;
            if (support == 0 && predicted == 0) allSeen = false;
            double p = Ratio(tp, tp + fp), r = Ratio(tp, tp + fn), f = Ratio(2.0 * tp, 2.0 * tp + fp + fn);
            perClass[c] = new ClassScores(cm.ClassNames[c], p, r, f, support);
            sumTp += tp;
            macroP += p; macroR += r; macroF += f;
            weightedP += p * support; weightedR += r * support; weightedF += f * support;
        }

        var macro = new ClassScores("macro avg", macroP / k, macroR / k, macroF / k, total);
        // total > 0 is guaranteed (empty input is rejected), so the weighted average is always defined.
        var weighted = new ClassScores("weighted avg", weightedP / total, weightedR / total, weightedF / total, total);
        double accuracy = (double)sumTp / total;
        // Every sample's true and predicted labels are among the K classes, so micro TP+FP = TP+FN = total.
        var micro = new ClassScores("micro avg", accuracy, accuracy, accuracy, total);
        return new ClassificationReport(perClass, accuracy, macro, weighted, micro, allSeen, cm);
    }

    /// <summary>One entry per class, in class order.</summary>
    public IReadOnlyList<ClassScores> Classes => _classes;

    /// <summary>The fraction of correct predictions.</summary>
    public double Accuracy { get; }

    /// <summary>The unweighted mean of the per-class scores; Support is the total.</summary>
    public ClassScores MacroAverage { get; }

    /// <summary>The per-class scores averaged with weights = support; Support is the total.</summary>
    public ClassScores WeightedAverage { get; }

    /// <summary>Micro averages (global TP, FP, FN); for single-label data all three equal <see cref="Accuracy"/>.</summary>
    public ClassScores MicroAverage { get; }

    /// <summary>Whether every class occurs in yTrue or yPred (then the text shows "accuracy" rather than "micro avg").</summary>
    public bool AllClassesSeen { get; }

    /// <summary>The confusion matrix the report was computed from.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>The report with two decimals, laid out exactly like scikit-learn's <c>classification_report</c>.</summary>
    public override string ToString() => ToString(2);

    /// <summary>The report with <paramref name="digits"/> decimals, laid out exactly like scikit-learn's <c>classification_report</c>.</summary>
    /// <remarks>
    /// <para>Layout (Python format strings of scikit-learn): width = max(longest class name, len("weighted avg") = 12,
    /// digits); header <c>"{'':>width} " + " {:>9}"·4</c> and a blank line; per class
    /// <c>"{name:>width} " + " {:>9.{digits}f}"·3 + " {support:>9}"</c>; a blank line; the accuracy row (precision and
    /// recall cells left blank), then "macro avg" and "weighted avg". Every line ends with '\n'. Numbers are rounded
    /// from their exact binary value, as Python's format does.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is outside 0 … 15.</exception>
    public string ToString(int digits)
    {
        if (digits < 0 || digits > 15) throw new ArgumentOutOfRangeException(nameof(digits), digits, "digits must be in 0 … 15.");
        int width = Math.Max(LongestHeading.Length, digits);
        foreach (var c in _classes) width = Math.Max(width, c.Name.Length);

        var sb = new StringBuilder();
        sb.Append(string.Empty.PadLeft(width)).Append(' ');
        foreach (var h in new[] { "precision", "recall", "f1-score", "support" }) sb.Append(' ').Append(h.PadLeft(9));
        sb.Append("\n\n");
        foreach (var c in _classes) AppendRow(sb, c, width, digits);
        sb.Append('\n');
        if (AllClassesSeen)
        {
            sb.Append("accuracy".PadLeft(width)).Append(' ');
            sb.Append(' ').Append(string.Empty.PadLeft(9));
            sb.Append(' ').Append(string.Empty.PadLeft(9));
            sb.Append(' ').Append(Format(Accuracy, digits));
            sb.Append(' ').Append(MacroAverage.Support.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
        }
        else
        {
            AppendRow(sb, MicroAverage, width, digits);
        }
        AppendRow(sb, MacroAverage, width, digits);
        AppendRow(sb, WeightedAverage, width, digits);
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, ClassScores s, int width, int digits)
    {
        sb.Append(s.Name.PadLeft(width)).Append(' ');
        sb.Append(' ').Append(Format(s.Precision, digits));
        sb.Append(' ').Append(Format(s.Recall, digits));
        sb.Append(' ').Append(Format(s.F1, digits));
        sb.Append(' ').Append(s.Support.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
    }

    private static string Format(double value, int digits) =>
        value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).PadLeft(9);

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0.0 : numerator / denominator;
}
