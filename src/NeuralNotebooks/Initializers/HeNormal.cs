namespace NeuralNotebooks.Initializers;

/// <summary>He normal, as in Keras: a normal with σ = √(2 / fanIn), truncated at 2σ (values beyond are redrawn).</summary>
/// <remarks>Keras divides σ by 0.8796 so that the truncated distribution still has standard deviation √(2/fanIn); so do we.</remarks>
public sealed class HeNormal : Initializer
{
    /// <inheritdoc />
    public override string Name => "he_normal";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, Randomness.Rng rng)
    {
        double stddev = Math.Sqrt(2.0 / fanIn) / 0.87962566103423978;
        for (int i = 0; i < weights.Length; i++)
        {
            double x;
            do x = rng.NextNormal(); while (Math.Abs(x) > 2);
            weights[i] = (float)(x * stddev);
        }
    }
}
