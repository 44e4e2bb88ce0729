using NeuralNotebooks.Torch.Training;

namespace NeuralNotebooks.Torch.Models;

/// <summary>
/// TorchSharp twins of the curriculum's models (<see cref="CurriculumModels"/>), starting from the same seeded
/// weights as the from-scratch model with the same seed. Compile them as the lessons do; dispose them when done.
/// </summary>
/// <remarks>Every method throws <see cref="InvalidOperationException"/> with the reason when TorchSharp cannot load
/// (see <see cref="TorchSupport.UnavailableReason"/>).</remarks>
public static class TorchModels
{
    /// <summary>Twin of <see cref="CurriculumModels.LogicGateUnit"/>: Linear(2, 1).</summary>
    public static TorchSequential LogicGateUnit(int seed = 42) => new(CurriculumModels.LogicGateUnit(seed));

    /// <summary>Twin of <see cref="CurriculumModels.XorMlp"/>: Linear(2, 32) → ReLU → Linear(32, 1) → Sigmoid.</summary>
    public static TorchSequential XorMlp(int seed = 42) => new(CurriculumModels.XorMlp(seed));

    /// <summary>Twin of <see cref="CurriculumModels.XorMlpSmall"/>: Linear(2, 4) → ReLU → Linear(4, 1) → Sigmoid.</summary>
    public static TorchSequential XorMlpSmall(int seed = 42) => new(CurriculumModels.XorMlpSmall(seed));

    /// <summary>Twin of <see cref="CurriculumModels.BinaryClassifier"/>: Linear(features, 64) → ReLU → Dropout(0.5) → Linear(64, 32) → ReLU → Linear(32, 1) → Sigmoid.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="features"/> ≤ 0.</exception>
    public static TorchSequential BinaryClassifier(int features = 20, int seed = 42) => new(CurriculumModels.BinaryClassifier(features, seed));

    /// <summary>Twin of <see cref="CurriculumModels.MnistRunA"/>: 784 → 64 → 32 → 10 (softmax applied outside the network).</summary>
    public static TorchSequential MnistRunA(int seed = 42) => new(CurriculumModels.MnistRunA(seed));

    /// <summary>Twin of <see cref="CurriculumModels.MnistRunB"/>: 784 → 128 → 64 → 10 (softmax applied outside the network).</summary>
    public static TorchSequential MnistRunB(int seed = 42) => new(CurriculumModels.MnistRunB(seed));

    /// <summary>Twin of <see cref="CurriculumModels.FashionMnist"/>: 784 → 128 → 10 (softmax applied outside the network).</summary>
    public static TorchSequential FashionMnist(int seed = 42) => new(CurriculumModels.FashionMnist(seed));
}
