using System.Globalization;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Layers;

/// <summary>Inverted dropout: while training, zeroes each input with probability <see cref="Rate"/> and scales the rest by 1/(1 − rate).</summary>
/// <remarks>
/// <para>The scaling keeps each unit's expected value unchanged, so at evaluation and prediction time the layer is the
/// identity (as in Keras and PyTorch). Backward multiplies the gradient by the same mask.</para>
/// <para>The mask is drawn from the layer's own seeded generator: the same model seed gives the same masks.</para>
/// </remarks>
public sealed class Dropout : Layer
{
    private Rng? _rng;
    private Matrix? _mask;
    private Matrix? _output;
    private Matrix? _dX;
    private bool _lastTraining;

    /// <summary>Creates a dropout layer that drops a fraction <paramref name="rate"/> of its inputs while training.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not in [0, 1).</exception>
    public Dropout(double rate)
    {
        if (!(rate >= 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be in [0, 1).");
        Rate = rate;
    }

    /// <summary>The fraction of inputs dropped while training.</summary>
    public double Rate { get; }

    /// <inheritdoc />
    public override int OutputSize => InputSize;

    /// <inheritdoc />
    protected override void OnBuild(int inputSize, Rng rng) => _rng = rng.Fork();

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix input, bool training)
    {
        _lastTraining = training && Rate > 0;
        if (!_lastTraining) return input;
        var mask = Matrix.Reuse(ref _mask, input.Rows, input.Columns);
        float keep = (float)(1 - Rate);
        float scale = 1f / keep;
        var m = mask.Span;
        for (int i = 0; i < m.Length; i++) m[i] = _rng!.NextDouble() < keep ? scale : 0f;
        var output = Matrix.Reuse(ref _output, input.Rows, input.Columns);
        Ops.Map(new Operators.Multiply(), input, mask, output);
        return output;
    }

    /// <inheritdoc />
    public override Matrix Backward(Matrix outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (!_lastTraining || !NeedsInputGradient) return outputGradient;
        var dX = Matrix.Reuse(ref _dX, outputGradient.Rows, outputGradient.Columns);
        Ops.Map(new Operators.Multiply(), outputGradient, _mask!, dX);
        return dX;
    }

    /// <inheritdoc />
    public override string Describe() => $"Dropout({Rate.ToString(CultureInfo.InvariantCulture)})";
}
