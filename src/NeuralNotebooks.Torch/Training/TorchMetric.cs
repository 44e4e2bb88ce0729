using NeuralNotebooks.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralNotebooks.Torch.Training;

/// <summary>A compiled <see cref="TrainingMetric"/> computed on the twin's tensors, summed per sample over a batch
/// (divide the epoch's sum by the sample count).</summary>
/// <remarks>The same <see cref="MetricKind"/> as the from-scratch model, resolved by the same
/// <see cref="TrainingMetric.Create"/>. <c>torch.argmax</c> follows the library's argmax rule
/// (<see cref="Data.Labels.ArgmaxOf(ReadOnlySpan{float})"/>: ties to the first index, NaN counts as largest; a twin test
/// checks it).</remarks>
internal sealed class TorchMetric(TrainingMetric metric)
{
    /// <summary>The history key, e.g. "accuracy".</summary>
    public string Name => metric.Name;

    /// <summary>The metric summed over the batch's samples.</summary>
    /// <param name="p">Predictions (probabilities after a softmax), N×k.</param>
    /// <param name="t">Float targets in the loss's layout.</param>
    /// <param name="labels">int64 class indices for the sparse loss, else null.</param>
    public double BatchSum(Tensor p, Tensor t, Tensor? labels) => metric.Kind switch
    {
        MetricKind.SparseCategoricalAccuracy => p.argmax(1).eq(labels!).sum().item<long>(),
        MetricKind.BinaryAccuracy => (double)p.gt(0.5).to_type(ScalarType.Float32).eq(t).sum().item<long>() / p.shape[1],
        MetricKind.CategoricalAccuracy => p.argmax(1).eq(t.argmax(1)).sum().item<long>(),
        MetricKind.MeanSquaredError => (p - t).square().sum().item<float>() / (double)p.shape[1],
        _ => (p - t).abs().sum().item<float>() / (double)p.shape[1],
    };
}
