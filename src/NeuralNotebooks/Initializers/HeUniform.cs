namespace NeuralNotebooks.Initializers;

/// <summary>He uniform: W ~ U(−limit, limit) with limit = √(6 / fanIn).</summary>
public sealed class HeUniform : Initializer
{
    /// <inheritdoc />
    public override string Name => "he_uniform";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, Randomness.Rng rng)
    {
        double limit = Math.Sqrt(6.0 / fanIn);
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)rng.Uniform(-limit, limit);
    }
}
