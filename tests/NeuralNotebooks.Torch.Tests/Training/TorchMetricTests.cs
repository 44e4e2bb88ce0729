using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Bridges;
using NeuralNotebooks.Torch.Tests.Support;
using NeuralNotebooks.Torch.Training;

namespace NeuralNotebooks.Torch.Tests.Training;

/// <summary>The twin's tensor metrics give the from-scratch metrics' batch sums, including the argmax rule for NaN and ties.</summary>
public sealed class TorchMetricTests : TorchTest
{
    [TorchTheory]
    [InlineData("accuracy", "categorical_crossentropy")]
    [InlineData("accuracy", "sparse_categorical_crossentropy")]
    [InlineData("accuracy", "binary_crossentropy")]
    [InlineData("mse", "mse")]
    [InlineData("mae", "mse")]
    public void Tensor_batch_sums_equal_the_scratch_batch_sums(string name, string lossName)
    {
        var loss = Loss.Get(lossName);
        // Row 1 holds a NaN (argmax: the first NaN), row 3 a tie (argmax: the first maximum).
        var p = Matrix.FromRows([0.7f, 0.2f, 0.1f], [0.5f, float.NaN, 0.1f], [0.1f, 0.1f, 0.8f], [0.4f, 0.4f, 0.2f]);
        var y = loss is SparseCategoricalCrossEntropy ? Matrix.Column(0f, 1, 2, 1)
            : loss is BinaryCrossEntropy ? Matrix.FromRows([1f, 0, 0], [1f, 1, 0], [0f, 0, 1], [0f, 0, 0])
            : Matrix.FromRows([1f, 0, 0], [0f, 1, 0], [0f, 0, 1], [0f, 1, 0]);
        if (name != "accuracy") p.Data[4] = 0.3f;                       // the errors need finite predictions
        var metric = TrainingMetric.Create(name, loss, 3);
        using var pt = TorchBridge.ToTensor(p);
        using var yt = TorchBridge.ToTensor(y);
        using var labels = loss is SparseCategoricalCrossEntropy ? TorchBridge.ToLabelTensor(y) : null;
        Assert.Equal(metric.BatchSum(p, y), new TorchMetric(metric).BatchSum(pt, yt, labels), 6);
    }
}
