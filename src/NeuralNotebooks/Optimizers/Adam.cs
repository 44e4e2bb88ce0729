using NeuralNotebooks.Kernels;

namespace NeuralNotebooks.Optimizers;

/// <summary>Adam: momentum on the gradient and on its square, with bias correction (Kingma &amp; Ba, 2015).</summary>
/// <remarks>
/// <para>At step t: <c>m ← β₁·m + (1 − β₁)·g</c>, <c>v ← β₂·v + (1 − β₂)·g²</c>,
/// <c>α_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)</c>, <c>w ← w − α_t·m / (√v + ε)</c> — Keras' form. It equals the paper's
/// <c>η·m̂/(√v̂ + ε̂)</c> with m̂, v̂ bias-corrected and ε̂ = ε/√(1 − β₂ᵗ).</para>
/// <para>Keras defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7.</para>
/// </remarks>
public sealed class Adam : Optimizer
{
    /// <summary>Creates Adam.</summary>
    /// <exception cref="ArgumentOutOfRangeException">η ≤ 0, β₁ or β₂ outside [0, 1), or ε ≤ 0.</exception>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7) : base(learningRate)
    {
        Beta1 = RequireUnitInterval(beta1, nameof(beta1));
        Beta2 = RequireUnitInterval(beta2, nameof(beta2));
        Epsilon = RequirePositive(epsilon, nameof(epsilon));
    }

    /// <summary>β₁, decay of the gradient average.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, decay of the squared-gradient average.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to the denominator.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string Name => "adam";

    /// <inheritdoc />
    protected override int SlotCount => 2;

    /// <inheritdoc />
    /// <remarks>The loop over the tensor's values runs in the kernel layer (<see cref="IKernel.AdamUpdate"/>): a plain
    /// loop in <see cref="ReferenceKernel"/>, SIMD lanes and threads in <see cref="FastKernel"/>, the same bits.</remarks>
    protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration)
    {
        // α_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ): the bias corrections of m and v, folded into the step size.
        double stepSize = LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, iteration)) / (1 - Math.Pow(Beta1, iteration));
        float[] m = slots[0], v = slots[1];
        // m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  w ← w − α_t·m / (√v + ε)
        Ops.AdamUpdate(value, gradient, m, v, (float)Beta1, (float)Beta2, (float)Epsilon, (float)stepSize);
    }
}
