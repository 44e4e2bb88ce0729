using NeuralNotebooks.Data;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Metrics;

/// <summary>
/// Accuracy: the fraction of samples whose predicted class equals the true class, in the four flavours Keras
/// and scikit-learn use (binary, one-hot, sparse labels, plain integer labels).
/// </summary>
/// <remarks>
/// <para><c>accuracy = (number of correct predictions) / N</c>, a value in [0, 1].</para>
/// <para>All functions need at least one sample (an accuracy over nothing is undefined) and throw an
/// <see cref="ArgumentException"/> naming both shapes when the arguments do not line up.</para>
/// </remarks>
public static class Accuracy
{
    /// <summary>Binary accuracy: a probability counts as class 1 when it is strictly above <paramref name="threshold"/>.</summary>
    /// <param name="probabilities">Predicted probabilities of class 1, usually N×1 (a sigmoid output).</param>
    /// <param name="labels">The targets, 0 or 1, with the same shape.</param>
    /// <param name="threshold">The decision threshold (default 0.5).</param>
    /// <remarks>
    /// <para>Follows Keras' <c>binary_accuracy</c>: <c>ŷ = 1 if p &gt; threshold else 0</c>, then the mean of
    /// <c>ŷ == y</c> over every element. So p = 0.5 exactly is predicted as class 0, and a label that is neither
    /// 0 nor 1 is never matched. For an N×k matrix (k independent binary outputs) the mean is over all N·k elements,
    /// which equals Keras' mean over the last axis followed by the mean over the batch. A NaN probability is never
    /// above the threshold, so it predicts 0.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The shapes differ (the message names both) or there are no elements.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static double Binary(Matrix probabilities, Matrix labels, float threshold = 0.5f) =>
        (double)BinaryCorrect(probabilities, labels, threshold) / probabilities.Length;

    /// <summary>The number of elements <see cref="Binary"/> counts as right (its numerator; scikit-learn's
    /// <c>accuracy_score(normalize=False)</c>).</summary>
    /// <exception cref="ArgumentException">The shapes differ (the message names both) or there are no elements.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static int BinaryCorrect(Matrix probabilities, Matrix labels, float threshold = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        Matrix.RequireSameShape(probabilities, labels, nameof(labels));
        if (float.IsNaN(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must not be NaN.");
        RequireNonEmpty(probabilities, nameof(probabilities));
        ReadOnlySpan<float> p = probabilities.Span, y = labels.Span;
        int correct = 0;
        for (int i = 0; i < p.Length; i++)
        {
            float predicted = p[i] > threshold ? 1f : 0f;
            if (predicted == y[i]) correct++;
        }
        return correct;
    }

    /// <summary>Categorical accuracy: the row's argmax of the probabilities against the row's argmax of the one-hot targets.</summary>
    /// <param name="probabilities">N×K predicted class probabilities (or scores; only their order matters).</param>
    /// <param name="oneHot">N×K one-hot targets.</param>
    /// <remarks>Follows Keras' <c>categorical_accuracy</c>. The predicted class is <see cref="Labels.ArgmaxOf(ReadOnlySpan{float})"/>:
    /// ties resolve to the first maximal column and a NaN counts as the largest value, like <c>numpy.argmax</c>.</remarks>
    /// <exception cref="ArgumentException">The shapes differ (the message names both) or there are no rows or no columns.</exception>
    public static double Categorical(Matrix probabilities, Matrix oneHot) =>
        (double)CategoricalCorrect(probabilities, oneHot) / probabilities.Rows;

    /// <summary>The number of rows <see cref="Categorical"/> counts as right (its numerator).</summary>
    /// <exception cref="ArgumentException">The shapes differ (the message names both) or there are no rows or no columns.</exception>
    public static int CategoricalCorrect(Matrix probabilities, Matrix oneHot)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(oneHot);
        Matrix.RequireSameShape(probabilities, oneHot, nameof(oneHot));
        RequireNonEmpty(probabilities, nameof(probabilities));
        int correct = 0;
        for (int r = 0; r < probabilities.Rows; r++)
            if (Labels.ArgmaxOf(probabilities.Row(r)) == Labels.ArgmaxOf(oneHot.Row(r))) correct++;
        return correct;
    }

    /// <summary>Sparse categorical accuracy: the row's argmax of the probabilities against an integer class label.</summary>
    /// <param name="probabilities">N×K predicted class probabilities.</param>
    /// <param name="labels">N×1 class indices stored as floats (0, 1, …, K−1).</param>
    /// <remarks>Follows Keras' <c>sparse_categorical_accuracy</c>, with the argmax rule of <see cref="Categorical"/>. Unlike
    /// Keras, a label that is not a whole number in [0, K) is an error rather than a silent miss.</remarks>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is not N×1 (the message names both shapes), is not a
    /// whole number in [0, K), or there are no rows.</exception>
    public static double SparseCategorical(Matrix probabilities, Matrix labels) =>
        (double)SparseCategoricalCorrect(probabilities, labels) / probabilities.Rows;

    /// <summary>The number of rows <see cref="SparseCategorical"/> counts as right (its numerator).</summary>
    /// <exception cref="ArgumentException">As <see cref="SparseCategorical"/>.</exception>
    public static int SparseCategoricalCorrect(Matrix probabilities, Matrix labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Rows != probabilities.Rows || labels.Columns != 1)
            throw new ArgumentException(
                $"labels has shape {labels.ShapeText} but ({probabilities.Rows}, 1) was expected for probabilities of shape {probabilities.ShapeText}.",
                nameof(labels));
        RequireNonEmpty(probabilities, nameof(probabilities));
        int correct = 0;
        for (int r = 0; r < probabilities.Rows; r++)
        {
            float label = labels.Data[r];
            if (label != MathF.Floor(label) || label < 0 || label >= probabilities.Columns)
                throw new ArgumentException(
                    $"labels[{r}] is {label}; it must be a class index in 0…{probabilities.Columns - 1}.", nameof(labels));
            if (Labels.ArgmaxOf(probabilities.Row(r)) == (int)label) correct++;
        }
        return correct;
    }

    /// <summary>The fraction of positions where <paramref name="yPred"/> equals <paramref name="yTrue"/>.</summary>
    /// <remarks>scikit-learn's <c>accuracy_score</c> for integer labels. Labels may be any integers.</remarks>
    /// <exception cref="ArgumentException">The lists differ in length (the message names both) or are empty.</exception>
    public static double Score(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred);
        LabelChecks.RequireSameLength(yTrue, yPred);
        if (yTrue.Count == 0) throw new ArgumentException("yTrue is empty; accuracy needs at least one sample.", nameof(yTrue));
        int correct = 0;
        for (int i = 0; i < yTrue.Count; i++)
            if (yTrue[i] == yPred[i]) correct++;
        return (double)correct / yTrue.Count;
    }

    private static void RequireNonEmpty(Matrix m, string paramName)
    {
        if (m.Rows == 0 || m.Columns == 0)
            throw new ArgumentException($"{paramName} has shape {m.ShapeText}; accuracy needs at least one sample and one column.", paramName);
    }
}
