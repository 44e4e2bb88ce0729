namespace NeuralNotebooks.Initializers;

/// <summary>Draws a layer's initial weights. <c>fanIn</c> = inputs per unit, <c>fanOut</c> = units.</summary>
/// <remarks>Keras names work with <see cref="Get"/>: "glorot_uniform", "he_normal", "he_uniform", "zeros".</remarks>
public abstract class Initializer
{
    /// <summary>The Keras-style name.</summary>
    public abstract string Name { get; }

    /// <summary>Fills <paramref name="weights"/> (fanIn × fanOut, row-major) with initial values drawn from <paramref name="rng"/>.</summary>
    public abstract void Initialize(Span<float> weights, int fanIn, int fanOut, Randomness.Rng rng);

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>Glorot (Xavier) uniform — Keras' default for Dense.</summary>
    public static Initializer GlorotUniform { get; } = new GlorotUniform();

    /// <summary>He normal (truncated), suited to ReLU layers.</summary>
    public static Initializer HeNormal { get; } = new HeNormal();

    /// <summary>He uniform, suited to ReLU layers.</summary>
    public static Initializer HeUniform { get; } = new HeUniform();

    /// <summary>All zeros (fine for a single unit; breaks symmetry nowhere, so hidden layers should not use it).</summary>
    public static Initializer Zeros { get; } = new Zeros();

    /// <summary>The initializer with Keras name <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static Initializer Get(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "glorot_uniform" or "xavier_uniform" => GlorotUniform,
        "he_normal" => HeNormal,
        "he_uniform" => HeUniform,
        "zeros" => Zeros,
        _ => throw new ArgumentException($"Unknown initializer '{name}'. Known: glorot_uniform, he_normal, he_uniform, zeros.", nameof(name)),
    };

    /// <summary>Lets a Keras name be used wherever an initializer is expected.</summary>
    public static implicit operator Initializer(string name) => Get(name);
}
