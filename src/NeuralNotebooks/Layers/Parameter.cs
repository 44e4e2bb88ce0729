using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Layers;

/// <summary>A trainable tensor of a layer (a weight matrix or a bias row) together with its gradient.</summary>
/// <remarks>Optimizers read <see cref="Gradient"/> and update <see cref="Value"/> in place; they keep their own state
/// (momentum, moving averages) per parameter.</remarks>
public sealed class Parameter
{
    /// <summary>Creates a parameter named <paramref name="name"/> of shape rows × columns, zero-filled.</summary>
    public Parameter(string name, int rows, int columns)
    {
        Name = name;
        Value = new Matrix(rows, columns);
        Gradient = new Matrix(rows, columns);
    }

    /// <summary>The name, e.g. "dense_1/kernel" (Keras' naming).</summary>
    public string Name { get; internal set; }

    /// <summary>The current value.</summary>
    public Matrix Value { get; }

    /// <summary>∂L/∂Value from the last backward pass.</summary>
    public Matrix Gradient { get; }

    /// <summary>"dense/kernel (2, 32)".</summary>
    public override string ToString() => $"{Name} {Value.ShapeText}";
}
