using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Activations;

/// <summary>The softmax, turning each row of scores into probabilities that sum to 1: aᵢ = e^(zᵢ) / Σⱼ e^(zⱼ).</summary>
/// <remarks>
/// <para>Computed stably as e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z), so large scores never overflow.</para>
/// <para>Every output depends on every input of its row, so the derivative is a Jacobian:
/// ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), and <c>dZᵢ = aᵢ·(dAᵢ − Σⱼ dAⱼ·aⱼ)</c>.</para>
/// <para>With cross-entropy the two combine into the simple <c>dZ = (A − Y)/N</c>; the model uses that shortcut
/// (see <see cref="Losses.Loss.TryOutputGradient"/>).</para>
/// </remarks>
public sealed class Softmax : Activation
{
    /// <inheritdoc />
    public override string Name => "softmax";

    /// <inheritdoc />
    public override void Forward(Matrix z, Matrix a) => Ops.SoftmaxRows(z, a);

    /// <inheritdoc />
    public override void Backward(Matrix z, Matrix a, Matrix dA, Matrix dZ)
    {
        Matrix.RequireSameShape(a, dA, nameof(dA));
        dZ.EnsureShape(a.Rows, a.Columns);
        int cols = a.Columns;
        for (int r = 0; r < a.Rows; r++)
        {
            var ar = a.Data.AsSpan(r * cols, cols);
            var gr = dA.Data.AsSpan(r * cols, cols);
            var dr = dZ.Data.AsSpan(r * cols, cols);
            float dot = 0f;
            for (int c = 0; c < cols; c++) dot += gr[c] * ar[c];
            for (int c = 0; c < cols; c++) dr[c] = ar[c] * (gr[c] - dot);
        }
    }

    /// <summary>Not element-wise: softmax of a single value is always 1.</summary>
    public override double Value(double x) => 1.0;

    /// <inheritdoc />
    public override double Derivative(double x) =>
        throw new NotSupportedException("softmax is not element-wise: its derivative is the Jacobian aᵢ(δᵢⱼ − aⱼ); use Backward.");
}
