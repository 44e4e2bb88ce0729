using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Metrics;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Models;

public class TrainingMetricTests
{
    [Theory]
    [InlineData("accuracy", "sparse_categorical_crossentropy", 10, MetricKind.SparseCategoricalAccuracy)]
    [InlineData("acc", "categorical_crossentropy", 10, MetricKind.CategoricalAccuracy)]
    [InlineData(" Accuracy ", "binary_crossentropy", 3, MetricKind.BinaryAccuracy)]
    [InlineData("accuracy", "mse", 1, MetricKind.BinaryAccuracy)]
    [InlineData("accuracy", "mse", 4, MetricKind.CategoricalAccuracy)]
    [InlineData("MSE", "categorical_crossentropy", 4, MetricKind.MeanSquaredError)]
    [InlineData("mae", "mse", 2, MetricKind.MeanAbsoluteError)]
    public void Names_resolve_as_keras_does_from_the_loss_and_output_width(string name, string loss, int outputs, MetricKind kind)
    {
        var metric = TrainingMetric.Create(name, Loss.Get(loss), outputs);
        Assert.Equal(kind, metric.Kind);
        Assert.Equal(name.Trim().ToLowerInvariant() == "acc" ? "accuracy" : name.Trim().ToLowerInvariant(), metric.Name);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingMetric.Create("f1", Loss.MeanSquaredError, 1));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("accuracy, mse, mae", e.Message);
    }

    [Fact]
    public void Batch_sums_divided_by_the_samples_are_the_Metrics_functions_including_nan_rows()
    {
        // Row 1 went NaN: by the one argmax rule it predicts class 1 (the first NaN), not a lucky class 0.
        var p = Matrix.FromRows([0.7f, 0.2f, 0.1f], [0.5f, float.NaN, 0.1f], [0.1f, 0.1f, 0.8f], [0.3f, 0.4f, 0.3f]);
        var oneHot = Matrix.FromRows([1f, 0, 0], [1f, 0, 0], [0f, 0, 1], [1f, 0, 0]);
        var labels = Matrix.Column(0f, 0, 2, 0);
        double categorical = TrainingMetric.Create("accuracy", Loss.CategoricalCrossEntropy, 3).BatchSum(p, oneHot) / p.Rows;
        double sparse = TrainingMetric.Create("accuracy", Loss.SparseCategoricalCrossEntropy, 3).BatchSum(p, labels) / p.Rows;
        Assert.Equal(Accuracy.Categorical(p, oneHot), categorical);
        Assert.Equal(Accuracy.SparseCategorical(p, labels), sparse);
        Assert.Equal(0.5, categorical);

        var probabilities = Matrix.FromRows([0.9f, 0.2f], [0.5f, 0.6f], [float.NaN, 0.1f]);
        var targets = Matrix.FromRows([1f, 0], [1f, 1], [1f, 0]);
        double binary = TrainingMetric.Create("accuracy", Loss.BinaryCrossEntropy, 2).BatchSum(probabilities, targets) / probabilities.Rows;
        Assert.Equal(Accuracy.Binary(probabilities, targets), binary, 15);
    }

    [Fact]
    public void Mse_and_mae_sum_each_samples_mean_over_its_outputs()
    {
        var p = Matrix.FromRows([1f, 2f], [0f, 0f]);
        var t = Matrix.FromRows([0f, 0f], [0f, 4f]);
        Assert.Equal((1 + 4) / 2.0 + 16 / 2.0, TrainingMetric.Create("mse", Loss.MeanSquaredError, 2).BatchSum(p, t), 12);
        Assert.Equal((1 + 2) / 2.0 + 4 / 2.0, TrainingMetric.Create("mae", Loss.MeanSquaredError, 2).BatchSum(p, t), 12);
    }

    [Fact]
    public void The_history_accuracy_is_the_accuracy_of_Metrics_on_the_same_rows()
    {
        var x = GradientCheck.Random(40, 3, 1);
        var labels = Enumerable.Range(0, 40).Select(i => i % 4).ToArray();
        var model = new Sequential(seed: 2) { new Input(3), new Dense(4, "softmax") };
        model.Compile(new Sgd(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        var y = Matrix.Column(labels);
        Assert.Equal(Accuracy.SparseCategorical(model.Predict(x), y), model.Evaluate(x, y, batchSize: 7).Accuracy, 12);
    }
}
