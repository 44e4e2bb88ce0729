using NeuralNotebooks.Kernels;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Losses;

/// <summary>Mean squared error: L = (1/N) Σₙ (1/C) Σ_c (ŷₙ,c − yₙ,c)².</summary>
/// <remarks>
/// <para>∂L/∂ŷₙ,c = 2(ŷₙ,c − yₙ,c)/(N·C).</para>
/// <para>The regression loss; large errors count quadratically, so outliers dominate it.</para>
/// </remarks>
public sealed class MeanSquaredError : Loss
{
    /// <inheritdoc />
    public override string Name => "mse";

    /// <inheritdoc />
    public override double Compute(Matrix predictions, Matrix targets)
    {
        RequireSameShape(predictions, targets);
        var p = predictions.Span;
        var t = targets.Span;
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double d = p[i] - t[i];
            sum += d * d;
        }
        return sum / p.Length;
    }

    /// <inheritdoc />
    public override void Gradient(Matrix predictions, Matrix targets, Matrix gradient)
    {
        RequireSameShape(predictions, targets);
        Ops.Map(new ScaledDifference(2f / predictions.Length), predictions, targets, gradient);
    }
}
