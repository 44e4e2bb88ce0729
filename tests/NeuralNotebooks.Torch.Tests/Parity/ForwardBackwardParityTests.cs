using NeuralNotebooks.Activations;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Tests.Support;
using NeuralNotebooks.Torch.Training;
using Xunit.Abstractions;

namespace NeuralNotebooks.Torch.Tests.Parity;

/// <summary>
/// Micrograd-style parity: the same network with the same weights, run by our from-scratch backpropagation and by
/// libtorch's autograd, must give the same outputs, loss and parameter gradients — for every activation and loss.
/// </summary>
public sealed class ForwardBackwardParityTests(ITestOutputHelper output) : TorchTest
{
    /// <summary>
    /// Relative error allowed: |a − b| / max(|a|, |b|, floor) ≤ 1e-5 with floor = max(1e-6, 10% of the tensor's largest
    /// entry). Both sides compute in float32 with different summation orders (MKL vs our kernels), so entries that are
    /// sums with cancellation carry absolute errors of a few float32 ulps of the tensor's scale (measured: up to
    /// 3.6·10⁻⁷·max); the floor compares entries below a tenth of the largest absolutely, at 10⁻⁶·max (≈ 8 ulps).
    /// </summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<string, float, string, string> Cases()
    {
        var data = new TheoryData<string, float, string, string>();
        // Every activation in the hidden layers (their derivatives enter the chain rule), a linear output and MSE.
        foreach (var hidden in new[] { "linear", "sigmoid", "tanh", "relu", "softmax" }) data.Add(hidden, 0f, "linear", "mse");
        data.Add("leaky_relu", 0.3f, "linear", "mse");
        data.Add("leaky_relu", 0.05f, "linear", "mse");
        // Every activation at the output with MSE (the activation's own Backward, no combined shortcut).
        foreach (var output in new[] { "sigmoid", "tanh", "relu", "softmax" }) data.Add("tanh", 0f, output, "mse");
        data.Add("tanh", 0.3f, "leaky_relu", "mse");   // α applies to the output here (tanh ignores it)
        // The cross-entropies with their natural outputs (combined gradient (ŷ − y)/N on our side, autograd on torch's).
        data.Add("relu", 0f, "sigmoid", "binary_crossentropy");
        data.Add("relu", 0f, "softmax", "categorical_crossentropy");
        data.Add("relu", 0f, "softmax", "sparse_categorical_crossentropy");
        data.Add("leaky_relu", 0.3f, "softmax", "categorical_crossentropy");
        data.Add("sigmoid", 0f, "softmax", "sparse_categorical_crossentropy");
        // Cross-entropy after an output without the shortcut (our loss gradient, then the activation's Backward).
        data.Add("tanh", 0f, "sigmoid", "categorical_crossentropy");
        data.Add("tanh", 0f, "softmax", "binary_crossentropy");
        return data;
    }

    [TorchTheory]
    [MemberData(nameof(Cases))]
    public void Outputs_loss_and_gradients_match_libtorch(string hidden, float alpha, string outputActivation, string lossName)
    {
        const int samples = 8, inputs = 5, width1 = 7, width2 = 6, outputs = 3;
        var loss = Loss.Get(lossName);
        var scratch = new Sequential(seed: 11)
        {
            new Input(inputs),
            new Dense(width1, Make(hidden, alpha)),
            new Dense(width2, Make(hidden, alpha)),
            new Dense(outputs, Make(outputActivation, alpha)),
        };
        scratch.Compile(new Sgd(), loss);
        using var twin = new TorchSequential(scratch);
        twin.Compile(new Sgd(), loss);

        var x = TestData.Normal(samples, inputs, seed: 1);
        var labels = TestData.Labels(samples, outputs, seed: 2);
        Matrix y = lossName switch
        {
            "mse" => TestData.Normal(samples, outputs, seed: 3, scale: 0.5),
            "binary_crossentropy" => TestData.Binary(samples, outputs, seed: 3),
            "categorical_crossentropy" => TestData.OneHot(labels, outputs),
            _ => Matrix.Column(labels),
        };

        var scratchOutput = scratch.Predict(x);
        var scratchGradients = scratch.ComputeGradients(x, y);

        var torchOutput = twin.Predict(x);
        var torchGradients = twin.ComputeGradients(x, y);

        Compare.Relative(scratchOutput, torchOutput, Tolerance, "forward output");
        var (scratchLoss, torchLoss) = (scratchGradients.Loss, torchGradients.Loss);
        Assert.Equal(loss.Compute(scratchOutput, y), scratchLoss);
        double lossError = Math.Abs(scratchLoss - torchLoss) / Math.Max(Math.Abs(scratchLoss), 1e-6);
        Assert.True(lossError <= Tolerance, $"loss: scratch {scratchLoss:G9}, torch {torchLoss:G9} (relative error {lossError:G3})");
        Assert.Equal(scratchGradients.Names, torchGradients.Names);
        double worst = 0;
        foreach (var (name, gradient) in scratchGradients)
        {
            Compare.Relative(gradient, torchGradients[name], Tolerance, $"gradient of {name}");
            worst = Math.Max(worst, Compare.MaxRelativeError(gradient, torchGradients[name]).Error);
            Assert.True(gradient.Span.ToArray().Any(g => g != 0), $"gradient of {name} is all zero: the test would prove nothing");
        }
        output.WriteLine($"{hidden}({alpha}) → {outputActivation} + {lossName}: loss {scratchLoss:G7}; worst gradient relative error {worst:G3}");
    }

    private static Activation Make(string name, float alpha) => name == "leaky_relu" ? new LeakyReLU(alpha) : Activation.Get(name);
}
