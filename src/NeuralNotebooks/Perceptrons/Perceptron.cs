namespace NeuralNotebooks.Perceptrons;

/// <summary>
/// Rosenblatt's perceptron (1957): a weighted sum of the inputs plus a bias, passed through a step function
/// with a threshold.
/// </summary>
/// <remarks>
/// <para>Output: <c>S = Σᵢ wᵢ·xᵢ + b</c>, then <c>ŷ = 1 if S &gt; threshold else 0</c>.</para>
/// <para>The coffee example of the lessons: x = (2, 3, 1), w = (0.5, 0.7, 0.6), b = 2, threshold 6 gives
/// S = 1 + 2.1 + 0.6 + 2 = 5.7 ≤ 6, so the output is 0 ("doesn't like coffee").</para>
/// <para>Learning (<see cref="Train"/>) uses the perceptron rule <c>w ← w + η·(y − ŷ)·x</c>, <c>b ← b + η·(y − ŷ)</c>.
/// It converges on linearly separable data (AND, OR, NAND, NOR) and never on XOR.</para>
/// </remarks>
public sealed class Perceptron
{
    private readonly double[] _weights;

    /// <summary>Creates a perceptron with the given weights, bias and threshold.</summary>
    /// <exception cref="ArgumentException"><paramref name="weights"/> is empty or holds a non-finite value.</exception>
    public Perceptron(IReadOnlyList<double> weights, double bias = 0, double threshold = 0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("weights must hold at least one value.", nameof(weights));
        for (int i = 0; i < weights.Count; i++)
            if (!double.IsFinite(weights[i])) throw new ArgumentException($"weights[{i}] is {weights[i]}; weights must be finite.", nameof(weights));
        if (!double.IsFinite(bias)) throw new ArgumentOutOfRangeException(nameof(bias), bias, "bias must be finite.");
        if (!double.IsFinite(threshold)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be finite.");
        _weights = weights.ToArray();
        Bias = bias;
        Threshold = threshold;
    }

    /// <summary>Creates a perceptron with <paramref name="inputs"/> zero weights and zero bias (the usual start of learning).</summary>
    public static Perceptron Zeros(int inputs, double threshold = 0)
    {
        if (inputs <= 0) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs must be > 0.");
        return new Perceptron(new double[inputs], 0, threshold);
    }

    /// <summary>The weights w, one per input.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias b.</summary>
    public double Bias { get; private set; }

    /// <summary>The step function's threshold: the output is 1 only when the weighted sum exceeds it.</summary>
    public double Threshold { get; }

    /// <summary>The number of inputs.</summary>
    public int Inputs => _weights.Length;

    /// <summary>The weighted sum <c>S = Σ wᵢxᵢ + b</c>.</summary>
    /// <exception cref="ArgumentException">The input has the wrong length.</exception>
    public double WeightedSum(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count != _weights.Length)
            throw new ArgumentException($"x has {x.Count} values but the perceptron has {_weights.Length} inputs.", nameof(x));
        double s = Bias;
        for (int i = 0; i < _weights.Length; i++) s += _weights[i] * x[i];
        return s;
    }

    /// <summary>The output ŷ ∈ {0, 1}: the step function applied to the weighted sum.</summary>
    public int Predict(IReadOnlyList<double> x) => WeightedSum(x) > Threshold ? 1 : 0;

    /// <summary>
    /// Runs the perceptron learning rule over the samples, in order, for at most <paramref name="maxEpochs"/> epochs,
    /// stopping after the first epoch with no error.
    /// </summary>
    /// <param name="inputs">One row per sample.</param>
    /// <param name="targets">The wanted output (0 or 1) per sample.</param>
    /// <param name="learningRate">η, the step size (&gt; 0).</param>
    /// <param name="maxEpochs">The epoch budget (&gt; 0).</param>
    /// <returns>The errors made in each epoch and whether learning converged.</returns>
    public PerceptronTrainingResult Train(IReadOnlyList<IReadOnlyList<double>> inputs, IReadOnlyList<int> targets,
        double learningRate = 0.1, int maxEpochs = 100)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Count == 0) throw new ArgumentException("inputs must hold at least one sample.", nameof(inputs));
        if (inputs.Count != targets.Count)
            throw new ArgumentException($"inputs has {inputs.Count} samples but targets has {targets.Count}.", nameof(targets));
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a finite number > 0.");
        if (maxEpochs <= 0) throw new ArgumentOutOfRangeException(nameof(maxEpochs), maxEpochs, "maxEpochs must be > 0.");
        for (int i = 0; i < targets.Count; i++)
            if (targets[i] is not (0 or 1)) throw new ArgumentException($"targets[{i}] is {targets[i]}; targets must be 0 or 1.", nameof(targets));

        var errorsPerEpoch = new List<int>();
        for (int epoch = 0; epoch < maxEpochs; epoch++)
        {
            int errors = 0;
            for (int n = 0; n < inputs.Count; n++)
            {
                int error = targets[n] - Predict(inputs[n]);
                if (error == 0) continue;
                errors++;
                for (int i = 0; i < _weights.Length; i++) _weights[i] += learningRate * error * inputs[n][i];
                Bias += learningRate * error;
            }
            errorsPerEpoch.Add(errors);
            if (errors == 0) return new PerceptronTrainingResult(true, errorsPerEpoch);
        }
        return new PerceptronTrainingResult(false, errorsPerEpoch);
    }
}

/// <summary>What <see cref="Perceptron.Train"/> did.</summary>
/// <param name="Converged">True when an epoch made no error before the budget ran out.</param>
/// <param name="ErrorsPerEpoch">Misclassified samples in each epoch, in order.</param>
public sealed record PerceptronTrainingResult(bool Converged, IReadOnlyList<int> ErrorsPerEpoch)
{
    /// <summary>Number of epochs run.</summary>
    public int Epochs => ErrorsPerEpoch.Count;

    /// <summary>A one-line summary, e.g. "converged after 4 epochs" or "did not converge in 100 epochs (2 errors in the last)".</summary>
    public override string ToString() => Converged
        ? $"converged after {Epochs} epochs"
        : $"did not converge in {Epochs} epochs ({ErrorsPerEpoch[^1]} errors in the last)";
}
