namespace NeuralNotebooks.Metrics;

/// <summary>Shared argument checks for metrics that compare integer class labels.</summary>
internal static class LabelChecks
{
    /// <summary>
    /// Checks that <paramref name="yTrue"/> and <paramref name="yPred"/> are non-empty, equally long and hold labels in
    /// [0, K), and returns K: <paramref name="classes"/> if given, else the number of <paramref name="classNames"/>,
    /// else the largest label + 1.
    /// </summary>
    public static int ResolveClasses(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, int? classes,
        IReadOnlyList<string>? classNames)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        RequireSameLength(yTrue, yPred);
        if (yTrue.Count == 0) throw new ArgumentException("yTrue is empty; at least one sample is needed.", nameof(yTrue));
        if (classes is int k && k <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), k, "classes must be > 0.");
        if (classNames is not null)
        {
            if (classNames.Count == 0)
                throw new ArgumentException("classNames is empty; give one name per class or null.", nameof(classNames));
            if (classes is int kk && classNames.Count != kk)
                throw new ArgumentException($"classNames has {classNames.Count} names but classes is {kk}.", nameof(classNames));
            for (int i = 0; i < classNames.Count; i++)
                if (classNames[i] is null)
                    throw new ArgumentException($"classNames[{i}] is null.", nameof(classNames));
        }

        int max = -1;
        for (int i = 0; i < yTrue.Count; i++)
        {
            if (yTrue[i] < 0) throw new ArgumentOutOfRangeException(nameof(yTrue), yTrue[i], $"yTrue[{i}] is {yTrue[i]}; class labels must be ≥ 0.");
            if (yPred[i] < 0) throw new ArgumentOutOfRangeException(nameof(yPred), yPred[i], $"yPred[{i}] is {yPred[i]}; class labels must be ≥ 0.");
            max = Math.Max(max, Math.Max(yTrue[i], yPred[i]));
        }

        int resolved = classes ?? classNames?.Count ?? checked(max + 1);
        for (int i = 0; i < yTrue.Count; i++)
        {
            if (yTrue[i] >= resolved)
                throw new ArgumentOutOfRangeException(nameof(yTrue), yTrue[i], $"yTrue[{i}] is {yTrue[i]} but there are only {resolved} classes (labels 0…{resolved - 1}).");
            if (yPred[i] >= resolved)
                throw new ArgumentOutOfRangeException(nameof(yPred), yPred[i], $"yPred[{i}] is {yPred[i]} but there are only {resolved} classes (labels 0…{resolved - 1}).");
        }
        return resolved;
    }

    /// <summary>Throws when the two label lists differ in length, naming both lengths.</summary>
    public static void RequireSameLength(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        if (yTrue.Count != yPred.Count)
            throw new ArgumentException($"yPred has {yPred.Count} labels but yTrue has {yTrue.Count}; they must be equally long.", nameof(yPred));
    }

    /// <summary>The default class names "0", "1", … .</summary>
    public static string[] DefaultNames(int classes)
    {
        var names = new string[classes];
        for (int i = 0; i < classes; i++) names[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return names;
    }
}
