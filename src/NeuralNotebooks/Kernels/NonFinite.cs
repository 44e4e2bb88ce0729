using System.Numerics;
using System.Runtime.InteropServices;

namespace NeuralNotebooks.Kernels;

/// <summary>Finds NaN and ±∞ in float data — the one full pass over the data that every Fit, Evaluate and Predict makes
/// before it starts.</summary>
/// <remarks>
/// <para>An IEEE-754 binary32 value is NaN or ±∞ exactly when its 8 exponent bits are all set
/// (<c>bits &amp; 0x7F800000 = 0x7F800000</c>); finite values, zeros and denormals have at least one exponent bit clear.</para>
/// <para>The test runs on whole SIMD vectors of bits first and looks at single values only in the vector that holds the
/// first match, so checking MNIST's 60 000 × 784 pixels costs about as much as reading them once.</para>
/// </remarks>
internal static class NonFinite
{
    private const uint ExponentBits = 0x7F80_0000;

    /// <summary>The index of the first NaN or ±∞ in <paramref name="values"/>, or −1 when all are finite.</summary>
    public static int IndexOf(ReadOnlySpan<float> values)
    {
        var bits = MemoryMarshal.Cast<float, uint>(values);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var exponent = new Vector<uint>(ExponentBits);
            for (; i + Vector<uint>.Count <= bits.Length; i += Vector<uint>.Count)
                if (Vector.EqualsAny(new Vector<uint>(bits.Slice(i)) & exponent, exponent)) break;
        }
        for (; i < bits.Length; i++)
            if ((bits[i] & ExponentBits) == ExponentBits) return i;
        return -1;
    }
}
