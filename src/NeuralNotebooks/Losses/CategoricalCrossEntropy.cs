using NeuralNotebooks.Activations;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Losses;

/// <summary>Categorical cross-entropy on one-hot targets: L = −(1/N) Σₙ Σ_c yₙ,c·log ŷₙ,c.</summary>
/// <remarks>
/// <para>Predictions are probabilities (a softmax output), clipped to [ε, 1 − ε] like Keras. With a one-hot target
/// only the true class counts: the lesson's example, target [0,1,0,0,0] and ŷ = [0.02, 0.90, 0.05, 0.01, 0.02],
/// gives −log 0.90 = 0.1053.</para>
/// <para>∂L/∂ŷ = −y/ŷ / N (0 where ŷ was clipped). After a softmax output: ∂L/∂z = (ŷ − y)/N
/// (<see cref="TryOutputGradient"/>).</para>
/// </remarks>
public sealed class CategoricalCrossEntropy : Loss
{
    /// <inheritdoc />
    public override string Name => "categorical_crossentropy";

    /// <inheritdoc />
    public override double Compute(Matrix predictions, Matrix targets)
    {
        RequireSameShape(predictions, targets);
        var p = predictions.Span;
        var t = targets.Span;
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
            if (t[i] != 0) sum -= t[i] * Math.Log(Clip(p[i]));
        return sum / predictions.Rows;
    }

    /// <inheritdoc />
    public override void Gradient(Matrix predictions, Matrix targets, Matrix gradient)
    {
        RequireSameShape(predictions, targets);
        Ops.Map(new CceGrad(1f / predictions.Rows), predictions, targets, gradient);
    }

    /// <inheritdoc />
    public override bool TryOutputGradient(Activation outputActivation, Matrix predictions, Matrix targets, Matrix dZ)
    {
        if (outputActivation is not Softmax) return false;
        RequireSameShape(predictions, targets);
        Ops.Map(new ScaledDifference(1f / predictions.Rows), predictions, targets, dZ);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Targets are one-hot rows: every entry 0 or 1, exactly one 1 per row (the true class). Class indices in
    /// one column take <see cref="SparseCategoricalCrossEntropy"/> instead.</remarks>
    public override void CheckTargets(Matrix targets, int classes, string name)
    {
        base.CheckTargets(targets, classes, name);
        const string rule = "categorical_crossentropy targets are one-hot rows (a single 1, the rest 0); " +
                            "for class indices use sparse_categorical_crossentropy";
        for (int r = 0; r < targets.Rows; r++)
        {
            var row = targets.Row(r);
            int ones = 0;
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] is not (0f or 1f)) throw ValueChecks.Entry(name, r, c, row[c], rule);
                if (row[c] == 1f) ones++;
            }
            if (ones != 1)
                throw new ArgumentException($"{name} row {r} holds {ones} ones: {rule}.", name);
        }
    }

    private readonly struct CceGrad(float scale) : IBinaryOperator
    {
        public float Apply(float p, float t)
        {
            if (p <= Epsilon || p >= 1f - Epsilon) return 0f;
            return -scale * t / p;
        }
    }
}
