namespace NeuralNotebooks.Optimizers;

/// <summary>Stochastic gradient descent, optionally with momentum.</summary>
/// <remarks>
/// <para>Without momentum: <c>w ← w − η·g</c>.</para>
/// <para>With momentum μ (Keras' form): <c>v ← μ·v − η·g</c>, <c>w ← w + v</c>. PyTorch's SGD writes it as
/// <c>b ← μ·b + g</c>, <c>w ← w − η·b</c>; with a constant η the two give the same weights.</para>
/// <para>Keras defaults: η = 0.01, μ = 0.</para>
/// </remarks>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates SGD with learning rate η and momentum μ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">η ≤ 0, or μ outside [0, 1).</exception>
    public Sgd(double learningRate = 0.01, double momentum = 0.0) : base(learningRate)
    {
        Momentum = RequireUnitInterval(momentum, nameof(momentum));
    }

    /// <summary>μ, the fraction of the previous step kept.</summary>
    public double Momentum { get; }

    /// <inheritdoc />
    public override string Name => "sgd";

    /// <inheritdoc />
    protected override int SlotCount => 1;

    /// <inheritdoc />
    protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration)
    {
        float lr = (float)LearningRate;
        if (Momentum == 0)
        {
            for (int i = 0; i < value.Length; i++) value[i] -= lr * gradient[i];
            return;
        }
        float mu = (float)Momentum;
        var v = slots[0];
        for (int i = 0; i < value.Length; i++)
        {
            v[i] = FlushDenormal(mu * v[i] - lr * gradient[i]);
            value[i] += v[i];
        }
    }
}
