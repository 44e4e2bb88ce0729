using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Benchmarks;

/// <summary>The from-scratch model trained exactly as the MNIST lessons train it: the public <c>Fit</c> with a
/// validation split of 0.2, shuffling, the accuracy metric and an epoch-end callback (what a live chart hooks).</summary>
internal sealed class ScratchFit
{
    private readonly Sequential _model;
    private readonly Matrix _x, _y;
    private readonly int _batch;
    private readonly Callback[] _callbacks;
    private EpochLogs? _last;

    public ScratchFit(Matrix x, Matrix y, int batch)
    {
        (_x, _y, _batch) = (x, y, batch);
        _model = new Sequential(seed: 42) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        _model.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        _callbacks = new Callback[] { new EpochEndCallback(logs => _last = logs) };
    }

    /// <summary>Bytes the last epoch allocated on this thread (0 per batch is the goal; the test keeps it).</summary>
    public long LastAllocatedBytes { get; private set; }

    /// <summary>One <c>model.Fit(x, y, epochs: 1, batchSize, validationSplit: 0.2, callbacks)</c>, timed.</summary>
    public Timing Epoch(int? threads = null)
    {
        using var scope = threads is int t ? Kernel.UseThreads(t) : null;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        History? history = null;
        var timing = Timing.Of(() => history = _model.Fit(_x, _y, epochs: 1, batchSize: _batch, validationSplit: 0.2, callbacks: _callbacks));
        LastAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (!double.IsFinite(history!.Loss[^1]) || _last is null) throw new InvalidOperationException("scratch training diverged");
        return timing;
    }
}
