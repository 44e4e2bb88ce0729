using System.Collections;
using System.Globalization;
using System.Text;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>
/// A stack of layers, each feeding the next — Keras' <c>Sequential</c> model, in C#.
/// </summary>
/// <example>
/// <code>
/// var model = new Sequential(seed: 42)
/// {
///     new Input(2),
///     new Dense(32, "relu"),
///     new Dense(1, "sigmoid"),
/// };
/// model.Compile(new RmsProp(), Loss.MeanSquaredError, "accuracy");
/// History history = model.Fit(x, y, epochs: 500, batchSize: 4);
/// Matrix predictions = model.Predict(x);
/// </code>
/// </example>
/// <remarks>
/// <para>Training (<see cref="Model.Fit"/>, the loop every model shares) repeats, for each mini-batch: forward pass
/// through every layer, loss, backward pass in reverse order (each layer turns ∂L/∂output into its parameter gradients
/// and ∂L/∂input), one optimizer step — <see cref="TrainStep"/>.</para>
/// <para>Every random choice — initial weights, dropout masks, shuffling — comes from <see cref="Model.Seed"/> (or the seed
/// given to Fit): the same seed gives bit-identical weights and history.</para>
/// <para>A model is not thread-safe: its layers reuse their buffers from one mini-batch to the next, so use one model per
/// thread (also for <see cref="Predict(Matrix, int)"/>).</para>
/// </remarks>
public sealed class Sequential : Model, IEnumerable<Layer>
{
    private readonly List<Layer> _layers = new();
    private readonly Rng _rng;
    private Parameter[] _parameters = Array.Empty<Parameter>();
    private int _inputSize;
    private (Matrix X, Matrix Y) _training;
    private Matrix? _xBatch, _yBatch, _lossGradient, _outputGradient;

    /// <summary>Creates an empty model whose random choices derive from <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed of the initial weights, dropout masks and (unless Fit gets its own) the shuffling.</param>
    /// <param name="name">The model's name, shown by <see cref="Summary"/>.</param>
    public Sequential(int seed = 0, string name = "sequential") : base(seed, name)
    {
        _rng = new Rng(seed);
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Input width, 0 until known (from an <see cref="Input"/> or the first Fit).</summary>
    public override int InputSize => _inputSize;

    /// <summary>Output width of the last layer, 0 until built.</summary>
    public override int OutputSize => IsBuilt ? _layers[^1].OutputSize : 0;

    /// <summary>True once every layer has its weights.</summary>
    public bool IsBuilt { get; private set; }

    /// <summary>All trainable parameters, layer by layer.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Total number of trainable scalars.</summary>
    public int ParameterCount => _layers.Sum(l => l.ParameterCount);

    /// <summary>Declares the input width; must come before any layer.</summary>
    /// <exception cref="InvalidOperationException">Layers were already added or the input is already declared.</exception>
    public void Add(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputSize != 0) throw new InvalidOperationException($"The model already has an input of {InputSize} features.");
        if (_layers.Count > 0) throw new InvalidOperationException("Input must come before the first layer.");
        _inputSize = input.Features;
    }

    /// <summary>Appends a layer (and builds it when the input width is known).</summary>
    /// <exception cref="InvalidOperationException">The layer already belongs to a model.</exception>
    public void Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.IsBuilt || _layers.Contains(layer)) throw new InvalidOperationException($"Layer {layer.Describe()} is already part of a model; create a new one.");
        string baseName = layer.TypeName.ToLowerInvariant();
        int same = _layers.Count(l => l.TypeName == layer.TypeName);
        layer.Name = same == 0 ? baseName : $"{baseName}_{same}";
        _layers.Add(layer);
        if (InputSize > 0) Build(InputSize);
    }

    /// <summary>Builds every layer for inputs of width <paramref name="inputSize"/> (done for you by <see cref="Input"/> or Fit).</summary>
    /// <exception cref="ArgumentException">The model was built for a different width.</exception>
    public void Build(int inputSize)
    {
        if (inputSize <= 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "inputSize must be > 0.");
        if (InputSize != 0 && InputSize != inputSize)
            throw new ArgumentException($"The model takes {InputSize} input features but was asked to build for {inputSize}.", nameof(inputSize));
        _inputSize = inputSize;
        int width = inputSize;
        foreach (var layer in _layers)
        {
            if (!layer.IsBuilt) layer.Build(width, _rng.Fork());
            width = layer.OutputSize;
        }
        IsBuilt = _layers.Count > 0;
        _parameters = _layers.SelectMany(l => l.Parameters).ToArray();
        // Only layers after the first trainable one need ∂L/∂input from the layer above them.
        bool trainableBefore = false;
        foreach (var layer in _layers)
        {
            layer.NeedsInputGradient = trainableBefore;
            trainableBefore |= layer.Parameters.Count > 0;
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The model has no layers.</exception>
    public override void Compile(Optimizer optimizer, Loss loss, params string[] metrics)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        if (_layers.Count == 0) throw new InvalidOperationException("Add layers before compiling the model.");
        int outputs = _layers[^1] is Dense d ? d.Units : 0;
        SetCompiled(optimizer, loss, (metrics ?? Array.Empty<string>()).Select(m => TrainingMetric.Create(m, loss, outputs)).ToArray());
    }

    /// <summary>
    /// Backpropagation on one batch, without changing the weights: the loss and ∂L/∂p for every parameter p, by name.
    /// </summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, in the layout the loss takes (see <see cref="Model.Fit"/>).</param>
    /// <param name="training">Run the forward pass in training mode (dropout active, drawing masks from the model's
    /// generator) instead of inference mode.</param>
    /// <returns>The batch loss and a copy of each parameter's gradient, e.g. <c>g["dense/kernel"]</c>.</returns>
    /// <remarks>
    /// <para>For a batch of N samples, the forward pass computes, layer by layer (l = 1 … L, A⁰ = X):
    /// <c>Zˡ = Aˡ⁻¹·Wˡ + bˡ</c>, <c>Aˡ = f(Zˡ)</c>, and the loss <c>L = loss(Aᴸ, Y)</c> (a mean over the samples).
    /// The backward pass runs the chain rule in reverse: <c>δᴸ = ∂L/∂Zᴸ = ∂L/∂Aᴸ ⊙ f′(Zᴸ)</c> (for softmax or sigmoid with
    /// cross-entropy this is simply <c>(Aᴸ − Y)/N</c>), then for each layer <c>∂L/∂Wˡ = (Aˡ⁻¹)ᵀ·δˡ</c>,
    /// <c>∂L/∂bˡ = Σ over rows of δˡ</c>, <c>δˡ⁻¹ = (δˡ·(Wˡ)ᵀ) ⊙ f′(Zˡ⁻¹)</c>. Dropout passes δ through its mask.</para>
    /// <para>The result equals central differences <c>(L(p + h) − L(p − h)) / 2h</c> element by element (tested), and
    /// libtorch's autograd on the TorchSharp twin (its <c>ComputeGradients</c> returns the same <see cref="Gradients"/>).</para>
    /// <para>It is the step Fit and <see cref="TrainOnBatch"/> take before the optimizer: after it, each
    /// <see cref="Parameter.Gradient"/> holds the same values.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Shapes don't fit the model (the message names them), or x has no samples.</exception>
    /// <exception cref="InvalidOperationException">Not compiled (the loss is needed) or not built.</exception>
    public override Gradients ComputeGradients(Matrix x, Matrix y, bool training = false)
    {
        RequireCompiled(nameof(ComputeGradients));
        CheckData(x, y, nameof(x), nameof(y));
        var output = ForwardAll(x, training);
        double value = Loss!.Compute(output, y);
        BackwardAll(output, y);
        return new Gradients(value, Parameters.Select(p => (p.Name, p.Gradient.Clone())));
    }

    /// <summary>One optimizer step on exactly this batch, in training mode (Keras' <c>train_on_batch</c>); returns the
    /// batch loss before the step.</summary>
    /// <param name="x">Inputs, one row per sample.</param>
    /// <param name="y">Targets, in the layout the loss takes (see <see cref="Model.Fit"/>).</param>
    /// <remarks>
    /// <para>Forward pass in training mode, loss, backpropagation (as in <see cref="ComputeGradients"/>), then one update
    /// of the compiled optimizer — for plain SGD, <c>p ← p − η·∂L/∂p</c>. It is the step Fit repeats for each
    /// mini-batch (<see cref="TrainStep"/>).</para>
    /// <para>When the loss is NaN or infinite, the weights are left unchanged and the loss is returned.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Shapes don't fit the model (the message names them), or x has no samples.</exception>
    /// <exception cref="InvalidOperationException">Not compiled or not built.</exception>
    public override double TrainOnBatch(Matrix x, Matrix y)
    {
        RequireCompiled(nameof(TrainOnBatch));
        CheckData(x, y, nameof(x), nameof(y));
        return TrainStep(x, y, Span<double>.Empty);
    }

    /// <inheritdoc />
    public override Matrix Predict(Matrix x, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be > 0.");
        RequireBuilt();
        CheckInput(x, nameof(x));
        var result = new Matrix(x.Rows, OutputSize);
        Matrix? xb = null;
        for (int start = 0, count; start < x.Rows; start += count)
        {
            count = Math.Min(batchSize, x.Rows - start);
            xb = SliceInto(x, start, count, ref xb);
            var output = ForwardAll(xb, training: false);
            Array.Copy(output.Data, 0, result.Data, start * OutputSize, count * OutputSize);
        }
        return result;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Matrix> GetWeights()
    {
        RequireBuilt();
        return Parameters.Select(p => p.Value.Clone()).ToArray();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The count or a shape differs (the message names both shapes), or a weight is
    /// NaN/±∞ (the message names the tensor, row, column and value); nothing is changed then.</exception>
    public override void SetWeights(IReadOnlyList<Matrix> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        RequireBuilt();
        var ps = Parameters;
        if (weights.Count != ps.Count)
            throw new ArgumentException($"Got {weights.Count} weight tensors but the model has {ps.Count} ({string.Join(", ", ps)}).", nameof(weights));
        for (int i = 0; i < ps.Count; i++)
            if (weights[i] is null || weights[i].Rows != ps[i].Value.Rows || weights[i].Columns != ps[i].Value.Columns)
                throw new ArgumentException($"Weight {i} has shape {weights[i]?.ShapeText ?? "null"} but {ps[i].Name} has shape {ps[i].Value.ShapeText}.", nameof(weights));
        CheckWeightValues(weights, ps.Select(p => p.Name).ToArray());
        for (int i = 0; i < ps.Count; i++) weights[i].Span.CopyTo(ps[i].Value.Span);
    }

    /// <summary>Saves the weights to <paramref name="path"/> in the format described by <see cref="WeightsFile"/>, with
    /// the architecture and a checksum, atomically (the old file stays whole if anything fails).</summary>
    /// <exception cref="IOException">The file cannot be written (the message names <paramref name="path"/>); nothing changed.</exception>
    /// <exception cref="InvalidOperationException">The model is not built, or a weight is NaN/±∞ (such a file could not be loaded).</exception>
    public void SaveWeights(string path)
    {
        RequireBuilt();
        WeightsFile.Save(path, Architecture, Parameters.Select(p => (p.Name, p.Value)).ToArray());
    }

    /// <summary>Loads weights saved by <see cref="SaveWeights"/>; the architecture must match.</summary>
    /// <remarks>The whole file is read and checked (checksum, architecture, shapes, finite values) before the first
    /// weight is replaced: on any error the model is unchanged.</remarks>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="IOException">The file cannot be read (the message names it).</exception>
    /// <exception cref="InvalidDataException">The file is not a weights file, is damaged (checksum, truncation, a NaN
    /// weight), or belongs to another architecture (the message names both architectures, and both shapes when they
    /// differ). Nothing is changed then.</exception>
    public void LoadWeights(string path)
    {
        RequireBuilt();
        var ps = Parameters;
        var loaded = WeightsFile.Load(path, Architecture, ps.Select(p => (p.Name, p.Value.Rows, p.Value.Columns)).ToArray());
        for (int i = 0; i < ps.Count; i++) loaded[i].Span.CopyTo(ps[i].Value.Span);
    }

    /// <summary>The architecture as one line, e.g. "Input(2) -> Dense(32, relu) -> Dense(1, sigmoid)".</summary>
    public string Architecture => string.Join(" -> ", new[] { $"Input({InputSize})" }.Concat(_layers.Select(l => l.Describe())));

    /// <summary>A Keras-style table of layers, output shapes and parameter counts.</summary>
    public string Summary()
    {
        RequireBuilt();
        var sb = new StringBuilder();
        string rule = new('_', 65), thick = new('=', 65);
        sb.AppendLine($"Model: \"{Name}\"");
        sb.AppendLine(rule);
        sb.AppendLine($" {"Layer (type)",-28}{"Output Shape",-26}{"Param #",-10}".TrimEnd());
        sb.AppendLine(thick);
        for (int i = 0; i < _layers.Count; i++)
        {
            var l = _layers[i];
            sb.AppendLine($" {$"{l.Name} ({l.TypeName})",-28}{$"(None, {l.OutputSize})",-26}{l.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)}");
            if (i < _layers.Count - 1) sb.AppendLine();
        }
        sb.AppendLine(thick);
        string total = ParameterCount.ToString("N0", CultureInfo.InvariantCulture);
        sb.AppendLine($"Total params: {total}");
        sb.AppendLine($"Trainable params: {total}");
        sb.AppendLine("Non-trainable params: 0");
        sb.Append(rule);
        return sb.ToString();
    }

    /// <summary>The architecture line.</summary>
    public override string ToString() => Architecture;

    /// <inheritdoc />
    public IEnumerator<Layer> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Builds the model for x's width when it has no <see cref="Input"/> yet (Keras builds on the first fit).</summary>
    protected override void BuildFor(Matrix x)
    {
        if (!IsBuilt) Build(x.Columns);
    }

    /// <summary>Remembers the training rows. (Dropout masks come from the model's own generator, seeded at construction,
    /// so <paramref name="seed"/> is used for the shuffling only.)</summary>
    protected override void BeginFit(Matrix x, Matrix y, int seed) => _training = (x, y);

    /// <summary>Copies the batch's rows, in order, into the reused batch matrices and takes <see cref="TrainStep"/>.</summary>
    protected override double TrainBatch(ReadOnlySpan<int> rows, Span<double> metricSums)
    {
        var (x, y) = _training;
        var xb = Matrix.Reuse(ref _xBatch, rows.Length, x.Columns);
        var yb = Matrix.Reuse(ref _yBatch, rows.Length, y.Columns);
        x.GatherRows(rows, xb);
        y.GatherRows(rows, yb);
        return TrainStep(xb, yb, metricSums);
    }

    /// <inheritdoc />
    protected override void EndFit() => _training = default;

    /// <summary>Forward passes in inference mode over consecutive batches of the rows, summing loss × batch size and
    /// each metric's batch sum.</summary>
    protected override EvaluationResult EvaluateRows(Matrix x, Matrix y, int first, int end, int batchSize)
    {
        double lossSum = 0;
        var sums = new double[Metrics.Count];
        for (int start = first, count; start < end; start += count)
        {
            count = Math.Min(batchSize, end - start);
            var xb = SliceInto(x, start, count, ref _xBatch);
            var yb = SliceInto(y, start, count, ref _yBatch);
            var output = ForwardAll(xb, training: false);
            lossSum += Loss!.Compute(output, yb) * count;
            for (int m = 0; m < sums.Length; m++) sums[m] += Metrics[m].BatchSum(output, yb);
        }
        return Result(lossSum, sums, end - first);
    }

    /// <summary>
    /// One gradient step on a batch: forward pass in training mode, loss; unless the loss is NaN or infinite, adds each
    /// metric's batch sum to <paramref name="metricSums"/> (when not empty), backpropagates and lets the optimizer update
    /// every parameter. Returns the batch loss before the update.
    /// </summary>
    private double TrainStep(Matrix xb, Matrix yb, Span<double> metricSums)
    {
        var output = ForwardAll(xb, training: true);
        double loss = Loss!.Compute(output, yb);
        if (!double.IsFinite(loss)) return loss;
        for (int m = 0; m < metricSums.Length; m++) metricSums[m] += Metrics[m].BatchSum(output, yb);
        BackwardAll(output, yb);
        Optimizer!.Step(Parameters);
        return loss;
    }

    /// <summary>Runs the forward pass through all layers and returns the last layer's (reused) output.</summary>
    private Matrix ForwardAll(Matrix x, bool training)
    {
        var a = x;
        foreach (var layer in _layers) a = layer.Forward(a, training);
        return a;
    }

    /// <summary>Backward pass from the loss at <paramref name="output"/> for targets <paramref name="y"/>; leaves gradients in the parameters.</summary>
    private void BackwardAll(Matrix output, Matrix y)
    {
        Matrix grad;
        if (_layers[^1] is Dense last && Loss!.TryOutputGradient(last.Activation, output, y, _outputGradient ??= new Matrix(0, 0)))
        {
            grad = last.BackwardFromPreActivation(_outputGradient);
        }
        else
        {
            Loss!.Gradient(output, y, _lossGradient ??= new Matrix(0, 0));
            grad = _layers[^1].Backward(_lossGradient);
        }
        for (int i = _layers.Count - 2; i >= 0; i--) grad = _layers[i].Backward(grad);
    }

    private void RequireBuilt()
    {
        if (!IsBuilt) throw new InvalidOperationException("The model is not built yet: start it with an Input(features) or call Fit/Build first.");
    }

    private static Matrix SliceInto(Matrix source, int start, int count, ref Matrix? buffer)
    {
        var m = Matrix.Reuse(ref buffer, count, source.Columns);
        Array.Copy(source.Data, start * source.Columns, m.Data, 0, count * source.Columns);
        return m;
    }
}
