namespace NeuralNotebooks.Initializers;

/// <summary>Glorot (Xavier) uniform: W ~ U(−limit, limit) with limit = √(6 / (fanIn + fanOut)).</summary>
/// <remarks>Keeps the variance of activations and gradients roughly equal across layers (Glorot &amp; Bengio, 2010).</remarks>
public sealed class GlorotUniform : Initializer
{
    /// <inheritdoc />
    public override string Name => "glorot_uniform";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, Randomness.Rng rng)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)rng.Uniform(-limit, limit);
    }
}
