using System.Numerics;

namespace NeuralNotebooks.Datasets;

/// <summary>Converts 8-bit pixels to floats in [0, 1]: <c>value / 255f</c>, vectorised and split over cores.</summary>
/// <remarks>
/// Each lane computes the IEEE division <c>(float)b / 255f</c>, so the result is bit-identical to the scalar
/// expression (a multiplication by <c>1f / 255f</c> would differ by one ulp for some bytes).
/// </remarks>
internal static class PixelScaling
{
    private const int ChunkLength = 1 << 20;

    /// <summary>Returns <c>source[offset .. offset + length] / 255f</c> as a new array, using several threads for large inputs.</summary>
    internal static float[] ToUnitInterval(byte[] source, int offset, int length)
    {
        var result = GC.AllocateUninitializedArray<float>(length); // every element is written below
        int chunks = (length + ChunkLength - 1) / ChunkLength;
        if (chunks <= 1 || Environment.ProcessorCount == 1)
        {
            ToUnitInterval(source.AsSpan(offset, length), result);
            return result;
        }
        Parallel.For(0, chunks, c =>
        {
            int start = c * ChunkLength;
            int count = Math.Min(ChunkLength, length - start);
            ToUnitInterval(source.AsSpan(offset + start, count), result.AsSpan(start, count));
        });
        return result;
    }

    /// <summary>Writes <c>source[i] / 255f</c> to <c>destination[i]</c>.</summary>
    internal static void ToUnitInterval(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException($"destination has {destination.Length} elements but source has {source.Length}.", nameof(destination));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var divisor = new Vector<float>(255f);
            int bytesPerVector = Vector<byte>.Count;
            int floatsPerVector = Vector<float>.Count;
            for (; i <= source.Length - bytesPerVector; i += bytesPerVector)
            {
                var bytes = new Vector<byte>(source.Slice(i));
                Vector.Widen(bytes, out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> q0, out Vector<uint> q1);
                Vector.Widen(high, out Vector<uint> q2, out Vector<uint> q3);
                (Vector.ConvertToSingle(q0) / divisor).CopyTo(destination.Slice(i));
                (Vector.ConvertToSingle(q1) / divisor).CopyTo(destination.Slice(i + floatsPerVector));
                (Vector.ConvertToSingle(q2) / divisor).CopyTo(destination.Slice(i + 2 * floatsPerVector));
                (Vector.ConvertToSingle(q3) / divisor).CopyTo(destination.Slice(i + 3 * floatsPerVector));
            }
        }
        for (; i < source.Length; i++) destination[i] = source[i] / 255f;
    }
}
