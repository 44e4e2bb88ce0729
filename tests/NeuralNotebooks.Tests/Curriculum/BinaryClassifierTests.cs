using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Data;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Metrics;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;
using Xunit.Abstractions;

namespace NeuralNotebooks.Tests.Curriculum;

/// <summary>Curriculum item 12: the binary classifier project, end to end.</summary>
public class BinaryClassifierTests(ITestOutputHelper output)
{
    internal sealed record Run(double TestAccuracy, History History, ClassificationReport Report);

    /// <summary>
    /// make_classification(1000 × 20, 15 informative, 5 redundant, seed 42), split 70/15/15 (seed 42), StandardScaler
    /// fit on train only, Dense(64, relu) → Dropout(0.5) → Dense(32, relu) → Dense(1, sigmoid), Adam, BCE, batch 32,
    /// up to 50 epochs, EarlyStopping(val_loss, patience 5, restore best weights).
    /// </summary>
    internal static Run Pipeline(int modelSeed)
    {
        var (x, y) = SyntheticData.MakeClassification(samples: 1000, features: 20, informative: 15, redundant: 5, seed: 42);
        var (xTrain, xRest, yTrain, yRest) = DataSplit.TrainTestSplit(x, y, testSize: 0.3, seed: 42);
        var (xVal, xTest, yVal, yTest) = DataSplit.TrainTestSplit(xRest, yRest, testSize: 0.5, seed: 42);
        var scaler = new StandardScaler();
        xTrain = scaler.FitTransform(xTrain);
        xVal = scaler.Transform(xVal);
        xTest = scaler.Transform(xTest);

        var model = new Sequential(modelSeed)
        {
            new Input(20), new Dense(64, "relu"), new Dropout(0.5), new Dense(32, "relu"), new Dense(1, "sigmoid"),
        };
        model.Compile(new Adam(), Loss.BinaryCrossEntropy, "accuracy");
        var history = model.Fit(xTrain, Matrix.Column(yTrain), epochs: 50, batchSize: 32,
            validationData: (xVal, Matrix.Column(yVal)),
            callbacks: new[] { new EarlyStopping("val_loss", patience: 5, restoreBestWeights: true) });
        var predicted = Labels.Threshold(model.Predict(xTest));
        var report = ClassificationReport.Compute(yTest, predicted);
        return new Run(model.Evaluate(xTest, Matrix.Column(yTest)).Accuracy, history, report);
    }

    [Fact]
    public void Reaches_at_least_85_percent_test_accuracy_for_most_model_seeds()
    {
        int good = 0;
        foreach (int seed in new[] { 1, 2, 3, 4, 5 })
        {
            var run = Pipeline(seed);
            output.WriteLine($"model seed {seed}: test accuracy {run.TestAccuracy:0.0000}, epochs {run.History.Epochs}, best epoch {run.History.BestEpoch}");
            if (run.TestAccuracy >= 0.85) good++;
        }
        output.WriteLine(Pipeline(1).Report.ToString());
        Assert.True(good >= 4, $"test accuracy ≥ 0.85 in only {good} of 5 seeds");
    }

    [Fact]
    public void The_pipeline_is_deterministic()
    {
        var a = Pipeline(3);
        var b = Pipeline(3);
        Assert.Equal(a.TestAccuracy, b.TestAccuracy);
        Assert.Equal(a.History["val_loss"], b.History["val_loss"]);
    }
}
