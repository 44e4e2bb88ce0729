using NeuralNotebooks.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralNotebooks.Torch.Bridges;

/// <summary>
/// Copies data between our <see cref="Matrix"/> and TorchSharp tensors: features, labels and weights.
/// </summary>
/// <remarks>
/// <para>Both sides store a batch row-major, one sample per row, so a Matrix of shape (N, F) becomes a float32 tensor of
/// shape [N, F] with the same values in the same order. Every conversion copies; neither side sees later changes of
/// the other.</para>
/// <para>Weights: our Dense kernel W is in×units (Y = X·W + b), torch's <c>Linear.weight</c> is units×in
/// (Y = X·Wᵀ + b). <see cref="KernelToWeight"/> and <see cref="WeightToKernel"/> transpose; biases are the same
/// numbers (our 1×units row, torch's vector of length units).</para>
/// </remarks>
public static class TorchBridge
{
    /// <summary>A float32 tensor of shape [Rows, Columns] holding a copy of <paramref name="matrix"/>.</summary>
    public static Tensor ToTensor(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return torch.tensor(matrix.Span.ToArray(), new long[] { matrix.Rows, matrix.Columns });
    }

    /// <summary>A Matrix holding a copy of a 2-D tensor (a 1-D tensor of length n becomes a 1×n row, like a bias).</summary>
    /// <remarks>Any dtype is converted to float32; the tensor is read from CPU memory (copied there first if needed).</remarks>
    /// <exception cref="ArgumentException">The tensor has more than 2 dimensions, or 0.</exception>
    public static Matrix ToMatrix(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() is < 1 or > 2)
            throw new ArgumentException($"tensor has shape [{string.Join(", ", tensor.shape)}]; only 1-D and 2-D tensors convert to a Matrix.", nameof(tensor));
        int rows = tensor.dim() == 1 ? 1 : checked((int)tensor.shape[0]);
        int cols = checked((int)tensor.shape[^1]);
        using var scope = torch.NewDisposeScope();
        var flat = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return new Matrix(rows, cols, flat.data<float>().ToArray());
    }

    /// <summary>Class labels as the int64 vector torch's classification losses expect.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative.</exception>
    public static Tensor ToLabelTensor(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var values = new long[labels.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (labels[i] < 0) throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] is {labels[i]}; class labels must be ≥ 0.");
            values[i] = labels[i];
        }
        return torch.tensor(values, new long[] { values.Length });
    }

    /// <summary>Class labels stored as an N×1 Matrix of whole numbers (the sparse-loss target layout) as an int64 vector.</summary>
    /// <exception cref="ArgumentException">The matrix is not one column, or a value is not a whole number ≥ 0.</exception>
    public static Tensor ToLabelTensor(Matrix labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Columns != 1)
            throw new ArgumentException($"labels has shape {labels.ShapeText}; class labels must be one column (N, 1).", nameof(labels));
        var values = new long[labels.Rows];
        for (int i = 0; i < values.Length; i++)
        {
            float v = labels.Data[i];
            if (!(v >= 0) || v != MathF.Floor(v))
                throw new ArgumentException($"labels[{i}] is {v}; class labels must be whole numbers ≥ 0.", nameof(labels));
            values[i] = (long)v;
        }
        return torch.tensor(values, new long[] { values.Length });
    }

    /// <summary>Our Dense kernel (in×units) as a torch Linear weight (units×in): the transpose.</summary>
    public static Tensor KernelToWeight(Matrix kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return ToTensor(kernel.Transpose());
    }

    /// <summary>A torch Linear weight (units×in) as our Dense kernel (in×units): the transpose.</summary>
    /// <exception cref="ArgumentException">The tensor is not 2-D.</exception>
    public static Matrix WeightToKernel(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.dim() != 2)
            throw new ArgumentException($"weight has shape [{string.Join(", ", weight.shape)}]; a Linear weight is 2-D (units, in).", nameof(weight));
        return ToMatrix(weight).Transpose();
    }
}
