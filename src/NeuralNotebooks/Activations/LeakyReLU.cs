using System.Numerics;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>LeakyReLU(z) = z for z &gt; 0, α·z otherwise: a ReLU that keeps a small gradient for negative inputs.</summary>
/// <remarks>
/// <para>LeakyReLU′(z) = 1 for z &gt; 0, α otherwise (α at z = 0, like Keras).</para>
/// <para>Keras' <c>layers.LeakyReLU</c> defaults to α = 0.3 (PyTorch's to 0.01); pass the slope you want.</para>
/// </remarks>
public sealed class LeakyReLU : Activation
{
    /// <summary>Creates a LeakyReLU with slope <paramref name="alpha"/> for negative inputs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or not finite.</exception>
    public LeakyReLU(float alpha = 0.3f)
    {
        if (!(alpha >= 0) || !float.IsFinite(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number ≥ 0.");
        Alpha = alpha;
    }

    /// <summary>The slope α for negative inputs.</summary>
    public float Alpha { get; }

    /// <inheritdoc />
    public override string Name => "leaky_relu";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a) => Ops.Map(new LeakyOp(Alpha), z, a);

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) => Ops.Map(new LeakyGradOp(Alpha), z, dA, dZ);

    /// <inheritdoc />
    public override double Value(double x) => x > 0 ? x : Alpha * x;

    /// <inheritdoc />
    public override double Derivative(double x) => x > 0 ? 1 : Alpha;

    /// <summary>"leaky_relu(α)".</summary>
    public override string ToString() => $"leaky_relu({Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    private readonly struct LeakyOp(float alpha) : IVectorUnaryOperator
    {
        public float Apply(float x) => x > 0f ? x : alpha * x;

        public Vector<float> Apply(Vector<float> x) => Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), x, x * alpha);
    }

    private readonly struct LeakyGradOp(float alpha) : IVectorBinaryOperator
    {
        public float Apply(float z, float dA) => z > 0f ? dA : alpha * dA;

        public Vector<float> Apply(Vector<float> z, Vector<float> dA) => Vector.ConditionalSelect(Vector.GreaterThan(z, Vector<float>.Zero), dA, dA * alpha);
    }
}
