using NeuralNotebooks.Optimizers;
using TorchSharp;
using TorchParameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace NeuralNotebooks.Torch.Training;

/// <summary>
/// Creates the TorchSharp optimizer that matches one of ours, with the same hyper-parameters.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Sgd"/>(η, μ) → <c>torch.optim.SGD(lr: η, momentum: μ)</c>. Torch keeps b ← μ·b + g and steps
/// w ← w − η·b; ours (Keras) keeps v ← μ·v − η·g and steps w ← w + v. With a constant η, v = −η·b: identical weights.</item>
/// <item><see cref="RmsProp"/>(η, ρ, ε) → <c>torch.optim.RMSProp(lr: η, alpha: ρ, eps: ε)</c>. Both keep
/// s ← ρ·s + (1 − ρ)·g², but ours (Keras 3) steps η·g/√(s + ε) and torch η·g/(√s + ε). They agree when s ≫ ε
/// (and exactly when ε is tiny); for near-zero gradients torch's steps are larger.</item>
/// <item><see cref="Adam"/>(η, β₁, β₂, ε) → <c>torch.optim.Adam(lr: η, beta1: β₁, beta2: β₂, eps: ε)</c>. Ours (Keras)
/// steps α_t·m/(√v + ε) with α_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ); torch steps η·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
/// Those are equal when torch's ε is ε/√(1 − β₂ᵗ) (<see cref="TorchAdamEpsilonForStep"/>): with the same ε the two
/// differ only in how much ε weighs early on — negligible unless gradients are tiny.</item>
/// </list>
/// </remarks>
public static class TorchOptimizers
{
    /// <summary>The torch optimizer over <paramref name="parameters"/> that matches <paramref name="optimizer"/>.</summary>
    /// <exception cref="ArgumentException">The optimizer type has no mapping.</exception>
    public static optim.Optimizer Create(Optimizer optimizer, IEnumerable<TorchParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(parameters);
        return optimizer switch
        {
            Sgd sgd => torch.optim.SGD(parameters, sgd.LearningRate, momentum: sgd.Momentum),
            RmsProp rms => torch.optim.RMSProp(parameters, lr: rms.LearningRate, alpha: rms.Rho, eps: rms.Epsilon),
            Adam adam => torch.optim.Adam(parameters, lr: adam.LearningRate, beta1: adam.Beta1, beta2: adam.Beta2, eps: adam.Epsilon),
            _ => throw new ArgumentException(
                $"Optimizer '{optimizer.Name}' ({optimizer.GetType().Name}) has no TorchSharp mapping (sgd, rmsprop, adam have).", nameof(optimizer)),
        };
    }

    /// <summary>
    /// The ε that makes torch's Adam step <paramref name="step"/> equal to ours: ε/√(1 − β₂ᵗ).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> &lt; 1.</exception>
    public static double TorchAdamEpsilonForStep(Adam adam, long step)
    {
        ArgumentNullException.ThrowIfNull(adam);
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "step counts from 1.");
        return adam.Epsilon / Math.Sqrt(1 - Math.Pow(adam.Beta2, step));
    }
}
