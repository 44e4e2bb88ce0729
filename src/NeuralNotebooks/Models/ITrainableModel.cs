using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>What callbacks need from a model: reading and writing its weights. Both the from-scratch
/// <see cref="Sequential"/> and the TorchSharp twins implement it, so callbacks work for both.</summary>
public interface ITrainableModel
{
    /// <summary>Copies of all weight tensors, in layer order (kernel, bias, kernel, bias, …).</summary>
    IReadOnlyList<Matrix> GetWeights();

    /// <summary>Replaces all weights; shapes must match <see cref="GetWeights"/>.</summary>
    void SetWeights(IReadOnlyList<Matrix> weights);
}
