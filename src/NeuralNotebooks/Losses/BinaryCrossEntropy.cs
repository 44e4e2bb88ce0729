using NeuralNotebooks.Activations;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Losses;

/// <summary>Binary cross-entropy on probabilities: L = −(1/N) Σ (1/C) Σ [y·log ŷ + (1 − y)·log(1 − ŷ)].</summary>
/// <remarks>
/// <para>As in Keras, ŷ is first clipped to [ε, 1 − ε] with ε = 1e-7, so the loss is at most −log ε ≈ 16.12.</para>
/// <para>∂L/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ)) / (N·C) where ŷ is inside the clip range, 0 where it was clipped.</para>
/// <para>After a sigmoid output the chain rule simplifies to ∂L/∂z = (ŷ − y)/(N·C) (<see cref="TryOutputGradient"/>).</para>
/// </remarks>
public sealed class BinaryCrossEntropy : Loss
{
    /// <inheritdoc />
    public override string Name => "binary_crossentropy";

    /// <inheritdoc />
    public override double Compute(Matrix predictions, Matrix targets)
    {
        RequireSameShape(predictions, targets);
        var p = predictions.Span;
        var t = targets.Span;
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double q = Clip(p[i]);
            sum -= t[i] * Math.Log(q) + (1 - t[i]) * Math.Log(1 - q);
        }
        return sum / p.Length;
    }

    /// <inheritdoc />
    public override void Gradient(Matrix predictions, Matrix targets, Matrix gradient)
    {
        RequireSameShape(predictions, targets);
        Ops.Map(new BceGrad(1f / predictions.Length), predictions, targets, gradient);
    }

    /// <inheritdoc />
    public override bool TryOutputGradient(Activation outputActivation, Matrix predictions, Matrix targets, Matrix dZ)
    {
        if (outputActivation is not Sigmoid) return false;
        RequireSameShape(predictions, targets);
        Ops.Map(new ScaledDifference(1f / predictions.Length), predictions, targets, dZ);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Targets are probabilities: every entry in [0, 1] (usually the labels 0 and 1). A target of 2 or −1 has
    /// no meaning here, and would push the loss below 0 — the model could "improve" forever.</remarks>
    public override void CheckTargets(Matrix targets, int classes, string name)
    {
        base.CheckTargets(targets, classes, name);
        var t = targets.Span;
        for (int i = 0; i < t.Length; i++)
            if (t[i] is < 0 or > 1)
                throw ValueChecks.Entry(name, i / targets.Columns, i % targets.Columns, t[i],
                    "binary_crossentropy targets are probabilities in [0, 1] (the labels 0 and 1)");
    }

    private readonly struct BceGrad(float scale) : IBinaryOperator
    {
        public float Apply(float p, float t)
        {
            if (p <= Epsilon || p >= 1f - Epsilon) return 0f;
            return scale * (p - t) / (p * (1f - p));
        }
    }
}
