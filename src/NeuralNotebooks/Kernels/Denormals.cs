using System.Numerics;
using System.Runtime.Intrinsics;

namespace NeuralNotebooks.Kernels;

/// <summary>Flushes denormal floats to zero, as CPUs do in flush-to-zero mode.</summary>
/// <remarks>
/// <para>Floats below 2⁻¹²⁶ ≈ 1.18e-38 in magnitude are "denormal". Moving averages of gradients that stay 0 (weights of
/// always-black MNIST pixels, dead ReLU units) decay geometrically — m·0.9ᵗ — and after ~800 steps they reach the
/// denormal range, where every float operation on them costs ~40× more on x86 and they never reach 0 (0.9 × the smallest
/// denormal rounds back to it). Flushing them to 0 is what CPUs do in flush-to-zero mode (TensorFlow, hence Keras, turns
/// it on); the effect on a weight is below 1e-38.</para>
/// </remarks>
public static class Denormals
{
    /// <summary>The smallest normal float, 2⁻¹²⁶ ≈ 1.18e-38.</summary>
    public const float SmallestNormal = 1.17549435e-38f;

    /// <summary><paramref name="x"/>, or 0 when |x| &lt; 2⁻¹²⁶.</summary>
    public static float Flush(float x) => MathF.Abs(x) < SmallestNormal ? 0f : x;

    /// <summary><see cref="Flush(float)"/> in every lane.</summary>
    public static Vector<float> Flush(Vector<float> x) =>
        Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), new Vector<float>(SmallestNormal)), Vector<float>.Zero, x);

    /// <summary><see cref="Flush(float)"/> in every lane of a 512-bit vector.</summary>
    public static Vector512<float> Flush(Vector512<float> x) =>
        Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(SmallestNormal)), Vector512<float>.Zero, x);
}
