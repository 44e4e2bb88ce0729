using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>The identity activation, f(z) = z (Keras "linear").</summary>
/// <remarks>f′(z) = 1, so dZ = dA. A stack of linear layers is itself one linear map — why networks need non-linear activations.</remarks>
public sealed class Linear : Activation
{
    /// <inheritdoc />
    public override string Name => "linear";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a)
    {
        a.EnsureShape(z.Rows, z.Columns);
        if (!ReferenceEquals(z, a)) z.Span.CopyTo(a.Span);
    }

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ)
    {
        dZ.EnsureShape(dA.Rows, dA.Columns);
        if (!ReferenceEquals(dA, dZ)) dA.Span.CopyTo(dZ.Span);
    }

    /// <inheritdoc />
    public override double Value(double x) => x;

    /// <inheritdoc />
    public override double Derivative(double x) => 1;
}
