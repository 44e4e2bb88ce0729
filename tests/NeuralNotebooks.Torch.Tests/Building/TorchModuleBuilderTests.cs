using NeuralNotebooks.Activations;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;
using NeuralNotebooks.Torch.Bridges;
using NeuralNotebooks.Torch.Building;
using NeuralNotebooks.Torch.Tests.Support;
using TorchSharp;

namespace NeuralNotebooks.Torch.Tests.Building;

public sealed class TorchModuleBuilderTests : TorchTest
{
    [TorchFact]
    public void Built_module_computes_what_the_scratch_model_predicts()
    {
        var scratch = new Sequential(4) { new Input(5), new Dense(8, new LeakyReLU(0.1f)), new Dropout(0.3), new Dense(6, "tanh"), new Dense(3, "softmax") };
        using var module = TorchModuleBuilder.Build(scratch);
        module.eval();
        var x = TestData.Normal(7, 5, seed: 3);
        using var input = TorchBridge.ToTensor(x);
        using var output = module.forward(input);
        Compare.Relative(scratch.Predict(x), TorchBridge.ToMatrix(output), 1e-5, "module output");
        Assert.Equal(new[] { "dense", "dense_leaky_relu", "dropout", "dense_1", "dense_1_tanh", "dense_2", "dense_2_softmax" },
            module.named_children().Select(c => c.name).ToArray());
    }

    [TorchFact]
    public void Without_the_output_softmax_the_module_returns_logits()
    {
        var scratch = new Sequential(4) { new Input(3), new Dense(4, "softmax") };
        using var module = TorchModuleBuilder.Build(scratch, includeOutputSoftmax: false);
        var x = TestData.Normal(2, 3, seed: 5);
        using var input = TorchBridge.ToTensor(x);
        using var logits = module.forward(input);
        var z = TorchBridge.ToMatrix(logits);
        var expected = x.Clone();
        var w = scratch.GetWeights()[0];
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 4; c++)
            {
                float s = 0;
                for (int k = 0; k < 3; k++) s += x[r, k] * w[k, c];
                Assert.Equal(s, z[r, c], 5);
            }
    }

    [TorchFact]
    public void Uncopied_weights_come_from_torch()
    {
        var scratch = new Sequential(4) { new Input(3), new Dense(4) };
        using var module = TorchModuleBuilder.Build(scratch, copyWeights: false);
        var weight = module.parameters().First();
        Assert.NotEqual(TorchBridge.KernelToWeight(scratch.GetWeights()[0]).data<float>().ToArray(), weight.data<float>().ToArray());
    }

    [TorchFact]
    public void Activation_modules_match_and_step_is_refused()
    {
        Assert.Null(TorchModuleBuilder.ActivationModule(Activation.Linear));
        using var leaky = TorchModuleBuilder.ActivationModule(new LeakyReLU(0.2f))!;
        using var t = torch.tensor(new float[] { -1f, 2f });
        using var r = leaky.forward(t);
        Assert.Equal(new[] { -0.2f, 2f }, r.data<float>().ToArray());
        var e = Assert.Throws<ArgumentException>(() => TorchModuleBuilder.ActivationModule(Activation.Step));
        Assert.Equal("activation", e.ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => TorchModuleBuilder.Build(new Sequential { new Dense(2) })).ParamName);
    }
}
