using NeuralNotebooks.Activations;
using NeuralNotebooks.Initializers;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Layers;

/// <summary>A fully connected layer: every output unit sees every input. <c>A = f(X·W + b)</c>.</summary>
/// <remarks>
/// <para>Shapes for a batch of N samples: X is N×in, W ("kernel") is in×units, b is 1×units, Z and A are N×units.</para>
/// <para>Backward, given dA = ∂L/∂A: dZ = activation.Backward(dA); dW = Xᵀ·dZ; db = Σ over rows of dZ; dX = dZ·Wᵀ.
/// The three matrix products go through the kernel layer without forming any transpose.</para>
/// <para>Parameters: in·units + units. Weights start from <see cref="KernelInitializer"/> (Glorot-uniform by default,
/// like Keras); biases start at 0.</para>
/// </remarks>
public sealed class Dense : Layer
{
    private Parameter? _kernel;
    private Parameter? _bias;
    private Matrix? _input;
    private Matrix? _z;
    private Matrix? _a;
    private Matrix? _dZ;
    private Matrix? _dX;
    private Matrix? _noInputGradient;

    /// <summary>Creates a dense layer with <paramref name="units"/> outputs.</summary>
    /// <param name="units">Number of output units (&gt; 0).</param>
    /// <param name="activation">The activation (an <see cref="Activation"/> or a Keras name such as "relu"); linear when null.</param>
    /// <param name="kernelInitializer">How to draw initial weights; Glorot-uniform when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> ≤ 0.</exception>
    public Dense(int units, Activation? activation = null, Initializer? kernelInitializer = null)
    {
        if (units <= 0) throw new ArgumentOutOfRangeException(nameof(units), units, "units must be > 0.");
        Units = units;
        Activation = activation ?? Activation.Linear;
        KernelInitializer = kernelInitializer ?? Initializer.GlorotUniform;
    }

    /// <summary>Creates a dense layer with a Keras activation name, e.g. <c>new Dense(32, "relu")</c>.</summary>
    public Dense(int units, string activation, Initializer? kernelInitializer = null)
        : this(units, Activation.Get(activation), kernelInitializer) { }

    /// <summary>Number of output units.</summary>
    public int Units { get; }

    /// <summary>The activation function.</summary>
    public Activation Activation { get; }

    /// <summary>The weight initializer.</summary>
    public Initializer KernelInitializer { get; }

    /// <inheritdoc />
    public override int OutputSize => Units;

    /// <summary>The weights W (in×units).</summary>
    public Matrix Kernel => (_kernel ?? throw NotBuilt()).Value;

    /// <summary>The bias b (1×units).</summary>
    public Matrix Bias => (_bias ?? throw NotBuilt()).Value;

    /// <summary>The pre-activations Z of the last forward pass.</summary>
    public Matrix? LastPreActivation => _z;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _kernel is null ? Array.Empty<Parameter>() : new[] { _kernel, _bias! };

    /// <inheritdoc />
    protected override void OnBuild(int inputSize, Rng rng)
    {
        _kernel = new Parameter($"{Name}/kernel", inputSize, Units);
        _bias = new Parameter($"{Name}/bias", 1, Units);
        KernelInitializer.Initialize(_kernel.Value.Span, inputSize, Units, rng);
    }

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix input, bool training)
    {
        _input = input;
        var z = Matrix.Reuse(ref _z, input.Rows, Units);
        Ops.MatMul(input, _kernel!.Value, z);
        Ops.AddRowVector(z, _bias!.Value.Span);
        var a = Matrix.Reuse(ref _a, input.Rows, Units);
        Activation.Forward(z, a);
        return a;
    }

    /// <inheritdoc />
    public override Matrix Backward(Matrix outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (_input is null || _z is null || _a is null) throw new InvalidOperationException($"Layer '{Name}': Backward called before Forward.");
        Matrix.RequireSameShape(_a, outputGradient, nameof(outputGradient));
        var dZ = Matrix.Reuse(ref _dZ, _a.Rows, Units);
        Activation.Backward(_z, _a, outputGradient, dZ);
        return BackwardFromPreActivation(dZ);
    }

    /// <summary>
    /// Backward pass starting from dZ = ∂L/∂Z directly (used when the loss and this layer's activation have a combined
    /// gradient, e.g. softmax + cross-entropy). Stores dW and db and returns dX (an empty matrix when the model needs
    /// no input gradient from this layer: the first trainable layer).
    /// </summary>
    public Matrix BackwardFromPreActivation(Matrix dZ)
    {
        ArgumentNullException.ThrowIfNull(dZ);
        if (_input is null) throw new InvalidOperationException($"Layer '{Name}': Backward called before Forward.");
        if (dZ.Rows != _input.Rows || dZ.Columns != Units)
            throw new ArgumentException($"dZ has shape {dZ.ShapeText} but ({_input.Rows}, {Units}) was expected.", nameof(dZ));
        Ops.MatMulTransposeA(_input, dZ, _kernel!.Gradient);
        Ops.SumColumns(dZ, _bias!.Gradient.Span);
        if (!NeedsInputGradient) return _noInputGradient ??= new Matrix(0, InputSize);
        var dX = Matrix.Reuse(ref _dX, dZ.Rows, InputSize);
        Ops.MatMulTransposeB(dZ, _kernel.Value, dX);
        return dX;
    }

    /// <inheritdoc />
    public override string Describe() => $"Dense({Units}, {Activation})";

    private InvalidOperationException NotBuilt() => new($"Layer '{Name}' (Dense) is not built yet: its weights exist once the model knows its input size.");
}
