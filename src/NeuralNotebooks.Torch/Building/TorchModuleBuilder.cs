using NeuralNotebooks.Activations;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;
using NeuralNotebooks.Torch.Bridges;
using TorchSharp;
using TorchLinear = TorchSharp.Modules.Linear;
using static TorchSharp.torch;
using Sequential = NeuralNotebooks.Models.Sequential;

namespace NeuralNotebooks.Torch.Building;

/// <summary>
/// Turns a from-scratch <see cref="Sequential"/> description (Dense and Dropout layers with activations) into the
/// equivalent TorchSharp module: <c>Dense(units, f)</c> → <c>nn.Linear(in, units)</c> followed by f's module,
/// <c>Dropout(rate)</c> → <c>nn.Dropout(rate)</c>.
/// </summary>
/// <remarks>
/// <para>Activation modules: linear → none, sigmoid → <c>nn.Sigmoid</c>, tanh → <c>nn.Tanh</c>, relu → <c>nn.ReLU</c>,
/// leaky_relu(α) → <c>nn.LeakyReLU(α)</c> (the same α: Keras' default is 0.3, PyTorch's 0.01), softmax →
/// <c>nn.Softmax(dim: 1)</c>. The step function has no gradient and no twin.</para>
/// <para>Module names follow our layer names: "dense", "dense_relu", "dropout", "dense_1", …</para>
/// </remarks>
public static class TorchModuleBuilder
{
    /// <summary>Builds the torch twin of <paramref name="model"/> as an <c>nn.Sequential</c>.</summary>
    /// <param name="model">A built model (it has an <see cref="Input"/> or was fitted).</param>
    /// <param name="copyWeights">Start from <paramref name="model"/>'s current weights (true) or from torch's own
    /// initialisation (false; Kaiming-uniform, not Keras' Glorot-uniform).</param>
    /// <param name="includeOutputSoftmax">Keep a final softmax in the module (true), or stop at the logits (false, for
    /// <c>nn.CrossEntropyLoss</c>).</param>
    /// <exception cref="ArgumentException">The model is not built, or has a layer or activation without a twin.</exception>
    public static nn.Module<Tensor, Tensor> Build(Sequential model, bool copyWeights = true, bool includeOutputSoftmax = true)
    {
        var plan = LayerPlan.Of(model, nameof(model));
        var (module, linears) = Create(plan, includeOutputSoftmax || !plan.EndsWithSoftmax);
        if (copyWeights) CopyWeights(model.GetWeights(), linears);
        return module;
    }

    /// <summary>The TorchSharp module of an activation, or null for the identity (linear).</summary>
    /// <exception cref="ArgumentException">The activation has no twin (step).</exception>
    public static nn.Module<Tensor, Tensor>? ActivationModule(Activation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        return activation switch
        {
            Linear => null,
            Sigmoid => nn.Sigmoid(),
            Tanh => nn.Tanh(),
            ReLU => nn.ReLU(),
            LeakyReLU leaky => nn.LeakyReLU(leaky.Alpha),
            Softmax => nn.Softmax(1),
            _ => throw new ArgumentException(
                $"Activation '{activation}' has no TorchSharp twin (twins exist for linear, sigmoid, tanh, relu, leaky_relu, softmax).",
                nameof(activation)),
        };
    }

    /// <summary>Creates the modules of <paramref name="plan"/>; returns the sequential module and its Linear layers in order.</summary>
    internal static (nn.Module<Tensor, Tensor> Module, IReadOnlyList<TorchLinear> Linears) Create(LayerPlan plan, bool includeOutputSoftmax)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var linears = new List<TorchLinear>();
        for (int i = 0; i < plan.Layers.Count; i++)
        {
            switch (plan.Layers[i])
            {
                case Dense dense:
                    var linear = nn.Linear(dense.InputSize, dense.Units, hasBias: true);
                    linears.Add(linear);
                    modules.Add((dense.Name, linear));
                    bool isOutputSoftmax = i == plan.Layers.Count - 1 && dense.Activation is Softmax;
                    if (isOutputSoftmax && !includeOutputSoftmax) break;
                    if (ActivationModule(dense.Activation) is { } act) modules.Add(($"{dense.Name}_{dense.Activation.Name}", act));
                    break;
                case Dropout dropout:
                    modules.Add((dropout.Name, nn.Dropout(dropout.Rate)));
                    break;
            }
        }
        return (nn.Sequential(modules.ToArray()), linears);
    }

    /// <summary>Copies weights in our layout (kernel in×units, bias 1×units, per Dense) into the Linear layers.</summary>
    internal static void CopyWeights(IReadOnlyList<NeuralNotebooks.Tensors.Matrix> weights, IReadOnlyList<TorchLinear> linears)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        for (int i = 0; i < linears.Count; i++)
        {
            linears[i].weight!.copy_(TorchBridge.KernelToWeight(weights[2 * i]));
            linears[i].bias!.copy_(TorchBridge.ToTensor(weights[2 * i + 1]).reshape(-1));
        }
    }
}

/// <summary>The checked layer list of a scratch model that can be twinned.</summary>
internal sealed class LayerPlan
{
    private LayerPlan(IReadOnlyList<Layer> layers, int inputSize, string architecture)
    {
        Layers = layers;
        InputSize = inputSize;
        Architecture = architecture;
    }

    public IReadOnlyList<Layer> Layers { get; }

    public int InputSize { get; }

    public string Architecture { get; }

    public Dense? Output => Layers.LastOrDefault(l => l is Dense) as Dense;

    public bool EndsWithSoftmax => Layers.Count > 0 && Layers[^1] is Dense { Activation: Softmax };

    public static LayerPlan Of(Sequential model, string paramName)
    {
        ArgumentNullException.ThrowIfNull(model, paramName);
        if (!model.IsBuilt)
            throw new ArgumentException($"The model '{model.Name}' is not built: start it with an Input(features) so its weights exist.", paramName);
        if (model.Layers[^1] is not Dense)
            throw new ArgumentException($"The model '{model.Name}' must end with a Dense layer, but ends with {model.Layers[^1].Describe()}.", paramName);
        foreach (var layer in model.Layers)
        {
            switch (layer)
            {
                case Dense dense:
                    if (dense.Activation is not (Linear or Sigmoid or Tanh or ReLU or LeakyReLU or Softmax))
                        throw new ArgumentException(
                            $"Layer '{dense.Name}' uses the {dense.Activation} activation, which has no TorchSharp twin " +
                            "(twins exist for linear, sigmoid, tanh, relu, leaky_relu, softmax; step has no gradient).", paramName);
                    break;
                case Dropout:
                    break;
                default:
                    throw new ArgumentException(
                        $"Layer '{layer.Name}' ({layer.TypeName}) has no TorchSharp twin; twins exist for Dense and Dropout.", paramName);
            }
        }
        return new LayerPlan(model.Layers.ToArray(), model.InputSize, model.Architecture);
    }

    public override string ToString() => Architecture;
}
