namespace NeuralNotebooks.Datasets;

/// <summary>
/// The parsed content of one IDX file of unsigned bytes: its header (magic number, dimensions) and its data.
/// </summary>
/// <remarks>
/// <para>IDX is the format of the MNIST family: a 4-byte big-endian magic number <c>0x0000TTDD</c> (TT = data type,
/// 0x08 for unsigned bytes; DD = number of dimensions), then one big-endian int32 per dimension, then the data,
/// row-major. Label files have magic 2049 (0x00000801: N), image files 2051 (0x00000803: N × rows × columns).</para>
/// <para>The data is not copied out of the file buffer: <see cref="Data"/> is a view over it.</para>
/// </remarks>
public sealed class IdxArray
{
    private readonly byte[] _buffer;
    private readonly int _dataOffset;
    private readonly int[] _dimensions;

    internal IdxArray(string source, int magic, int[] dimensions, byte[] buffer, int dataOffset, int dataLength)
    {
        Source = source;
        Magic = magic;
        _dimensions = dimensions;
        _buffer = buffer;
        _dataOffset = dataOffset;
        DataLength = dataLength;
        ItemLength = 1;
        for (int d = 1; d < dimensions.Length; d++) ItemLength *= dimensions[d];
    }

    /// <summary>Where the content came from (a file path), as used in error messages.</summary>
    public string Source { get; }

    /// <summary>The magic number, e.g. 2049 for a label file, 2051 for an image file.</summary>
    public int Magic { get; }

    /// <summary>The dimensions from the header; the first one is the number of items.</summary>
    public IReadOnlyList<int> Dimensions => _dimensions;

    /// <summary>The number of items (the first dimension).</summary>
    public int Count => _dimensions[0];

    /// <summary>Bytes per item: the product of all dimensions but the first (1 for a label file, 784 for 28×28 images).</summary>
    public int ItemLength { get; }

    /// <summary>Total number of data bytes: <see cref="Count"/> × <see cref="ItemLength"/>.</summary>
    public int DataLength { get; }

    /// <summary>All data bytes, row-major, without the header.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_dataOffset, DataLength);

    /// <summary>The bytes of item <paramref name="index"/> (one label, or one image's pixels row by row).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public ReadOnlySpan<byte> Item(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count}).");
        return _buffer.AsSpan(_dataOffset + index * ItemLength, ItemLength);
    }

    /// <summary>The array holding header and data (not a copy).</summary>
    internal byte[] Buffer => _buffer;

    /// <summary>Index of the first data byte in <see cref="Buffer"/>.</summary>
    internal int DataOffset => _dataOffset;

    /// <summary>A copy of the data bytes in a new array of exactly <see cref="DataLength"/> bytes.</summary>
    public byte[] ToArray() => Data.ToArray();
}
