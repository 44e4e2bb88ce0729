using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>
/// An activation function f applied to a layer's pre-activation Z, giving its output A = f(Z).
/// </summary>
/// <remarks>
/// <para><see cref="Forward"/> computes A from Z. <see cref="Backward"/> turns the gradient of the loss with respect
/// to A (dA) into the gradient with respect to Z (dZ) — the chain rule's local step. For element-wise functions
/// <c>dZ = dA ⊙ f′(Z)</c>; softmax mixes the entries of a row, see <see cref="Softmax"/>.</para>
/// <para>Both receive Z and A, so each function may use whichever makes its derivative cheapest
/// (sigmoid: <c>f′ = A(1 − A)</c>; ReLU: <c>f′ = [Z &gt; 0]</c>).</para>
/// <para>The Keras names work with <see cref="Get"/>: "linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax".</para>
/// </remarks>
public abstract class Activation
{
    /// <summary>The Keras-style name, e.g. "relu".</summary>
    public abstract string Name { get; }

    /// <summary>A = f(Z), element-wise (or row-wise for softmax). <paramref name="a"/> is reshaped to Z's shape.</summary>
    public abstract void Forward(Matrix z, Matrix a);

    /// <summary>dZ = ∂L/∂Z from dA = ∂L/∂A, given the Z and A of the same forward pass.</summary>
    /// <exception cref="NotSupportedException">The function has no usable derivative (<see cref="Step"/>).</exception>
    public abstract void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ);

    /// <summary>f(x) for one value (for tables and charts; layers use <see cref="Forward"/>).</summary>
    public abstract double Value(double x);

    /// <summary>f′(x) for one value (for tables and charts).</summary>
    /// <exception cref="NotSupportedException">The function has no usable derivative, or it is not element-wise (softmax).</exception>
    public abstract double Derivative(double x);

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>The identity f(z) = z.</summary>
    public static Activation Linear { get; } = new Linear();

    /// <summary>The step function (forward only).</summary>
    public static Activation Step { get; } = new Step();

    /// <summary>The logistic sigmoid.</summary>
    public static Activation Sigmoid { get; } = new Sigmoid();

    /// <summary>The hyperbolic tangent.</summary>
    public static Activation Tanh { get; } = new Tanh();

    /// <summary>The rectified linear unit.</summary>
    public static Activation ReLU { get; } = new ReLU();

    /// <summary>LeakyReLU with Keras' default slope α = 0.3 for negative inputs (see <see cref="Activations.LeakyReLU"/>).</summary>
    public static Activation LeakyReLU { get; } = new LeakyReLU();

    /// <summary>The row-wise softmax.</summary>
    public static Activation Softmax { get; } = new Softmax();

    /// <summary>The activation with Keras name <paramref name="name"/> (case-insensitive; null or "" means linear).</summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the known names.</exception>
    public static Activation Get(string? name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "linear" or "none" => Linear,
        "step" => Step,
        "sigmoid" => Sigmoid,
        "tanh" => Tanh,
        "relu" => ReLU,
        "leaky_relu" or "leakyrelu" => LeakyReLU,
        "softmax" => Softmax,
        _ => throw new ArgumentException(
            $"Unknown activation '{name}'. Known: linear, step, sigmoid, tanh, relu, leaky_relu, softmax.", nameof(name)),
    };

    /// <summary>Lets a string be used wherever an activation is expected: <c>new Dense(32, "relu")</c>.</summary>
    public static implicit operator Activation(string name) => Get(name);
}
