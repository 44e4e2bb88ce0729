using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Bridges;
using NeuralNotebooks.Torch.Tests.Support;
using TorchSharp;

namespace NeuralNotebooks.Torch.Tests.Bridges;

public sealed class TorchBridgeTests : TorchTest
{
    [TorchFact]
    public void Matrix_round_trips_through_a_tensor_with_shape_and_order_kept()
    {
        var m = Matrix.FromRows(new[] { 1f, 2f, 3f }, new[] { 4f, 5f, 6f });
        using var t = TorchBridge.ToTensor(m);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(torch.ScalarType.Float32, t.dtype);
        Assert.Equal(6f, t[1, 2].item<float>());
        var back = TorchBridge.ToMatrix(t);
        Assert.Equal("(2, 3)", back.ShapeText);
        Assert.Equal(m.Span.ToArray(), back.Span.ToArray());
    }

    [TorchFact]
    public void ToTensor_ignores_spare_capacity_of_the_matrix_buffer()
    {
        var m = new Matrix(2, 2, new float[] { 1, 2, 3, 4, 99, 99 });
        using var t = TorchBridge.ToTensor(m);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, t.data<float>().ToArray());
    }

    [TorchFact]
    public void ToMatrix_reads_non_contiguous_and_other_dtypes_and_1d_as_a_row()
    {
        using var t = torch.tensor(new double[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        using var transposed = t.t();
        var m = TorchBridge.ToMatrix(transposed);
        Assert.Equal("(3, 2)", m.ShapeText);
        Assert.Equal(new[] { 1f, 4f, 2f, 5f, 3f, 6f }, m.Span.ToArray());
        using var v = torch.tensor(new float[] { 7, 8 });
        Assert.Equal("(1, 2)", TorchBridge.ToMatrix(v).ShapeText);
    }

    [TorchFact]
    public void ToMatrix_rejects_3d_tensors_naming_the_shape()
    {
        using var t = torch.zeros(2, 3, 4);
        var e = Assert.Throws<ArgumentException>(() => TorchBridge.ToMatrix(t));
        Assert.Equal("tensor", e.ParamName);
        Assert.Contains("[2, 3, 4]", e.Message);
    }

    [TorchFact]
    public void Kernel_and_weight_are_transposes()
    {
        var kernel = Matrix.FromRows(new[] { 1f, 2f, 3f }, new[] { 4f, 5f, 6f }); // in 2 × units 3
        using var weight = TorchBridge.KernelToWeight(kernel);
        Assert.Equal(new long[] { 3, 2 }, weight.shape);
        Assert.Equal(4f, weight[0, 1].item<float>());
        Assert.Equal(kernel.Span.ToArray(), TorchBridge.WeightToKernel(weight).Span.ToArray());
    }

    [TorchFact]
    public void WeightToKernel_rejects_a_vector()
    {
        using var v = torch.zeros(3);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => TorchBridge.WeightToKernel(v)).ParamName);
    }

    [TorchFact]
    public void Labels_become_int64_vectors()
    {
        using var a = TorchBridge.ToLabelTensor(new[] { 3, 0, 9 });
        Assert.Equal(torch.ScalarType.Int64, a.dtype);
        Assert.Equal(new long[] { 3, 0, 9 }, a.data<long>().ToArray());
        using var b = TorchBridge.ToLabelTensor(Matrix.Column(2f, 7f));
        Assert.Equal(new long[] { 2, 7 }, b.data<long>().ToArray());
    }

    [TorchFact]
    public void Label_preconditions_name_the_argument_and_value()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => TorchBridge.ToLabelTensor(new[] { 1, -2 }));
        Assert.Equal("labels", negative.ParamName);
        Assert.Contains("-2", negative.Message);
        var fraction = Assert.Throws<ArgumentException>(() => TorchBridge.ToLabelTensor(Matrix.Column(1f, 2.5f)));
        Assert.Equal("labels", fraction.ParamName);
        Assert.Contains("2.5", fraction.Message);
        var wide = Assert.Throws<ArgumentException>(() => TorchBridge.ToLabelTensor(new Matrix(2, 3)));
        Assert.Contains("(2, 3)", wide.Message);
    }
}
