namespace NeuralNotebooks.Initializers;

/// <summary>All weights 0.</summary>
public sealed class Zeros : Initializer
{
    /// <inheritdoc />
    public override string Name => "zeros";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, Randomness.Rng rng) => weights.Clear();
}
