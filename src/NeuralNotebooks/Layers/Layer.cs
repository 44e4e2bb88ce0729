using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Layers;

/// <summary>
/// One stage of a <c>Sequential</c> network: maps a mini-batch (one row per sample) to another.
/// </summary>
/// <remarks>
/// <para>Life cycle: <see cref="Build"/> once (learns the input width, creates and initialises parameters), then for each
/// mini-batch <see cref="Forward"/> and, while training, <see cref="Backward"/>.</para>
/// <para>Both passes return a matrix the layer owns and reuses on the next call: no allocation per mini-batch.
/// Copy it if you need to keep it.</para>
/// </remarks>
public abstract class Layer
{
    /// <summary>The layer's name in its model, e.g. "dense_1" (set by the model, Keras-style).</summary>
    public string Name { get; internal set; } = "";

    /// <summary>The type name shown by <c>Summary()</c>, e.g. "Dense".</summary>
    public virtual string TypeName => GetType().Name;

    /// <summary>Input width (features per sample); 0 until built.</summary>
    public int InputSize { get; private set; }

    /// <summary>Output width (features per sample); 0 until built.</summary>
    public abstract int OutputSize { get; }

    /// <summary>True after <see cref="Build"/>.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>
    /// False when nothing consumes ∂L/∂input — the model clears it for every layer before the first one with weights
    /// (e.g. the first Dense: dX = dZ·Wᵀ would be 784 wide for MNIST and is thrown away). <see cref="Backward"/> then
    /// skips that work and its result must not be used. True for a layer used on its own.
    /// </summary>
    internal bool NeedsInputGradient { get; set; } = true;

    /// <summary>The trainable parameters (empty for layers without weights).</summary>
    public virtual IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();

    /// <summary>The number of trainable scalars.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    /// <summary>Creates the parameters for inputs of width <paramref name="inputSize"/>, drawing initial values from <paramref name="rng"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputSize"/> ≤ 0.</exception>
    public void Build(int inputSize, Rng rng)
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "inputSize must be > 0.");
        ArgumentNullException.ThrowIfNull(rng);
        InputSize = inputSize;
        OnBuild(inputSize, rng);
        IsBuilt = true;
    }

    /// <summary>Creates parameters and buffers; called by <see cref="Build"/>.</summary>
    protected abstract void OnBuild(int inputSize, Rng rng);

    /// <summary>The output for a mini-batch <paramref name="input"/> (rows × <see cref="InputSize"/>).</summary>
    /// <param name="input">The mini-batch; the layer may keep a reference to it until the next call.</param>
    /// <param name="training">True inside <c>Fit</c> (dropout active), false for evaluation and prediction.</param>
    public Matrix Forward(Matrix input, bool training)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsBuilt) throw new InvalidOperationException($"Layer '{Name}' ({TypeName}) is not built yet; add it to a model with an Input or call Build first.");
        if (input.Columns != InputSize)
            throw new ArgumentException($"Layer '{Name}' ({TypeName}) expects inputs of shape (batch, {InputSize}) but got {input.ShapeText}.", nameof(input));
        return OnForward(input, training);
    }

    /// <summary>Computes the layer's output; called by <see cref="Forward"/> after checks.</summary>
    protected abstract Matrix OnForward(Matrix input, bool training);

    /// <summary>
    /// Given ∂L/∂output of the last forward pass, stores the parameters' gradients and returns ∂L/∂input.
    /// </summary>
    public abstract Matrix Backward(Matrix outputGradient);

    /// <summary>A short description of the configuration, e.g. "Dense(32, relu)", used in the weights-file architecture.</summary>
    public abstract string Describe();

    /// <summary>The description.</summary>
    public override string ToString() => Describe();
}
