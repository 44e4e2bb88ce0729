using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>
/// Conversions between the three ways labels travel through the library: integer class labels, one-hot rows, and
/// probability matrices coming out of a model.
/// </summary>
/// <remarks>
/// <para>Named <c>Labels</c> rather than <c>Encoding</c> so that it never clashes with <c>System.Text.Encoding</c>, which
/// Polyglot's C# kernel imports by default.</para>
/// </remarks>
public static class Labels
{
    /// <summary>One row per label, with a 1 in the label's column and 0 elsewhere.</summary>
    /// <param name="labels">Class labels in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of columns (&gt; 0).</param>
    /// <remarks>Keras' <c>to_categorical(labels, classes)</c>: label 2 of 4 becomes (0, 0, 1, 0).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> ≤ 0, or a label is outside [0, classes).</exception>
    public static Matrix OneHot(IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classes <= 0) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be > 0.");
        var m = new Matrix(labels.Count, classes);
        for (int i = 0; i < labels.Count; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"labels[{i}] is {label}; it must be in [0, {classes}).");
            m.Data[i * classes + label] = 1f;
        }
        return m;
    }

    /// <summary>The column index of each row's largest value (the predicted class of a probability row).</summary>
    /// <remarks>Each row by <see cref="ArgmaxOf(ReadOnlySpan{float})"/>: ties resolve to the first maximal column and a
    /// NaN counts as the largest value.</remarks>
    /// <exception cref="ArgumentException"><paramref name="m"/> has no columns.</exception>
    public static int[] Argmax(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Columns == 0) throw new ArgumentException($"m has shape {m.ShapeText}; argmax needs at least one column.", nameof(m));
        var result = new int[m.Rows];
        for (int r = 0; r < m.Rows; r++) result[r] = ArgmaxOf(m.Row(r));
        return result;
    }

    /// <summary>Converts an N×1 column of whole numbers stored as floats (the sparse-label layout) to integers.</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not N×1 or holds a value that is not a whole number
    /// in the int range.</exception>
    public static int[] ToLabels(Matrix column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Columns != 1)
            throw new ArgumentException($"column has shape {column.ShapeText} but ({column.Rows}, 1) was expected.", nameof(column));
        var labels = new int[column.Rows];
        for (int i = 0; i < labels.Length; i++)
        {
            float v = column.Data[i];
            if (!float.IsFinite(v) || v != MathF.Floor(v) || v < int.MinValue || v >= 2147483648f)
                throw new ArgumentException($"column[{i}] is {v}; labels must be whole numbers.", nameof(column));
            labels[i] = (int)v;
        }
        return labels;
    }

    /// <summary>Turns an N×1 column of probabilities into 0/1 labels: 1 where p &gt; <paramref name="threshold"/>.</summary>
    /// <remarks>The same strict comparison as <see cref="Metrics.Accuracy.Binary"/> (Keras): p = 0.5 gives 0.</remarks>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is not N×1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static int[] Threshold(Matrix probabilities, float threshold = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Columns != 1)
            throw new ArgumentException($"probabilities has shape {probabilities.ShapeText} but ({probabilities.Rows}, 1) was expected.", nameof(probabilities));
        if (float.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must not be NaN.");
        var labels = new int[probabilities.Rows];
        for (int i = 0; i < labels.Length; i++) labels[i] = probabilities.Data[i] > threshold ? 1 : 0;
        return labels;
    }

    /// <summary>The index of the largest value: the predicted class of one row of probabilities (or scores).</summary>
    /// <remarks>
    /// <para>The one argmax rule of the library (accuracy, the training history, confusion matrices, charts):
    /// <c>argmax(v) = the first i with v[i] = max v</c>, and when v contains NaN, the index of the first NaN — NaN counts
    /// as larger than every number, as in <c>numpy.argmax</c> and <c>torch.argmax</c>. So a model whose output went NaN
    /// is not credited with a lucky class 0, and both engines' accuracies agree.</para>
    /// <para>−∞ and +∞ are ordinary values: [−∞, −∞] gives 0, [1, +∞] gives 1.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static int ArgmaxOf(ReadOnlySpan<float> values) => Argmax(values);

    /// <summary>The index of the largest value, by the rule of <see cref="ArgmaxOf(ReadOnlySpan{float})"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static int ArgmaxOf(ReadOnlySpan<double> values) => Argmax(values);

    private static int Argmax<T>(ReadOnlySpan<T> values) where T : System.Numerics.INumber<T>
    {
        if (values.IsEmpty) throw new ArgumentException("values is empty; argmax needs at least one value.", nameof(values));
        int best = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (T.IsNaN(values[i])) return i;
            if (values[i] > values[best]) best = i;
        }
        return best;
    }
}
