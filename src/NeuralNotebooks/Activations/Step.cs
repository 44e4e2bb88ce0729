using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>The step (Heaviside) function of the perceptron: f(z) = 1 if z &gt; 0, else 0.</summary>
/// <remarks>
/// Its derivative is 0 everywhere it exists, so gradient descent gets no signal through it: that is why the perceptron
/// learns with its own rule and multi-layer networks use smooth activations. <see cref="Backward"/> therefore throws.
/// </remarks>
public sealed class Step : Activation
{
    /// <inheritdoc />
    public override string Name => "step";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a) => Ops.Map(new StepOp(), z, a);

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) =>
        throw new NotSupportedException("The step activation has no useful derivative (it is 0 almost everywhere); use sigmoid, tanh or relu in trainable layers.");

    /// <inheritdoc />
    public override double Value(double x) => x > 0 ? 1 : 0;

    /// <inheritdoc />
    public override double Derivative(double x) =>
        throw new NotSupportedException("The step activation has no useful derivative (it is 0 almost everywhere).");

    private readonly struct StepOp : IUnaryOperator
    {
        public float Apply(float x) => x > 0f ? 1f : 0f;
    }
}
