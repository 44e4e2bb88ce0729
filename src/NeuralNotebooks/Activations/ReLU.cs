using System.Numerics;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>The rectified linear unit, ReLU(z) = max(0, z).</summary>
/// <remarks>
/// <para>ReLU′(z) = 1 for z &gt; 0 and 0 for z &lt; 0; at z = 0 we use 0, like Keras/TensorFlow and PyTorch.</para>
/// <para>Cheap and non-saturating for positive z; a unit whose z stays negative gets no gradient ("dying ReLU").</para>
/// </remarks>
public sealed class ReLU : Activation
{
    /// <inheritdoc />
    public override string Name => "relu";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a) => Ops.Map(new ReluOp(), z, a);

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) => Ops.Map(new ReluGradOp(), z, dA, dZ);

    /// <inheritdoc />
    public override double Value(double x) => x > 0 ? x : 0;

    /// <inheritdoc />
    public override double Derivative(double x) => x > 0 ? 1 : 0;

    private readonly struct ReluOp : IVectorUnaryOperator
    {
        public float Apply(float x) => x > 0f ? x : 0f;

        public Vector<float> Apply(Vector<float> x) => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), x, Vector<float>.Zero);
    }

    /// <summary>(z, dA) ↦ dA if z &gt; 0 else 0.</summary>
    private readonly struct ReluGradOp : IVectorBinaryOperator
    {
        public float Apply(float z, float dA) => z > 0f ? dA : 0f;

        public Vector<float> Apply(Vector<float> z, Vector<float> dA) => Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<float>.Zero), dA, Vector<float>.Zero);
    }
}
