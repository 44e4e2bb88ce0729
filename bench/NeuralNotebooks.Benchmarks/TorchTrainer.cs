using NeuralNotebooks.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace NeuralNotebooks.Benchmarks;

/// <summary>
/// The same network in libtorch, trained the way a PyTorch user writes it, with the same epoch as <c>Fit</c>: shuffled
/// mini-batches over the first 80 % of the samples (forward, cross-entropy, backward, Adam step, loss and accuracy read
/// back each batch), then the loss and accuracy over the last 20 % in inference mode, in batches of the same size.
/// </summary>
internal sealed class TorchTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly nn.Module<Tensor, Tensor, Tensor> _loss;
    private readonly optim.Optimizer _optimizer;
    private readonly Tensor _xTrain, _yTrain, _xVal, _yVal;
    private readonly Generator _generator;
    private readonly int _batch;

    public TorchTrainer(Matrix x, Matrix y, int batch)
    {
        _batch = batch;
        int rows = x.Rows, split = MnistRun.TrainingRows(rows);
        using var all = tensor(x.Span.ToArray(), new long[] { rows, 784 });
        using var labels = tensor(y.Span.ToArray().Select(v => (long)v).ToArray(), new long[] { rows });
        _xTrain = all.narrow(0, 0, split).contiguous();
        _yTrain = labels.narrow(0, 0, split).contiguous();
        _xVal = all.narrow(0, split, rows - split).contiguous();
        _yVal = labels.narrow(0, split, rows - split).contiguous();
        _generator = new Generator(42);
        _model = nn.Sequential(
            ("dense", nn.Linear(784, 128)), ("relu", nn.ReLU()),
            ("dense_1", nn.Linear(128, 64)), ("relu_1", nn.ReLU()),
            ("dense_2", nn.Linear(64, 10)));
        _loss = nn.CrossEntropyLoss(); // log-softmax inside: the same model as Dense(10, softmax) + sparse cross-entropy
        _optimizer = optim.Adam(_model.parameters(), lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7);
    }

    /// <summary>Trains and validates one epoch, timed.</summary>
    public Timing Epoch() => Timing.Of(TrainAndValidate);

    private void TrainAndValidate()
    {
        double lossSum = 0;
        long correct = 0;
        using (var scope = NewDisposeScope())
        {
            _model.train();
            long n = _xTrain.shape[0];
            var order = randperm(n, generator: _generator);
            for (long start = 0; start < n; start += _batch)
            {
                using var batchScope = NewDisposeScope();
                long count = Math.Min(_batch, n - start);
                var idx = order.narrow(0, start, count);
                var xb = _xTrain.index_select(0, idx);
                var yb = _yTrain.index_select(0, idx);
                _optimizer.zero_grad();
                var logits = _model.call(xb);
                var loss = _loss.call(logits, yb);
                loss.backward();
                _optimizer.step();
                lossSum += loss.item<float>() * count;
                correct += logits.argmax(1).eq(yb).sum().item<long>();
            }
            _model.eval();
            using var noGrad = no_grad();
            long m = _xVal.shape[0];
            for (long start = 0; start < m; start += _batch)
            {
                using var batchScope = NewDisposeScope();
                long count = Math.Min(_batch, m - start);
                var xb = _xVal.narrow(0, start, count);
                var yb = _yVal.narrow(0, start, count);
                var logits = _model.call(xb);
                lossSum += _loss.call(logits, yb).item<float>() * count;
                correct += logits.argmax(1).eq(yb).sum().item<long>();
            }
        }
        if (!double.IsFinite(lossSum) || correct <= 0) throw new InvalidOperationException("libtorch training diverged");
    }

    public void Dispose()
    {
        _model.Dispose();
        _optimizer.Dispose();
        foreach (var t in new[] { _xTrain, _yTrain, _xVal, _yVal }) t.Dispose();
    }
}
