using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;
using NeuralNotebooks.Torch.Bridges;
using NeuralNotebooks.Torch.Building;
using TorchSharp;
using static TorchSharp.torch;
using Sequential = NeuralNotebooks.Models.Sequential;
using TorchLinear = TorchSharp.Modules.Linear;

namespace NeuralNotebooks.Torch.Training;

/// <summary>
/// The TorchSharp twin of a from-scratch <see cref="Sequential"/>: the same layers as libtorch modules, trained by the
/// same loop (<see cref="Model.Fit"/>) with the same surface — <see cref="Compile"/>, <see cref="Model.Evaluate"/>,
/// <see cref="Predict(Matrix, int)"/> — taking our <see cref="Matrix"/> data and returning our <see cref="History"/>, so
/// the same charts and callbacks work.
/// </summary>
/// <example>
/// <code>
/// var scratch = new Sequential(seed: 42) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
/// using var twin = new TorchSequential(scratch);          // same layers, same initial weights
/// twin.Compile(new Adam(), Loss.CategoricalCrossEntropy, "accuracy");
/// History history = twin.Fit(xTrain, yTrain, epochs: 10, batchSize: 32, validationSplit: 0.2);
/// </code>
/// </example>
/// <remarks>
/// <para><b>Losses.</b> A softmax output with (sparse) categorical cross-entropy is fused: the torch network stops at
/// the logits, the loss is PyTorch's cross-entropy on logits (log-softmax + NLL), and <see cref="Predict(Matrix, int)"/>
/// applies the softmax. That is the idiomatic PyTorch form and its gradient is exactly our combined (ŷ − y)/N. Binary
/// cross-entropy uses BCELoss on the sigmoid output (torch clamps log at −100; we clip p to [1e-7, 1 − 1e-7]).
/// See <see cref="TorchOptimizers"/> for how optimizers map.</para>
/// <para><b>Same as ours:</b> initial weights (copied from the scratch model), the validation split (taken from the
/// end before shuffling, as Keras), the shuffling order (our <see cref="Rng"/> with the same seed rule), the history
/// keys ("loss", "accuracy", "val_loss", "val_accuracy"), callbacks including <see cref="EarlyStopping"/> with restored
/// weights (via <see cref="GetWeights"/>/<see cref="SetWeights"/>), and stopping on a NaN loss.
/// <b>Different:</b> dropout masks come from libtorch's generator (seeded with <c>torch.manual_seed</c> at the start
/// of each Fit); float rounding differs in the last bits.</para>
/// <para>libtorch tensors live in native memory: every mini-batch runs inside its own <c>torch.NewDisposeScope()</c>,
/// and the twin itself should be disposed (<c>using var twin = …</c>). Threads: <see cref="TorchSupport.SetThreads"/>.
/// Not thread-safe, and Fit seeds libtorch's global generator.</para>
/// </remarks>
public sealed class TorchSequential : Model, IDisposable
{
    private readonly LayerPlan _plan;
    private readonly nn.Module<Tensor, Tensor> _module;
    private readonly IReadOnlyList<TorchLinear> _linears;
    private readonly string[] _parameterNames;
    private readonly List<TorchMetric> _metrics = new();
    private optim.Optimizer? _torchOptimizer;
    private TorchLoss? _loss;
    private (Tensor X, Tensor Y, Tensor? Labels)? _training;
    private bool _disposed;

    /// <summary>Creates the twin of <paramref name="model"/> (which must be built: it starts with an <see cref="Input"/>).</summary>
    /// <param name="model">The from-scratch description; Dense (linear, sigmoid, tanh, relu, leaky_relu, softmax) and Dropout layers.</param>
    /// <param name="copyWeights">Start from <paramref name="model"/>'s current weights (true, default) or torch's own initialisation.</param>
    /// <exception cref="ArgumentException">The model is not built or has a layer or activation without a twin.</exception>
    /// <exception cref="InvalidOperationException">TorchSharp cannot load here; the message says why.</exception>
    public TorchSequential(Sequential model, bool copyWeights = true) : base(CheckNotNull(model).Seed, model.Name)
    {
        _plan = LayerPlan.Of(model, nameof(model));
        TorchSupport.EnsureAvailable();
        _parameterNames = model.Parameters.Select(p => p.Name).ToArray();
        (_module, _linears) = TorchModuleBuilder.Create(_plan, includeOutputSoftmax: false);
        if (copyWeights) TorchModuleBuilder.CopyWeights(model.GetWeights(), _linears);
    }

    /// <summary>The architecture line of the scratch model, e.g. "Input(2) -> Dense(32, relu) -> Dense(1, sigmoid)".</summary>
    public string Architecture => _plan.Architecture;

    /// <summary>Input width.</summary>
    public override int InputSize => _plan.InputSize;

    /// <summary>Output width.</summary>
    public override int OutputSize => _plan.Output!.Units;

    /// <summary>Total number of trainable scalars (the same as the scratch model's).</summary>
    public long ParameterCount => _linears.Sum(l => l.weight!.numel() + l.bias!.numel());

    /// <summary>
    /// The torch network: <c>nn.Sequential</c> of Linear, activation and Dropout modules. When the output activation is
    /// softmax, the network stops at the logits (the softmax is applied by the loss and by <see cref="Predict(Matrix, int)"/>).
    /// </summary>
    public nn.Module<Tensor, Tensor> Module => NotDisposed()._module;

    /// <summary>The Linear modules in order (one per Dense layer).</summary>
    public IReadOnlyList<TorchLinear> Linears => _linears;

    /// <summary>True when the output layer's softmax is applied outside <see cref="Module"/>.</summary>
    public bool SoftmaxOutsideModule => _plan.EndsWithSoftmax;

    /// <summary>The torch optimizer created by <see cref="Compile"/> (our <see cref="Model.Optimizer"/>'s hyper-parameters mapped to torch's).</summary>
    public optim.Optimizer? TorchOptimizer => _torchOptimizer;

    /// <summary>Chooses how the twin learns and what it reports, like the scratch <see cref="Sequential.Compile"/>.</summary>
    /// <param name="optimizer">Our optimizer (sgd, rmsprop, adam) — mapped to torch's with the same hyper-parameters.</param>
    /// <param name="loss">mse, binary_crossentropy, categorical_crossentropy or sparse_categorical_crossentropy.</param>
    /// <param name="metrics">"accuracy", "mse", "mae".</param>
    /// <remarks>Compiling again starts a fresh torch optimizer (its moving averages are forgotten); weights are kept.</remarks>
    /// <exception cref="ArgumentException">The optimizer, loss or a metric has no mapping.</exception>
    public override void Compile(Optimizer optimizer, Loss loss, params string[] metrics)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        NotDisposed();
        var torchLoss = TorchLoss.For(loss, _plan.EndsWithSoftmax);
        var newMetrics = (metrics ?? Array.Empty<string>()).Select(m => TrainingMetric.Create(m, loss, OutputSize)).ToArray();
        var torchOptimizer = TorchOptimizers.Create(optimizer, _module.parameters());
        _torchOptimizer?.Dispose();
        _torchOptimizer = torchOptimizer;
        _loss = torchLoss;
        _metrics.Clear();
        _metrics.AddRange(newMetrics.Select(m => new TorchMetric(m)));
        SetCompiled(optimizer, loss, newMetrics);
    }

    /// <summary>The twin's outputs for <paramref name="x"/> in inference mode (probabilities after a softmax output).</summary>
    /// <exception cref="ArgumentOutOfRangeException">batchSize ≤ 0.</exception>
    /// <exception cref="ArgumentException">x has the wrong number of columns.</exception>
    public override Matrix Predict(Matrix x, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be > 0.");
        NotDisposed();
        CheckInput(x, nameof(x));
        bool wasTraining = _module.training;
        _module.eval();
        var result = new Matrix(x.Rows, OutputSize);
        using (torch.no_grad())
        using (var xAll = TorchBridge.ToTensor(x))
        {
            for (int start = 0, count; start < x.Rows; start += count)
            {
                using var scope = torch.NewDisposeScope();
                count = Math.Min(batchSize, x.Rows - start);
                var output = OutputOf(_module.forward(xAll.narrow(0, start, count))).contiguous();
                output.data<float>().CopyTo(result.Data, start * OutputSize);
            }
        }
        _module.train(wasTraining);
        return result;
    }

    /// <summary>One optimizer step on exactly this batch, in training mode (Keras' <c>train_on_batch</c>); returns the batch
    /// loss before the step — like <see cref="Sequential.TrainOnBatch"/>, and like it, a NaN or infinite loss leaves the weights unchanged.</summary>
    /// <exception cref="ArgumentException">Shapes don't fit the model.</exception>
    /// <exception cref="InvalidOperationException">Not compiled.</exception>
    public override double TrainOnBatch(Matrix x, Matrix y)
    {
        RequireCompiled(nameof(TrainOnBatch));
        CheckData(x, y, nameof(x), nameof(y));
        using var scope = torch.NewDisposeScope();
        double value = TrainStep(TorchBridge.ToTensor(x), TorchBridge.ToTensor(y), _loss!.Sparse ? TorchBridge.ToLabelTensor(y) : null, Span<double>.Empty);
        _module.eval();
        return value;
    }

    /// <summary>
    /// Runs forward and backward on one batch without updating the weights, and returns the loss and ∂L/∂p for every
    /// parameter in our layout and under the scratch model's names ("dense/kernel" in×units, "dense/bias" 1×units, …) —
    /// libtorch's autograd, for comparing with <see cref="Sequential.ComputeGradients"/> name by name.
    /// </summary>
    /// <param name="x">Inputs.</param>
    /// <param name="y">Targets.</param>
    /// <param name="training">Run in training mode (dropout active) instead of inference mode.</param>
    /// <remarks>The kernel gradient is the transpose of torch's <c>weight.grad</c> (torch stores W as units×in).</remarks>
    /// <exception cref="ArgumentException">Shapes don't fit the model.</exception>
    /// <exception cref="InvalidOperationException">Not compiled.</exception>
    public override Gradients ComputeGradients(Matrix x, Matrix y, bool training = false)
    {
        RequireCompiled(nameof(ComputeGradients));
        CheckData(x, y, nameof(x), nameof(y));
        var loss = _loss!;
        using var scope = torch.NewDisposeScope();
        _module.train(training);
        _module.zero_grad();
        var batchLoss = loss.Compute(_module.forward(TorchBridge.ToTensor(x)), TorchBridge.ToTensor(y), loss.Sparse ? TorchBridge.ToLabelTensor(y) : null);
        double value = batchLoss.item<float>();
        batchLoss.backward();
        _module.eval();
        var gradients = new List<Matrix>();
        foreach (var linear in _linears)
        {
            gradients.Add(TorchBridge.WeightToKernel(linear.weight!.grad!));
            gradients.Add(TorchBridge.ToMatrix(linear.bias!.grad!));
        }
        return new Gradients(value, _parameterNames.Zip(gradients));
    }

    /// <summary>Copies of all weights in our layout, layer by layer: kernel (in×units, the transpose of torch's weight), bias (1×units).</summary>
    public override IReadOnlyList<Matrix> GetWeights()
    {
        NotDisposed();
        var weights = new List<Matrix>(2 * _linears.Count);
        foreach (var linear in _linears)
        {
            weights.Add(TorchBridge.WeightToKernel(linear.weight!));
            weights.Add(TorchBridge.ToMatrix(linear.bias!));
        }
        return weights;
    }

    /// <summary>Replaces all weights, given in our layout (as <see cref="GetWeights"/> returns them, or the scratch model's <c>GetWeights()</c>).</summary>
    /// <exception cref="ArgumentException">The count or a shape differs (the message names both shapes), or a weight is
    /// NaN/±∞ (the message names the tensor, row, column and value); nothing is changed then.</exception>
    public override void SetWeights(IReadOnlyList<Matrix> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        NotDisposed();
        if (weights.Count != 2 * _linears.Count)
            throw new ArgumentException($"Got {weights.Count} weight tensors but the twin has {2 * _linears.Count} (a kernel and a bias per Dense layer).", nameof(weights));
        for (int i = 0; i < _linears.Count; i++)
        {
            var (kernel, bias) = (weights[2 * i], weights[2 * i + 1]);
            var w = _linears[i].weight!;
            int inputs = (int)w.shape[1], units = (int)w.shape[0];
            if (kernel is null || kernel.Rows != inputs || kernel.Columns != units)
                throw new ArgumentException($"Weight {2 * i} has shape {kernel?.ShapeText ?? "null"} but Dense layer {i + 1}'s kernel is ({inputs}, {units}).", nameof(weights));
            if (bias is null || bias.Rows != 1 || bias.Columns != units)
                throw new ArgumentException($"Weight {2 * i + 1} has shape {bias?.ShapeText ?? "null"} but Dense layer {i + 1}'s bias is (1, {units}).", nameof(weights));
        }
        CheckWeightValues(weights, _parameterNames);
        TorchModuleBuilder.CopyWeights(weights, _linears);
    }

    /// <summary>Copies the weights of a scratch model with the same architecture into the twin.</summary>
    /// <exception cref="ArgumentException">The architectures differ.</exception>
    public void CopyWeightsFrom(Sequential model)
    {
        RequireSameArchitecture(model, nameof(model));
        SetWeights(model.GetWeights());
    }

    /// <summary>Copies the twin's weights into a scratch model with the same architecture (e.g. to compare predictions).</summary>
    /// <exception cref="ArgumentException">The architectures differ.</exception>
    public void CopyWeightsTo(Sequential model)
    {
        RequireSameArchitecture(model, nameof(model));
        model.SetWeights(GetWeights());
    }

    /// <summary>"TorchSequential: Input(2) -> Dense(32, relu) -> Dense(1, sigmoid)".</summary>
    public override string ToString() => $"TorchSequential: {Architecture}";

    /// <summary>Tensors of the training rows on the libtorch side, seeds libtorch's generator (dropout) with
    /// <paramref name="seed"/>.</summary>
    protected override void BeginFit(Matrix x, Matrix y, int seed)
    {
        torch.manual_seed(seed);
        var xAll = TorchBridge.ToTensor(x);
        var yAll = TorchBridge.ToTensor(y);
        _training = (xAll, yAll, _loss!.Sparse ? TorchBridge.ToLabelTensor(y) : null);
    }

    /// <summary>Selects the batch's rows on the libtorch side (<c>index_select</c>) and takes <see cref="TrainStep"/>,
    /// inside a dispose scope that frees the batch's tensors.</summary>
    protected override double TrainBatch(ReadOnlySpan<int> rows, Span<double> metricSums)
    {
        using var scope = torch.NewDisposeScope();
        var (xAll, yAll, labelsAll) = _training!.Value;
        var indices = new long[rows.Length];
        for (int i = 0; i < indices.Length; i++) indices[i] = rows[i];
        var index = torch.tensor(indices, new long[] { indices.Length });
        return TrainStep(xAll.index_select(0, index), yAll.index_select(0, index), labelsAll?.index_select(0, index), metricSums);
    }

    /// <summary>Frees the training tensors and leaves the network in inference mode.</summary>
    protected override void EndFit()
    {
        if (_training is var (xAll, yAll, labelsAll))
        {
            xAll.Dispose();
            yAll.Dispose();
            labelsAll?.Dispose();
        }
        _training = null;
        _module.eval();
    }

    /// <summary>Like the scratch model: inference mode (dropout off), consecutive batches of the rows, without autograd.</summary>
    protected override EvaluationResult EvaluateRows(Matrix x, Matrix y, int first, int end, int batchSize)
    {
        var loss = _loss!;
        if (first != 0 || end != x.Rows) (x, y) = (x.SliceRows(first, end), y.SliceRows(first, end));
        bool wasTraining = _module.training;
        _module.eval();
        double lossSum = 0;
        var sums = new double[_metrics.Count];
        using (torch.no_grad())
        using (var xAll = TorchBridge.ToTensor(x))
        using (var yAll = TorchBridge.ToTensor(y))
        using (var labelsAll = loss.Sparse ? TorchBridge.ToLabelTensor(y) : null)
        {
            for (int start = 0, count; start < x.Rows; start += count)
            {
                using var scope = torch.NewDisposeScope();
                count = Math.Min(batchSize, x.Rows - start);
                var xb = xAll.narrow(0, start, count);
                var yb = yAll.narrow(0, start, count);
                var lb = labelsAll?.narrow(0, start, count);
                var raw = _module.forward(xb);
                lossSum += loss.Compute(raw, yb, lb).item<float>() * (double)count;
                var predictions = loss.Predictions(raw);
                for (int m = 0; m < _metrics.Count; m++) sums[m] += _metrics[m].BatchSum(predictions, yb, lb);
            }
        }
        _module.train(wasTraining);
        return Result(lossSum, sums, x.Rows);
    }

    /// <summary>
    /// One gradient step, in training mode: forward pass and the batch's mean loss; unless it is NaN or infinite, the
    /// metrics' batch sums (added to <paramref name="metricSums"/>, when not empty), autograd's backward pass and one
    /// optimizer step. Returns the loss before the step.
    /// </summary>
    private double TrainStep(Tensor xb, Tensor yb, Tensor? lb, Span<double> metricSums)
    {
        var (optimizer, loss) = (_torchOptimizer!, _loss!);
        _module.train();
        optimizer.zero_grad();
        var raw = _module.forward(xb);
        var batchLoss = loss.Compute(raw, yb, lb);
        double value = batchLoss.item<float>();
        if (!double.IsFinite(value)) return value;
        if (!metricSums.IsEmpty)
        {
            using var noGrad = torch.no_grad();
            var predictions = loss.Predictions(raw.detach());
            for (int m = 0; m < metricSums.Length; m++) metricSums[m] += _metrics[m].BatchSum(predictions, yb, lb);
        }
        batchLoss.backward();
        optimizer.step();
        return value;
    }

    /// <summary>Releases the native tensors of the network and the optimizer.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _torchOptimizer?.Dispose();
        _module.Dispose();
    }

    private Tensor OutputOf(Tensor raw) => _plan.EndsWithSoftmax ? nn.functional.softmax(raw, 1) : raw;

    private TorchSequential NotDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return this;
    }

    /// <summary>Throws when disposed, then unless compiled.</summary>
    protected override void RequireCompiled(string operation)
    {
        NotDisposed();
        base.RequireCompiled(operation);
    }

    private static Sequential CheckNotNull(Sequential model) => model ?? throw new ArgumentNullException(nameof(model));

    private void RequireSameArchitecture(Sequential model, string paramName)
    {
        ArgumentNullException.ThrowIfNull(model, paramName);
        if (model.Architecture != Architecture)
            throw new ArgumentException($"The model is {model.Architecture} but the twin is {Architecture}.", paramName);
    }
}
