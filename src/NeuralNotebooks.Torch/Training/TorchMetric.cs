using NeuralNotebooks.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralNotebooks.Torch.Training;

/// <summary>A metric of the twin, summed per sample over a batch (divide the epoch's sum by the sample count).</summary>
/// <remarks>Same meanings as the from-scratch trainer: "accuracy" is binary (threshold 0.5) for one output unit or
/// binary cross-entropy, sparse (argmax vs label) for sparse categorical cross-entropy, categorical (argmax vs argmax)
/// otherwise; "mse" and "mae" are the mean squared and absolute errors. Ties in argmax go to the first index, as ours.</remarks>
internal sealed class TorchMetric
{
    private readonly Func<Tensor, Tensor, Tensor?, double> _batchSum;

    private TorchMetric(string name, Func<Tensor, Tensor, Tensor?, double> batchSum)
    {
        Name = name;
        _batchSum = batchSum;
    }

    public string Name { get; }

    /// <summary>The metric summed over the batch's samples.</summary>
    public double BatchSum(Tensor predictions, Tensor target, Tensor? labels) => _batchSum(predictions, target, labels);

    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static TorchMetric Create(string name, Loss loss, int outputs)
    {
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "accuracy" or "acc":
                if (loss is SparseCategoricalCrossEntropy)
                    return new("accuracy", (p, _, labels) => p.argmax(1).eq(labels!).sum().item<long>());
                if (outputs == 1 || loss is BinaryCrossEntropy)
                    return new("accuracy", (p, t, _) => (double)p.gt(0.5).to_type(ScalarType.Float32).eq(t).sum().item<long>() / p.shape[1]);
                return new("accuracy", (p, t, _) => p.argmax(1).eq(t.argmax(1)).sum().item<long>());
            case "mse":
                return new("mse", (p, t, _) => (p - t).square().sum().item<float>() / (double)p.shape[1]);
            case "mae":
                return new("mae", (p, t, _) => (p - t).abs().sum().item<float>() / (double)p.shape[1]);
            default:
                throw new ArgumentException($"Unknown metric '{name}'. Known: accuracy, mse, mae.", nameof(name));
        }
    }
}
