using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Kernels;

/// <summary>
/// Matrix-level operations with shape checks; each forwards to <see cref="Kernel.Current"/>.
/// Layers, losses and optimizers call these rather than looping themselves.
/// </summary>
public static class Ops
{
    /// <summary><c>c = a·b</c>; <paramref name="c"/> is reshaped to a.Rows × b.Columns.</summary>
    /// <exception cref="ArgumentException">a.Columns ≠ b.Rows (the message names both shapes).</exception>
    public static void MatMul(Matrix a, Matrix b, Matrix c)
    {
        if (a.Columns != b.Rows)
            throw new ArgumentException($"Cannot multiply {a.ShapeText} by {b.ShapeText}: inner dimensions differ.", nameof(b));
        c.EnsureShape(a.Rows, b.Columns);
        Kernel.Current.MatMul(a.Span, b.Span, c.Span, a.Rows, a.Columns, b.Columns);
    }

    /// <summary><c>c = a·bᵀ</c>; <paramref name="c"/> is reshaped to a.Rows × b.Rows.</summary>
    public static void MatMulTransposeB(Matrix a, Matrix b, Matrix c)
    {
        if (a.Columns != b.Columns)
            throw new ArgumentException($"Cannot multiply {a.ShapeText} by the transpose of {b.ShapeText}: inner dimensions differ.", nameof(b));
        c.EnsureShape(a.Rows, b.Rows);
        Kernel.Current.MatMulTransposeB(a.Span, b.Span, c.Span, a.Rows, a.Columns, b.Rows);
    }

    /// <summary><c>c = aᵀ·b</c>; <paramref name="c"/> is reshaped to a.Columns × b.Columns.</summary>
    public static void MatMulTransposeA(Matrix a, Matrix b, Matrix c)
    {
        if (a.Rows != b.Rows)
            throw new ArgumentException($"Cannot multiply the transpose of {a.ShapeText} by {b.ShapeText}: inner dimensions differ.", nameof(b));
        c.EnsureShape(a.Columns, b.Columns);
        Kernel.Current.MatMulTransposeA(a.Span, b.Span, c.Span, a.Columns, a.Rows, b.Columns);
    }

    /// <summary>A new matrix <c>a·b</c>.</summary>
    public static Matrix MatMul(Matrix a, Matrix b)
    {
        var c = new Matrix(a.Rows, b.Columns);
        MatMul(a, b, c);
        return c;
    }

    /// <summary>Adds the row vector <paramref name="bias"/> to every row of <paramref name="m"/>.</summary>
    public static void AddRowVector(Matrix m, ReadOnlySpan<float> bias)
    {
        if (bias.Length != m.Columns)
            throw new ArgumentException($"bias has {bias.Length} values but the matrix {m.ShapeText} has {m.Columns} columns.", nameof(bias));
        Kernel.Current.AddRowVector(m.Span, m.Rows, m.Columns, bias);
    }

    /// <summary>Column sums of <paramref name="m"/> into <paramref name="result"/>.</summary>
    public static void SumColumns(Matrix m, Span<float> result)
    {
        if (result.Length != m.Columns)
            throw new ArgumentException($"result has {result.Length} values but the matrix {m.ShapeText} has {m.Columns} columns.", nameof(result));
        Kernel.Current.SumColumns(m.Span, m.Rows, m.Columns, result);
    }

    /// <summary><c>y = TOp(x)</c> element-wise; <paramref name="y"/> is reshaped to x's shape.</summary>
    public static void Map<TOp>(TOp op, Matrix x, Matrix y) where TOp : struct, IUnaryOperator
    {
        y.EnsureShape(x.Rows, x.Columns);
        Kernel.Current.Map(op, x.Span, y.Span);
    }

    /// <summary><c>z = TOp(x, y)</c> element-wise; x and y must have the same shape; z is reshaped to it.</summary>
    public static void Map<TOp>(TOp op, Matrix x, Matrix y, Matrix z) where TOp : struct, IBinaryOperator
    {
        Matrix.RequireSameShape(x, y, nameof(y));
        z.EnsureShape(x.Rows, x.Columns);
        Kernel.Current.Map(op, x.Span, y.Span, z.Span);
    }

    /// <summary>Row-wise, numerically stable softmax of <paramref name="x"/> into <paramref name="y"/> (reshaped to x's shape).</summary>
    public static void SoftmaxRows(Matrix x, Matrix y)
    {
        y.EnsureShape(x.Rows, x.Columns);
        Kernel.Current.SoftmaxRows(x.Span, y.Span, x.Rows, x.Columns);
    }

    /// <summary>One Adam step on <paramref name="value"/> in place, updating the moving averages
    /// <paramref name="m"/> and <paramref name="v"/> (see <see cref="IKernel.AdamUpdate"/>).</summary>
    /// <exception cref="ArgumentException">The gradient, m or v has a different length than the value.</exception>
    public static void AdamUpdate(Span<float> value, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v,
        float beta1, float beta2, float epsilon, float stepSize)
    {
        RequireLength(gradient.Length, value.Length, nameof(gradient));
        RequireLength(m.Length, value.Length, nameof(m));
        RequireLength(v.Length, value.Length, nameof(v));
        Kernel.Current.AdamUpdate(value, gradient, m, v, beta1, beta2, epsilon, stepSize);
    }

    private static void RequireLength(int length, int expected, string paramName)
    {
        if (length != expected)
            throw new ArgumentException($"{paramName} has {length} values but the parameter has {expected}.", paramName);
    }
}

/// <summary>Common element-wise operators.</summary>
public static class Operators
{
    /// <summary><c>x·y</c>.</summary>
    public readonly struct Multiply : IVectorBinaryOperator
    {
        /// <inheritdoc />
        public float Apply(float x, float y) => x * y;

        /// <inheritdoc />
        public System.Numerics.Vector<float> Apply(System.Numerics.Vector<float> x, System.Numerics.Vector<float> y) => x * y;
    }

    /// <summary><c>x − y</c>.</summary>
    public readonly struct Subtract : IVectorBinaryOperator
    {
        /// <inheritdoc />
        public float Apply(float x, float y) => x - y;

        /// <inheritdoc />
        public System.Numerics.Vector<float> Apply(System.Numerics.Vector<float> x, System.Numerics.Vector<float> y) => x - y;
    }

    /// <summary><c>x + y</c>.</summary>
    public readonly struct Add : IVectorBinaryOperator
    {
        /// <inheritdoc />
        public float Apply(float x, float y) => x + y;

        /// <inheritdoc />
        public System.Numerics.Vector<float> Apply(System.Numerics.Vector<float> x, System.Numerics.Vector<float> y) => x + y;
    }
}
