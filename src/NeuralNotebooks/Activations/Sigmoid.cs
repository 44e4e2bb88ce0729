using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>The logistic sigmoid, σ(z) = 1 / (1 + e^(−z)), squashing any number into (0, 1).</summary>
/// <remarks>
/// <para>σ′(z) = σ(z)(1 − σ(z)), at most 0.25 (at z = 0): stacked sigmoids shrink gradients — the vanishing-gradient problem.</para>
/// <para>Computed as e^z / (1 + e^z) for negative z so that e^(−z) never overflows.</para>
/// </remarks>
public sealed class Sigmoid : Activation
{
    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a) => Ops.Map(new SigmoidOp(), z, a);

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) => Ops.Map(new SigmoidGradOp(), a, dA, dZ);

    /// <inheritdoc />
    public override double Value(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <inheritdoc />
    public override double Derivative(double x)
    {
        double s = Value(x);
        return s * (1 - s);
    }

    internal readonly struct SigmoidOp : IUnaryOperator
    {
        public float Apply(float x)
        {
            if (x >= 0f) return 1f / (1f + MathF.Exp(-x));
            float e = MathF.Exp(x);
            return e / (1f + e);
        }
    }

    /// <summary>(a, dA) ↦ dA·a·(1 − a).</summary>
    private readonly struct SigmoidGradOp : IBinaryOperator
    {
        public float Apply(float a, float dA) => dA * a * (1f - a);
    }
}
