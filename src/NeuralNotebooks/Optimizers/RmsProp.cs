namespace NeuralNotebooks.Optimizers;

/// <summary>RMSprop: divides each step by a running root-mean-square of recent gradients.</summary>
/// <remarks>
/// <para><c>s ← ρ·s + (1 − ρ)·g²</c>, <c>w ← w − η·g / √(s + ε)</c> — Keras 3's form, with ε inside the square root.
/// (PyTorch's RMSprop puts ε outside: <c>η·g / (√s + ε)</c>; the difference matters only for tiny s.)</para>
/// <para>Keras defaults: η = 0.001, ρ = 0.9, ε = 1e-7.</para>
/// </remarks>
public sealed class RmsProp : Optimizer
{
    /// <summary>Creates RMSprop.</summary>
    /// <exception cref="ArgumentOutOfRangeException">η ≤ 0, ρ outside [0, 1), or ε ≤ 0.</exception>
    public RmsProp(double learningRate = 0.001, double rho = 0.9, double epsilon = 1e-7) : base(learningRate)
    {
        Rho = RequireUnitInterval(rho, nameof(rho));
        Epsilon = RequirePositive(epsilon, nameof(epsilon));
    }

    /// <summary>ρ, the decay of the running average of squared gradients.</summary>
    public double Rho { get; }

    /// <summary>ε, added under the square root for numerical safety.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override string Name => "rmsprop";

    /// <inheritdoc />
    protected override int SlotCount => 1;

    /// <inheritdoc />
    protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration)
    {
        float lr = (float)LearningRate, rho = (float)Rho, eps = (float)Epsilon;
        var s = slots[0];
        for (int i = 0; i < value.Length; i++)
        {
            float g = gradient[i];
            s[i] = FlushDenormal(rho * s[i] + (1f - rho) * g * g);
            value[i] -= lr * g / MathF.Sqrt(s[i] + eps);
        }
    }
}
