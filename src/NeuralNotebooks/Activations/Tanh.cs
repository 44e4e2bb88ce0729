using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>The hyperbolic tangent, tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), in (−1, 1) and centred on 0.</summary>
/// <remarks>tanh′(z) = 1 − tanh²(z), at most 1 (at z = 0).</remarks>
public sealed class Tanh : Activation
{
    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a) => Ops.Map(new TanhOp(), z, a);

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) => Ops.Map(new TanhGradOp(), a, dA, dZ);

    /// <inheritdoc />
    public override double Value(double x) => Math.Tanh(x);

    /// <inheritdoc />
    public override double Derivative(double x)
    {
        double t = Math.Tanh(x);
        return 1 - t * t;
    }

    private readonly struct TanhOp : IUnaryOperator
    {
        public float Apply(float x) => MathF.Tanh(x);
    }

    /// <summary>(a, dA) ↦ dA·(1 − a²).</summary>
    private readonly struct TanhGradOp : IBinaryOperator
    {
        public float Apply(float a, float dA) => dA * (1f - a * a);
    }
}
