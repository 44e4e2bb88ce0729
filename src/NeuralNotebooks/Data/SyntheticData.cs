using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>Generators of synthetic data sets for experiments whose answer is known.</summary>
public static partial class SyntheticData
{
    /// <summary>
    /// A random n-class classification problem: Gaussian clusters around the vertices of a hypercube, plus redundant,
    /// repeated and useless features — a port of scikit-learn's <c>make_classification</c>.
    /// </summary>
    /// <param name="samples">The number of samples (≥ 1).</param>
    /// <param name="features">The total number of features (≥ 1): informative + redundant + repeated + useless.</param>
    /// <param name="informative">Features that carry the class structure (≥ 1); 2^informative must be ≥ classes × clustersPerClass.</param>
    /// <param name="redundant">Random linear combinations of the informative features (≥ 0).</param>
    /// <param name="repeated">Copies of randomly chosen informative or redundant features (≥ 0).</param>
    /// <param name="classes">The number of classes (≥ 1).</param>
    /// <param name="clustersPerClass">Gaussian clusters per class (≥ 1).</param>
    /// <param name="weights">Class proportions, length classes or classes − 1 (the last one is then 1 − the sum);
    /// null means balanced classes.</param>
    /// <param name="flipY">The fraction of samples whose label is replaced by a random class, in [0, 1].</param>
    /// <param name="classSep">Half the side of the hypercube (&gt; 0): larger values separate the clusters more.</param>
    /// <param name="hypercube">Put the centroids on hypercube vertices (true) or on a randomly stretched polytope (false).</param>
    /// <param name="shift">Added to every feature; null draws a random shift per feature in [−classSep, classSep).</param>
    /// <param name="scale">Multiplies every feature after the shift (&gt; 0); null draws a random factor per feature in [1, 101).</param>
    /// <param name="shuffle">Shuffle the samples and the features.</param>
    /// <param name="seed">The seed of the <see cref="Rng"/> driving every random choice.</param>
    /// <returns>X (samples × features, float) and the class label of each sample.</returns>
    /// <remarks>
    /// <para>The steps mirror scikit-learn's <c>sklearn/datasets/_samples_generator.py</c> one by one, in the same order
    /// of random draws; only the generator differs (<see cref="Rng"/> instead of numpy's), so the numbers differ but
    /// their distribution is the same. Everything is computed in double and rounded to float at the end.</para>
    /// <list type="number">
    /// <item><b>Validation</b>, as scikit-learn: informative + redundant + repeated ≤ features;
    /// informative ≥ log₂(classes · clustersPerClass); weights of length classes or classes − 1.</item>
    /// <item><b>Samples per cluster.</b> Cluster k (k = 0 … classes·clustersPerClass − 1) belongs to class
    /// k mod classes and gets <c>⌊samples · weights[k mod classes] / clustersPerClass⌋</c> samples; the samples left
    /// over are handed out one each to clusters 0, 1, 2, … in turn.</item>
    /// <item><b>Centroids</b>: distinct vertices of the informative-dimensional unit hypercube, sampled without
    /// replacement from the 2^informative binary codes (above 30 dimensions the extra leading coordinates are random
    /// bits, as in scikit-learn), mapped to ±classSep by <c>v·2·classSep − classSep</c>. With hypercube = false every
    /// centroid row is multiplied by a U[0,1) factor and then every coordinate column by another.</item>
    /// <item><b>Informative features</b>: the whole block is drawn from N(0, 1); then for each cluster a random matrix
    /// <c>A = 2·U[0,1) − 1</c> (informative × informative) gives its points a random covariance, <c>X_k ← X_k·A</c>, and
    /// the cluster is moved to its centroid, <c>X_k ← X_k + c_k</c>.</item>
    /// <item><b>Redundant features</b>: <c>X_inf·B</c> with <c>B = 2·U[0,1) − 1</c> (informative × redundant).</item>
    /// <item><b>Repeated features</b>: copies of columns <c>⌊(n − 1)·U + 0.5⌋</c> with n = informative + redundant.</item>
    /// <item><b>Useless features</b>: N(0, 1) noise in the remaining columns.</item>
    /// <item><b>Label noise</b>: a U[0,1) draw per sample; where it is below flipY the label becomes a uniformly random
    /// class (possibly the same one).</item>
    /// <item><b>Shift and scale</b>: <c>X ← (X + shift)·scale</c>, per feature.</item>
    /// <item><b>Shuffle</b>: a random permutation of the samples (rows of X together with y), then of the features.</item>
    /// </list>
    /// <para>Without shuffling the columns are ordered informative, redundant, repeated, useless, and the samples come
    /// cluster by cluster. Two checks scikit-learn leaves out are added here: weights must be finite and ≥ 0, and their
    /// per-cluster sample counts must not add up to more than <paramref name="samples"/> (scikit-learn would silently
    /// drop the excess from the last clusters).</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count, flipY, classSep, shift or scale is out of its range.</exception>
    /// <exception cref="ArgumentException">The feature counts do not fit, there are too few informative features for the
    /// clusters, or the weights are invalid.</exception>
    public static (Matrix X, int[] Y) MakeClassification(int samples = 100, int features = 20, int informative = 2,
        int redundant = 2, int repeated = 0, int classes = 2, int clustersPerClass = 2, double[]? weights = null,
        double flipY = 0.01, double classSep = 1.0, bool hypercube = true, double? shift = 0.0, double? scale = 1.0,
        bool shuffle = true, int seed = 0)
    {
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "samples must be ≥ 1.");
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "features must be ≥ 1.");
        if (informative < 1) throw new ArgumentOutOfRangeException(nameof(informative), informative, "informative must be ≥ 1.");
        if (redundant < 0) throw new ArgumentOutOfRangeException(nameof(redundant), redundant, "redundant must be ≥ 0.");
        if (repeated < 0) throw new ArgumentOutOfRangeException(nameof(repeated), repeated, "repeated must be ≥ 0.");
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be ≥ 1.");
        if (clustersPerClass < 1) throw new ArgumentOutOfRangeException(nameof(clustersPerClass), clustersPerClass, "clustersPerClass must be ≥ 1.");
        if (!(flipY >= 0 && flipY <= 1)) throw new ArgumentOutOfRangeException(nameof(flipY), flipY, "flipY must be in [0, 1].");
        if (!(classSep > 0) || double.IsInfinity(classSep)) throw new ArgumentOutOfRangeException(nameof(classSep), classSep, "classSep must be finite and > 0.");
        if (shift is double sh && !double.IsFinite(sh)) throw new ArgumentOutOfRangeException(nameof(shift), sh, "shift must be finite (or null for a random shift).");
        if (scale is double sc && (!(sc > 0) || double.IsInfinity(sc))) throw new ArgumentOutOfRangeException(nameof(scale), sc, "scale must be finite and > 0 (or null for a random scale).");

        if ((long)informative + redundant + repeated > features)
            throw new ArgumentException(
                $"informative ({informative}) + redundant ({redundant}) + repeated ({repeated}) = {(long)informative + redundant + repeated} exceeds features ({features}).",
                nameof(features));
        long clusterCount = (long)classes * clustersPerClass;
        if (informative < Math.Log2(clusterCount))
            throw new ArgumentException(
                $"classes ({classes}) × clustersPerClass ({clustersPerClass}) = {clusterCount} must be ≤ 2^informative ({informative}); there are not enough hypercube vertices.",
                nameof(informative));
        double[] w = ResolveWeights(weights, classes);

        int nUseless = features - informative - redundant - repeated;
        int nClusters = (int)clusterCount;

        // Distribute samples among clusters by weight.
        var perCluster = new int[nClusters];
        long assigned = 0;
        for (int k = 0; k < nClusters; k++)
        {
            perCluster[k] = (int)(samples * w[k % classes] / clustersPerClass);
            assigned += perCluster[k];
        }
        if (assigned > samples)
            throw new ArgumentException(
                $"weights sum to {w.Sum()}, which assigns {assigned} samples to the clusters but only {samples} are requested.",
                nameof(weights));
        for (long i = 0; i < samples - assigned; i++) perCluster[i % nClusters]++;

        var rng = new Rng(seed);
        var x = new double[(long)samples * features];
        var y = new int[samples];

        // Build the polytope whose vertices become cluster centroids.
        double[,] centroids = GenerateHypercube(nClusters, informative, rng);
        for (int k = 0; k < nClusters; k++)
            for (int j = 0; j < informative; j++)
                centroids[k, j] = centroids[k, j] * 2 * classSep - classSep;
        if (!hypercube)
        {
            for (int k = 0; k < nClusters; k++)
            {
                double f = rng.NextDouble();
                for (int j = 0; j < informative; j++) centroids[k, j] *= f;
            }
            for (int j = 0; j < informative; j++)
            {
                double f = rng.NextDouble();
                for (int k = 0; k < nClusters; k++) centroids[k, j] *= f;
            }
        }

        // Informative features start as standard normal noise.
        for (int r = 0; r < samples; r++)
            for (int j = 0; j < informative; j++)
                x[(long)r * features + j] = rng.NextNormal();

        // Create each cluster: a random covariance, then a shift to its vertex.
        var a = new double[informative, informative];
        var row = new double[informative];
        int stop = 0;
        for (int k = 0; k < nClusters; k++)
        {
            int start = stop;
            stop += perCluster[k];
            for (int i = 0; i < informative; i++)
                for (int j = 0; j < informative; j++)
                    a[i, j] = 2 * rng.NextDouble() - 1;
            for (int r = start; r < stop; r++)
            {
                y[r] = k % classes;
                long offset = (long)r * features;
                for (int i = 0; i < informative; i++) row[i] = x[offset + i];
                for (int j = 0; j < informative; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < informative; i++) sum += row[i] * a[i, j];
                    x[offset + j] = sum + centroids[k, j];
                }
            }
        }

        // Redundant features: random linear combinations of the informative ones.
        if (redundant > 0)
        {
            var b = new double[informative, redundant];
            for (int i = 0; i < informative; i++)
                for (int j = 0; j < redundant; j++)
                    b[i, j] = 2 * rng.NextDouble() - 1;
            for (int r = 0; r < samples; r++)
            {
                long offset = (long)r * features;
                for (int j = 0; j < redundant; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < informative; i++) sum += x[offset + i] * b[i, j];
                    x[offset + informative + j] = sum;
                }
            }
        }

        // Repeated features: copies of random informative or redundant columns.
        if (repeated > 0)
        {
            int n = informative + redundant;
            var source = new int[repeated];
            for (int j = 0; j < repeated; j++) source[j] = (int)((n - 1) * rng.NextDouble() + 0.5);
            for (int r = 0; r < samples; r++)
            {
                long offset = (long)r * features;
                for (int j = 0; j < repeated; j++) x[offset + n + j] = x[offset + source[j]];
            }
        }

        // Useless features: pure noise.
        if (nUseless > 0)
        {
            int first = features - nUseless;
            for (int r = 0; r < samples; r++)
                for (int j = first; j < features; j++)
                    x[(long)r * features + j] = rng.NextNormal();
        }

        // Randomly replace labels: one uniform draw per sample, then a random class for each flipped one.
        var flip = new bool[samples];
        for (int r = 0; r < samples; r++) flip[r] = rng.NextDouble() < flipY;
        for (int r = 0; r < samples; r++)
            if (flip[r]) y[r] = rng.NextInt(classes);

        // Shift, then scale, per feature.
        var shifts = new double[features];
        var scales = new double[features];
        if (shift is double s0) Array.Fill(shifts, s0);
        else for (int j = 0; j < features; j++) shifts[j] = (2 * rng.NextDouble() - 1) * classSep;
        if (scale is double s1) Array.Fill(scales, s1);
        else for (int j = 0; j < features; j++) scales[j] = 1 + 100 * rng.NextDouble();
        for (int r = 0; r < samples; r++)
            for (int j = 0; j < features; j++)
            {
                long idx = (long)r * features + j;
                x[idx] = (x[idx] + shifts[j]) * scales[j];
            }

        var result = new Matrix(samples, features);
        if (shuffle)
        {
            int[] rowOrder = rng.Permutation(samples);
            int[] columnOrder = rng.Permutation(features);
            var shuffledY = new int[samples];
            for (int r = 0; r < samples; r++)
            {
                int src = rowOrder[r];
                shuffledY[r] = y[src];
                for (int j = 0; j < features; j++)
                    result.Data[(long)r * features + j] = (float)x[(long)src * features + columnOrder[j]];
            }
            y = shuffledY;
        }
        else
        {
            for (long i = 0; i < x.Length; i++) result.Data[i] = (float)x[i];
        }
        return (result, y);
    }

    private static double[] ResolveWeights(double[]? weights, int classes)
    {
        if (weights is null)
        {
            var balanced = new double[classes];
            Array.Fill(balanced, 1.0 / classes);
            return balanced;
        }
        if (weights.Length != classes && weights.Length != classes - 1)
            throw new ArgumentException(
                $"weights has {weights.Length} values but classes is {classes}; give {classes} (or {classes - 1}, the last is inferred).",
                nameof(weights));
        for (int i = 0; i < weights.Length; i++)
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
                throw new ArgumentException($"weights[{i}] is {weights[i]}; weights must be finite and ≥ 0.", nameof(weights));
        if (weights.Length == classes) return (double[])weights.Clone();
        var full = new double[classes];
        weights.CopyTo(full, 0);
        full[classes - 1] = 1.0 - weights.Sum();
        if (full[classes - 1] < 0)
            throw new ArgumentException(
                $"weights sum to {weights.Sum()} > 1, so the inferred weight of the last class would be {full[classes - 1]}.", nameof(weights));
        return full;
    }

    /// <summary>Distinct binary codes of length <paramref name="dimensions"/> as a samples × dimensions 0/1 array
    /// (scikit-learn's <c>_generate_hypercube</c>).</summary>
    private static double[,] GenerateHypercube(int samples, int dimensions, Rng rng)
    {
        var result = new double[samples, dimensions];
        if (dimensions > 30)
        {
            // Leading coordinates are free random bits; the last 30 are distinct codes.
            for (int k = 0; k < samples; k++)
                for (int j = 0; j < dimensions - 30; j++)
                    result[k, j] = rng.NextInt(2);
            double[,] tail = GenerateHypercube(samples, 30, rng);
            for (int k = 0; k < samples; k++)
                for (int j = 0; j < 30; j++)
                    result[k, dimensions - 30 + j] = tail[k, j];
            return result;
        }

        int[] codes = SampleWithoutReplacement(1 << dimensions, samples, rng);
        for (int k = 0; k < samples; k++)
            for (int j = 0; j < dimensions; j++)
                result[k, j] = (codes[k] >> (dimensions - 1 - j)) & 1; // most significant bit first
        return result;
    }

    /// <summary><paramref name="count"/> distinct integers from [0, <paramref name="population"/>), in random order.</summary>
    /// <remarks>Like scikit-learn's <c>sample_without_replacement</c> "auto" method: a partial Fisher–Yates shuffle of
    /// the whole pool when the sample is a large part of it, rejection against a set of already chosen values
    /// ("tracking selection") otherwise.</remarks>
    internal static int[] SampleWithoutReplacement(int population, int count, Rng rng)
    {
        var result = new int[count];
        if ((long)count * 4 >= population)
        {
            var pool = new int[population];
            for (int i = 0; i < population; i++) pool[i] = i;
            for (int i = 0; i < count; i++)
            {
                int j = i + rng.NextInt(population - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                result[i] = pool[i];
            }
            return result;
        }
        var chosen = new HashSet<int>();
        for (int i = 0; i < count; i++)
        {
            int v;
            do v = rng.NextInt(population); while (!chosen.Add(v));
            result[i] = v;
        }
        return result;
    }
}
