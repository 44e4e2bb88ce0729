using NeuralNotebooks.Kernels;

namespace NeuralNotebooks.Losses;

/// <summary><c>(p, t) ↦ scale·(p − t)</c>: the gradient shape shared by the losses.</summary>
/// <remarks>
/// <para>Mean squared error: ∂L/∂p = 2(p − t)/n over its n entries (scale 2/n). Cross-entropy straight after its natural
/// output activation (sigmoid for binary, softmax for categorical): ∂L/∂z = (p − t)/n, because the activation's
/// derivative cancels the loss's 1/(p(1 − p)) (binary, scale 1/n over all entries) or the softmax's Jacobian
/// (categorical, scale 1/N over the rows).</para>
/// </remarks>
internal readonly struct ScaledDifference(float scale) : IBinaryOperator
{
    /// <inheritdoc />
    public float Apply(float p, float t) => scale * (p - t);
}
