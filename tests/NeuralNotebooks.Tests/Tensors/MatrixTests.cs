using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Tensors;

public class MatrixTests
{
    [Fact]
    public void Stores_row_major()
    {
        var m = Matrix.FromRows(new float[] { 1, 2, 3 }, new float[] { 4, 5, 6 });
        Assert.Equal((2, 3), (m.Rows, m.Columns));
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, m.Span.ToArray());
        Assert.Equal(6, m[1, 2]);
        Assert.Equal("(2, 3)", m.ShapeText);
    }

    [Fact]
    public void Negative_dimensions_are_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix(-1, 2));
        Assert.Equal("rows", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new Matrix(1, -2));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("-2", e.Message);
    }

    [Fact]
    public void Short_data_is_rejected_with_both_sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Matrix(2, 3, new float[5]));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("5", e.Message);
        Assert.Contains("6", e.Message);
    }

    [Fact]
    public void Ragged_rows_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Matrix.FromRows(new float[] { 1, 2 }, new float[] { 3 }));
        Assert.Contains("row 1", e.Message);
    }

    [Fact]
    public void Index_out_of_range_names_the_index()
    {
        var m = new Matrix(2, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => m[2, 0]);
        Assert.Equal("row", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 5]);
        Assert.Equal("column", e.ParamName);
    }

    [Fact]
    public void Select_slice_transpose()
    {
        var m = Matrix.FromRows(new float[] { 1, 2 }, new float[] { 3, 4 }, new float[] { 5, 6 });
        Assert.Equal(new float[] { 5, 6, 1, 2 }, m.SelectRows(new[] { 2, 0 }).Span.ToArray());
        Assert.Equal(new float[] { 3, 4, 5, 6 }, m.SliceRows(1, 3).Span.ToArray());
        var t = m.Transpose();
        Assert.Equal((2, 3), (t.Rows, t.Columns));
        Assert.Equal(new float[] { 1, 3, 5, 2, 4, 6 }, t.Span.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => m.SliceRows(2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.SelectRows(new[] { 3 }));
    }

    [Fact]
    public void EnsureShape_reuses_a_large_enough_buffer()
    {
        var m = new Matrix(4, 4);
        var data = m.Data;
        m.EnsureShape(2, 3);
        Assert.Same(data, m.Data);
        Assert.Equal(6, m.Length);
        m.EnsureShape(5, 5);
        Assert.NotSame(data, m.Data);
    }

    [Fact]
    public void Clone_is_deep()
    {
        var m = Matrix.Column(1, 2);
        var c = m.Clone();
        c.Data[0] = 9;
        Assert.Equal(1, m.Data[0]);
    }
}
