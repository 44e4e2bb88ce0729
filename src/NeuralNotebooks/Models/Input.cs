namespace NeuralNotebooks.Models;

/// <summary>Declares the width of a model's input (Keras' <c>Input(shape=(features,))</c>): the first entry of a <see cref="Sequential"/>.</summary>
public sealed class Input
{
    /// <summary>Declares inputs of <paramref name="features"/> values per sample.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="features"/> ≤ 0.</exception>
    public Input(int features)
    {
        if (features <= 0) throw new ArgumentOutOfRangeException(nameof(features), features, "features must be > 0.");
        Features = features;
    }

    /// <summary>Values per sample.</summary>
    public int Features { get; }
}
