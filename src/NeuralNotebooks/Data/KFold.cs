using NeuralNotebooks.Randomness;

namespace NeuralNotebooks.Data;

/// <summary>One round of k-fold cross-validation: train on <see cref="Train"/>, measure on <see cref="Validation"/>.</summary>
/// <param name="Number">The fold's number, 1 … k.</param>
/// <param name="Train">Row indices to train on: every row not in this fold, in ascending order.</param>
/// <param name="Validation">Row indices of this fold.</param>
public sealed record Fold(int Number, int[] Train, int[] Validation);

/// <summary>
/// k-fold cross-validation splits, ported from scikit-learn's <c>KFold</c>: every sample is validated on exactly once,
/// by a model that never trained on it.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> With little data a single validation split is a noisy measurement: 150 samples give an accuracy
/// in steps of 0.0067, and which 150 land in it matters. k-fold trains k models, each validated on a different k-th of
/// the data, and reports the k scores (their mean and spread) — k times the training, in exchange for using every
/// sample for validation once.</para>
/// <para><b>Folds.</b> The row order is 0 … n−1, or a permutation of it from <see cref="Rng"/>(seed) when shuffling.
/// That order is cut into k consecutive folds; the first <c>n mod k</c> folds hold <c>⌊n/k⌋ + 1</c> rows and the others
/// <c>⌊n/k⌋</c>, exactly as scikit-learn. A fold's validation rows keep that order; its training rows are all the
/// others in ascending index order (scikit-learn's boolean mask gives the same).</para>
/// <para>The numbers differ from scikit-learn's with <c>shuffle=True</c> because <see cref="Rng"/> is not numpy's
/// generator; the procedure is the same. The test set stays out of this: cross-validate on the training (and
/// validation) rows only.</para>
/// </remarks>
public static class KFold
{
    /// <summary>The k folds of <paramref name="samples"/> rows.</summary>
    /// <param name="samples">n, the number of rows (≥ <paramref name="folds"/>).</param>
    /// <param name="folds">k, the number of folds (≥ 2).</param>
    /// <param name="seed">The seed of the shuffle (ignored when <paramref name="shuffle"/> is false).</param>
    /// <param name="shuffle">Shuffle the rows before cutting them into folds (data that comes sorted by class needs it).</param>
    /// <returns>k folds, numbered 1 … k; their validation parts are disjoint and together hold every row once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> &lt; 2, or <paramref name="samples"/> &lt; <paramref name="folds"/>.</exception>
    public static IReadOnlyList<Fold> Split(int samples, int folds, int seed = 0, bool shuffle = true)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "folds must be ≥ 2 (k-fold needs at least two folds).");
        if (samples < folds)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"{samples} samples cannot be cut into {folds} folds; every fold needs at least one sample.");

        int[] order = shuffle ? new Rng(seed).Permutation(samples) : Enumerable.Range(0, samples).ToArray();
        var result = new Fold[folds];
        int start = 0;
        for (int f = 0; f < folds; f++)
        {
            int size = samples / folds + (f < samples % folds ? 1 : 0);
            int[] validation = order[start..(start + size)];
            var inFold = new bool[samples];
            foreach (int row in validation) inFold[row] = true;
            int[] train = Enumerable.Range(0, samples).Where(row => !inFold[row]).ToArray();
            result[f] = new Fold(f + 1, train, validation);
            start += size;
        }
        return result;
    }
}
