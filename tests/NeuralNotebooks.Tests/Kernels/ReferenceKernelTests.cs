using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Kernels;

public class ReferenceKernelTests
{
    [Fact]
    public void MatMul_matches_hand_computation()
    {
        var a = Matrix.FromRows(new float[] { 1, 2, 3 }, new float[] { 4, 5, 6 });
        var b = Matrix.FromRows(new float[] { 7, 8 }, new float[] { 9, 10 }, new float[] { 11, 12 });
        var c = Ops.MatMul(a, b);
        Assert.Equal(new float[] { 58, 64, 139, 154 }, c.Span.ToArray());
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(33, 65, 17)]
    public void Transposed_products_agree_with_explicit_transposes(int m, int k, int n)
    {
        var a = GradientCheck.Random(m, k, 1);
        var b = GradientCheck.Random(k, n, 2);
        var expected = Ops.MatMul(a, b);

        var c1 = new Matrix(0, 0);
        Ops.MatMulTransposeB(a, b.Transpose(), c1);
        var c2 = new Matrix(0, 0);
        Ops.MatMulTransposeA(a.Transpose(), b, c2);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], c1.Data[i], 4);
            Assert.Equal(expected.Data[i], c2.Data[i], 4);
        }
    }

    [Fact]
    public void Inner_dimension_mismatch_names_both_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.MatMul(new Matrix(2, 3), new Matrix(4, 5)));
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(4, 5)", e.Message);
    }

    [Fact]
    public void Bias_and_column_sums()
    {
        var m = Matrix.FromRows(new float[] { 1, 2 }, new float[] { 3, 4 });
        Ops.AddRowVector(m, new float[] { 10, 20 });
        Assert.Equal(new float[] { 11, 22, 13, 24 }, m.Span.ToArray());
        var sums = new float[2];
        Ops.SumColumns(m, sums);
        Assert.Equal(new float[] { 24, 46 }, sums);
        Assert.Throws<ArgumentException>(() => Ops.AddRowVector(m, new float[3]));
    }

    [Fact]
    public void Kernel_cannot_be_set_to_null()
    {
        Assert.Throws<ArgumentNullException>(() => Kernel.Current = null!);
    }
}
