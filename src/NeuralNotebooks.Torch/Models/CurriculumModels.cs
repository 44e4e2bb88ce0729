using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;

namespace NeuralNotebooks.Torch.Models;

/// <summary>
/// The from-scratch models of the curriculum, built (with their seeded initial weights) and not compiled: the
/// descriptions the TorchSharp twins in <see cref="TorchModels"/> are made from.
/// </summary>
/// <remarks>Each method's remarks give the optimizer, loss and schedule the lessons use with it.</remarks>
public static class CurriculumModels
{
    /// <summary>The single linear unit for logic gates: Input(2) → Dense(1, linear).</summary>
    /// <remarks>Lessons: SGD, mse, 500 epochs. Learns OR and NAND (accuracy 1.0); on XOR it stays at loss 0.25.</remarks>
    public static Sequential LogicGateUnit(int seed = 42) => new(seed, "logic_gate_unit") { new Input(2), new Dense(1, "linear") };

    /// <summary>The XOR network: Input(2) → Dense(32, relu) → Dense(1, sigmoid).</summary>
    /// <remarks>Lessons: RMSprop, mse, 500 epochs, batch 4 → accuracy 1.0.</remarks>
    public static Sequential XorMlp(int seed = 42) => new(seed, "xor_mlp") { new Input(2), new Dense(32, "relu"), new Dense(1, "sigmoid") };

    /// <summary>The small XOR network: Input(2) → Dense(4, relu) → Dense(1, sigmoid).</summary>
    /// <remarks>Lessons: Adam, binary cross-entropy, 100 epochs.</remarks>
    public static Sequential XorMlpSmall(int seed = 42) => new(seed, "xor_mlp_small") { new Input(2), new Dense(4, "relu"), new Dense(1, "sigmoid") };

    /// <summary>The binary classifier: Input(features) → Dense(64, relu) → Dropout(0.5) → Dense(32, relu) → Dense(1, sigmoid).</summary>
    /// <remarks>Lessons: make_classification with 20 features, Adam, binary cross-entropy, batch 32, up to 50 epochs with
    /// EarlyStopping(val_loss, patience 5, restore best weights).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="features"/> ≤ 0.</exception>
    public static Sequential BinaryClassifier(int features = 20, int seed = 42) => new(seed, "binary_classifier")
    {
        new Input(features), new Dense(64, "relu"), new Dropout(0.5), new Dense(32, "relu"), new Dense(1, "sigmoid"),
    };

    /// <summary>MNIST run A: Input(784) → Dense(64, relu) → Dense(32, relu) → Dense(10, softmax).</summary>
    /// <remarks>Lessons: Adam, categorical cross-entropy, batch 128, 30 epochs, 70/30 train/validation → test accuracy ≈ 0.972.</remarks>
    public static Sequential MnistRunA(int seed = 42) => new(seed, "mnist_a")
    {
        new Input(784), new Dense(64, "relu"), new Dense(32, "relu"), new Dense(10, "softmax"),
    };

    /// <summary>MNIST run B: Input(784) → Dense(128, relu) → Dense(64, relu) → Dense(10, softmax).</summary>
    /// <remarks>Lessons: Adam, categorical cross-entropy, batch 32, 10 epochs, validation split 0.2 → test accuracy ≈ 0.976.</remarks>
    public static Sequential MnistRunB(int seed = 42) => new(seed, "mnist_b")
    {
        new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax"),
    };

    /// <summary>Fashion-MNIST: Input(784) → Dense(128, relu) → Dense(10, softmax).</summary>
    /// <remarks>Lessons: Adam, sparse categorical cross-entropy, 20 epochs → test accuracy ≈ 0.88–0.89.</remarks>
    public static Sequential FashionMnist(int seed = 42) => new(seed, "fashion_mnist")
    {
        new Input(784), new Dense(128, "relu"), new Dense(10, "softmax"),
    };
}
