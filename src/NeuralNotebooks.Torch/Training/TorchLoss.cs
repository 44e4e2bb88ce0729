using NeuralNotebooks.Losses;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace NeuralNotebooks.Torch.Training;

/// <summary>
/// One of our losses computed with TorchSharp on the twin's raw output (logits when the softmax is fused into the loss).
/// </summary>
/// <remarks>
/// <para>Mapping: mse → <c>mse_loss</c> (mean over all entries, as ours); binary_crossentropy → <c>binary_cross_entropy</c>
/// (BCELoss) on the sigmoid output — torch clamps log(p) at −100 where we (Keras) clip p to [1e-7, 1 − 1e-7], so the two
/// differ only for saturated outputs (loss above 16.1); categorical / sparse categorical cross-entropy after a softmax
/// output → the softmax is fused: the network stops at the logits z and the loss is
/// <c>−Σ y·log_softmax(z)</c> (one-hot) or <c>cross_entropy(z, labels)</c> (PyTorch's CrossEntropyLoss), whose gradient is
/// exactly our combined (ŷ − y)/N. Predictions apply the softmax. Cross-entropy after a non-softmax output clips
/// p to [ε, 1 − ε] like ours.</para>
/// </remarks>
internal sealed class TorchLoss
{
    private readonly Kind _kind;

    private TorchLoss(Kind kind, bool softmaxFused)
    {
        _kind = kind;
        SoftmaxFused = softmaxFused;
    }

    private enum Kind { MeanSquared, BinaryCrossEntropy, CategoricalCrossEntropy, SparseCategoricalCrossEntropy }

    /// <summary>True when the network stops at the logits and the softmax is applied by the loss / for predictions.</summary>
    public bool SoftmaxFused { get; }

    /// <summary>True when targets are class indices (an int64 label vector is used).</summary>
    public bool Sparse => _kind == Kind.SparseCategoricalCrossEntropy;

    /// <summary>The mapping of <paramref name="loss"/> for a network whose output activation is softmax or not.</summary>
    /// <exception cref="ArgumentException">The loss type has no mapping.</exception>
    public static TorchLoss For(Loss loss, bool softmaxOutput)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss switch
        {
            MeanSquaredError => new(Kind.MeanSquared, softmaxOutput),
            BinaryCrossEntropy => new(Kind.BinaryCrossEntropy, softmaxOutput),
            CategoricalCrossEntropy => new(Kind.CategoricalCrossEntropy, softmaxOutput),
            SparseCategoricalCrossEntropy => new(Kind.SparseCategoricalCrossEntropy, softmaxOutput),
            _ => throw new ArgumentException($"Loss '{loss.Name}' ({loss.GetType().Name}) has no TorchSharp mapping.", nameof(loss)),
        };
    }

    /// <summary>The model's predictions (probabilities after a fused softmax) from the network's raw output.</summary>
    public Tensor Predictions(Tensor raw) => SoftmaxFused ? F.softmax(raw, 1) : raw;

    /// <summary>The mean loss of the batch.</summary>
    /// <param name="raw">The network's output (logits when <see cref="SoftmaxFused"/>).</param>
    /// <param name="target">Float targets, same shape as the output (dense losses).</param>
    /// <param name="labels">int64 class indices (sparse loss), else null.</param>
    public Tensor Compute(Tensor raw, Tensor target, Tensor? labels)
    {
        const float eps = Loss.Epsilon;
        switch (_kind)
        {
            case Kind.MeanSquared:
                return F.mse_loss(Predictions(raw), target);
            case Kind.BinaryCrossEntropy:
                return F.binary_cross_entropy(Predictions(raw), target);
            case Kind.CategoricalCrossEntropy:
                var logP = SoftmaxFused ? F.log_softmax(raw, 1) : raw.clamp(eps, 1f - eps).log();
                return -(target * logP).sum(1).mean();
            default:
                var labelTensor = labels ?? throw new InvalidOperationException("The sparse loss needs integer labels.");
                return SoftmaxFused
                    ? F.cross_entropy(raw, labelTensor)
                    : F.nll_loss(raw.clamp(eps, 1f - eps).log(), labelTensor);
        }
    }
}
