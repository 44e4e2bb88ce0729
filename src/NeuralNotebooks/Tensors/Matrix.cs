using System.Globalization;
using System.Text;

namespace NeuralNotebooks.Tensors;

/// <summary>
/// A dense float32 matrix stored row-major: element (r, c) lives at <c>Data[r * Columns + c]</c>.
/// </summary>
/// <remarks>
/// <para><b>Index convention, used everywhere in the library:</b> one row is one sample, one column is one feature.
/// A mini-batch of 32 MNIST images is a 32×784 matrix; a dense layer's weights are an <c>inputs × units</c> matrix
/// (Keras' "kernel" layout), so a forward pass is <c>Y = X·W + b</c>.</para>
/// <para>The backing array may be longer than <c>Rows × Columns</c>: layers keep one buffer per role and reshape it
/// for the last, smaller mini-batch instead of allocating a new one (see <see cref="EnsureShape"/>).</para>
/// </remarks>
public sealed class Matrix
{
    /// <summary>Creates a zero-filled <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public Matrix(int rows, int columns)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be ≥ 0.");
        if (columns < 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be ≥ 0.");
        Rows = rows;
        Columns = columns;
        Data = new float[checked(rows * columns)];
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> is shorter than rows × columns.</exception>
    public Matrix(int rows, int columns, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be ≥ 0.");
        if (columns < 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be ≥ 0.");
        if (data.Length < (long)rows * columns)
            throw new ArgumentException($"data has {data.Length} elements but a {rows}×{columns} matrix needs {(long)rows * columns}.", nameof(data));
        Rows = rows;
        Columns = columns;
        Data = data;
    }

    /// <summary>Number of rows (samples).</summary>
    public int Rows { get; private set; }

    /// <summary>Number of columns (features).</summary>
    public int Columns { get; private set; }

    /// <summary>The backing store, row-major. Only the first <see cref="Length"/> elements are meaningful.</summary>
    public float[] Data { get; private set; }

    /// <summary>Rows × Columns.</summary>
    public int Length => Rows * Columns;

    /// <summary>The shape as text, e.g. <c>(32, 784)</c>, as used in error messages.</summary>
    public string ShapeText => $"({Rows}, {Columns})";

    /// <summary>The meaningful elements as a span.</summary>
    public Span<float> Span => Data.AsSpan(0, Length);

    /// <summary>Element (row, column).</summary>
    public float this[int row, int column]
    {
        get
        {
            CheckIndex(row, column);
            return Data[row * Columns + column];
        }
        set
        {
            CheckIndex(row, column);
            Data[row * Columns + column] = value;
        }
    }

    /// <summary>Row <paramref name="row"/> as a span over the backing store.</summary>
    public Span<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be in [0, {Rows}).");
        return Data.AsSpan(row * Columns, Columns);
    }

    /// <summary>Builds a matrix from a rectangular array.</summary>
    public static Matrix FromArray(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Columns; c++)
                m.Data[r * m.Columns + c] = values[r, c];
        return m;
    }

    /// <summary>Builds a matrix from a rectangular array of doubles (rounded to float32).</summary>
    public static Matrix FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Columns; c++)
                m.Data[r * m.Columns + c] = (float)values[r, c];
        return m;
    }

    /// <summary>Builds a matrix from rows given as arrays; all rows must have the same length.</summary>
    /// <exception cref="ArgumentException">The rows are ragged.</exception>
    public static Matrix FromRows(params float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int cols = rows.Length == 0 ? 0 : rows[0].Length;
        var m = new Matrix(rows.Length, cols);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != cols)
                throw new ArgumentException($"row {r} has {rows[r].Length} values but row 0 has {cols}.", nameof(rows));
            rows[r].CopyTo(m.Data, r * cols);
        }
        return m;
    }

    /// <summary>A one-column matrix holding <paramref name="values"/> (e.g. binary labels or targets).</summary>
    public static Matrix Column(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Matrix(values.Length, 1, (float[])values.Clone());
    }

    /// <summary>A one-column matrix of integer labels stored as floats (the sparse-label layout).</summary>
    public static Matrix Column(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var m = new Matrix(labels.Count, 1);
        for (int i = 0; i < labels.Count; i++) m.Data[i] = labels[i];
        return m;
    }

    /// <summary>A one-row matrix holding <paramref name="values"/> (e.g. one sample to predict).</summary>
    public static Matrix RowVector(params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Matrix(1, values.Length, (float[])values.Clone());
    }

    /// <summary>A deep copy with a tight backing array.</summary>
    public Matrix Clone() => new(Rows, Columns, Span.ToArray());

    /// <summary>Copies this matrix's values into <paramref name="destination"/>, which must have the same shape.</summary>
    public void CopyTo(Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        RequireSameShape(this, destination, nameof(destination));
        Span.CopyTo(destination.Span);
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(float value) => Span.Fill(value);

    /// <summary>The value at (row, column) of a one-column matrix or element <paramref name="index"/> of the flat storage.</summary>
    public float At(int index)
    {
        if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Length}).");
        return Data[index];
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order, as a new matrix.</summary>
    public Matrix SelectRows(ReadOnlySpan<int> indices)
    {
        var result = new Matrix(indices.Length, Columns);
        GatherRows(indices, result);
        return result;
    }

    /// <summary>The rows at <paramref name="indices"/> as a new matrix.</summary>
    public Matrix SelectRows(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var arr = indices as int[] ?? indices.ToArray();
        return SelectRows(arr.AsSpan());
    }

    /// <summary>Copies the rows at <paramref name="indices"/> into <paramref name="destination"/> (reshaped to fit).</summary>
    public void GatherRows(ReadOnlySpan<int> indices, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        foreach (int r in indices)
            if ((uint)r >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(indices), r, $"row index must be in [0, {Rows}).");
        destination.EnsureShape(indices.Length, Columns);
        Kernels.Kernel.Current.GatherRows(Span, Columns, indices, destination.Span);
    }

    /// <summary>Rows <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive) as a new matrix.</summary>
    public Matrix SliceRows(int start, int end)
    {
        if (start < 0 || start > Rows) throw new ArgumentOutOfRangeException(nameof(start), start, $"start must be in [0, {Rows}].");
        if (end < start || end > Rows) throw new ArgumentOutOfRangeException(nameof(end), end, $"end must be in [{start}, {Rows}].");
        var m = new Matrix(end - start, Columns);
        Array.Copy(Data, start * Columns, m.Data, 0, m.Length);
        return m;
    }

    /// <summary>The transpose as a new matrix (for display and tests; kernels never materialise transposes).</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Columns, Rows);
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                t.Data[c * Rows + r] = Data[r * Columns + c];
        return t;
    }

    /// <summary>The values as a rectangular array.</summary>
    public float[,] ToArray()
    {
        var a = new float[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                a[r, c] = Data[r * Columns + c];
        return a;
    }

    /// <summary>Reshapes in place to rows × columns, reusing the backing array when it is large enough.</summary>
    /// <remarks>Contents are unspecified afterwards. This is how layers avoid allocating per mini-batch.</remarks>
    public void EnsureShape(int rows, int columns)
    {
        if (rows < 0) throw new ArgumentOutOfRangeException(nameof(rows), rows, "rows must be ≥ 0.");
        if (columns < 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be ≥ 0.");
        long needed = (long)rows * columns;
        if (needed > Data.Length) Data = new float[needed];
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Returns <paramref name="buffer"/> reshaped to rows × columns, creating it when null.</summary>
    public static Matrix Reuse(ref Matrix? buffer, int rows, int columns)
    {
        if (buffer is null) buffer = new Matrix(rows, columns);
        else buffer.EnsureShape(rows, columns);
        return buffer;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming both shapes when <paramref name="a"/> and <paramref name="b"/> differ.</summary>
    public static void RequireSameShape(Matrix a, Matrix b, string paramName)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"{paramName} has shape {b.ShapeText} but {a.ShapeText} was expected.", paramName);
    }

    /// <summary>A short text rendering (at most 8 rows and 8 columns), values with 4 significant decimals.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("Matrix ").Append(ShapeText).AppendLine();
        int maxR = Math.Min(Rows, 8), maxC = Math.Min(Columns, 8);
        for (int r = 0; r < maxR; r++)
        {
            sb.Append(" [");
            for (int c = 0; c < maxC; c++)
            {
                if (c > 0) sb.Append(", ");
                sb.Append(Data[r * Columns + c].ToString("0.####", CultureInfo.InvariantCulture));
            }
            if (Columns > maxC) sb.Append(", …");
            sb.AppendLine("]");
        }
        if (Rows > maxR) sb.AppendLine(" …");
        return sb.ToString();
    }

    private void CheckIndex(int row, int column)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be in [0, {Rows}).");
        if ((uint)column >= (uint)Columns) throw new ArgumentOutOfRangeException(nameof(column), column, $"column must be in [0, {Columns}).");
    }
}
