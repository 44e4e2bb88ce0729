using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Models;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Callbacks;

public class TrainingContextTests
{
    private sealed class NoModel : ITrainableModel
    {
        public IReadOnlyList<Matrix> GetWeights() => Array.Empty<Matrix>();
        public void SetWeights(IReadOnlyList<Matrix> weights) { }
    }

    [Fact]
    public void CompleteEpoch_records_means_and_validation_values_then_notifies_callbacks()
    {
        var context = new TrainingContext(new NoModel(), new History(), epochs: 3);
        EpochLogs? seen = null;
        var logs = context.CompleteEpoch(1, lossSum: 5.0, new[] { "accuracy" }, new[] { 8.0 }, samples: 10,
            new EvaluationResult(0.7, new Dictionary<string, double> { ["accuracy"] = 0.6 }), TimeSpan.FromSeconds(2),
            new Callback[] { new EpochEndCallback(l => seen = l) });
        Assert.Same(logs, seen);
        Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, context.History.Keys);
        Assert.Equal(0.5, context.History["loss"][0]);
        Assert.Equal(0.8, context.History["accuracy"][0]);
        Assert.Equal(0.7, context.History["val_loss"][0]);
        Assert.Equal((1, 3), (logs.Epoch, logs.Epochs));
    }

    [Fact]
    public void CompleteEpoch_preconditions_name_their_argument()
    {
        var context = new TrainingContext(new NoModel(), new History(), epochs: 1);
        var none = Array.Empty<Callback>();
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() =>
            context.CompleteEpoch(1, 1, Array.Empty<string>(), Array.Empty<double>(), 0, null, TimeSpan.Zero, none)).ParamName);
        Assert.Equal("metricSums", Assert.Throws<ArgumentException>(() =>
            context.CompleteEpoch(1, 1, new[] { "accuracy" }, Array.Empty<double>(), 4, null, TimeSpan.Zero, none)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingContext(new NoModel(), new History(), 0)).ParamName);
    }
}
