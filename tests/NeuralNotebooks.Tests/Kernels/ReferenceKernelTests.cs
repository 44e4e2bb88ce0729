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
    public void Adam_update_names_the_span_whose_length_differs_from_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.AdamUpdate(new float[3], new float[3], new float[2], new float[3], 0.9f, 0.999f, 1e-7f, 0.1f));
        Assert.Equal("m", e.ParamName);
        Assert.Contains("2", e.Message);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Ops.AdamUpdate(new float[3], new float[4], new float[3], new float[3], 0.9f, 0.999f, 1e-7f, 0.1f)).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Ops.AdamUpdate(new float[3], new float[3], new float[3], new float[1], 0.9f, 0.999f, 1e-7f, 0.1f)).ParamName);
    }

    [Fact]
    public void Adam_update_is_the_textbook_formula()
    {
        float[] w = { 1f }, g = { 0.5f }, m = { 0.2f }, v = { 0.1f };
        ReferenceKernel.Instance.AdamUpdate(w, g, m, v, 0.9f, 0.999f, 1e-7f, 0.01f);
        float b1 = 0.9f, b2 = 0.999f;
        float mExpected = b1 * 0.2f + (1f - b1) * 0.5f, vExpected = b2 * 0.1f + (1f - b2) * 0.5f * 0.5f;
        Assert.Equal(mExpected, m[0]);
        Assert.Equal(vExpected, v[0]);
        Assert.Equal(1f - 0.01f * mExpected / (MathF.Sqrt(vExpected) + 1e-7f), w[0]);
    }

    [Fact]
    public void Kernel_cannot_be_set_to_null()
    {
        Assert.Throws<ArgumentNullException>(() => Kernel.Current = null!);
    }
}
