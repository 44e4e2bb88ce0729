using NeuralNotebooks.Perceptrons;

namespace NeuralNotebooks.Tests.Perceptrons;

public class PerceptronTests
{
    private static readonly double[][] Inputs = { new[] { 0.0, 0 }, new[] { 0.0, 1 }, new[] { 1.0, 0 }, new[] { 1.0, 1 } };

    [Fact]
    public void Coffee_example_sums_to_5_7_and_outputs_0()
    {
        var p = new Perceptron(new[] { 0.5, 0.7, 0.6 }, bias: 2, threshold: 6);
        double s = p.WeightedSum(new[] { 2.0, 3, 1 });
        Assert.Equal(5.7, s, 12);
        Assert.Equal(0, p.Predict(new[] { 2.0, 3, 1 }));
        Assert.Equal(1, p.Predict(new[] { 2.0, 4, 1 })); // more caffeine: 6.4 > 6
    }

    [Theory]
    [InlineData("AND", new[] { 0, 0, 0, 1 })]
    [InlineData("OR", new[] { 0, 1, 1, 1 })]
    [InlineData("NAND", new[] { 1, 1, 1, 0 })]
    [InlineData("NOR", new[] { 1, 0, 0, 0 })]
    public void Learning_rule_learns_linearly_separable_gates(string gate, int[] targets)
    {
        var p = Perceptron.Zeros(2);
        var result = p.Train(Inputs, targets, learningRate: 0.1, maxEpochs: 100);
        Assert.True(result.Converged, $"{gate}: {result}");
        Assert.Equal(0, result.ErrorsPerEpoch[^1]);
        for (int i = 0; i < 4; i++) Assert.Equal(targets[i], p.Predict(Inputs[i]));
    }

    [Fact]
    public void Xor_exhausts_its_budget_and_reports_it()
    {
        var p = Perceptron.Zeros(2);
        var result = p.Train(Inputs, new[] { 0, 1, 1, 0 }, learningRate: 0.1, maxEpochs: 50);
        Assert.False(result.Converged);
        Assert.Equal(50, result.Epochs);
        Assert.All(result.ErrorsPerEpoch, e => Assert.True(e > 0));
        Assert.StartsWith("did not converge in 50 epochs", result.ToString());
    }

    [Fact]
    public void Preconditions_name_their_argument()
    {
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new Perceptron(Array.Empty<double>())).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new Perceptron(new[] { double.NaN })).ParamName);
        var p = Perceptron.Zeros(2);
        var e = Assert.Throws<ArgumentException>(() => p.Predict(new[] { 1.0 }));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("1 values", e.Message);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => p.Train(Inputs, new[] { 0, 0, 0, 1 }, 0)).ParamName);
        Assert.Equal("maxEpochs", Assert.Throws<ArgumentOutOfRangeException>(() => p.Train(Inputs, new[] { 0, 0, 0, 1 }, 0.1, 0)).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => p.Train(Inputs, new[] { 0, 0, 0, 2 })).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => p.Train(Inputs, new[] { 0, 0 })).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => Perceptron.Zeros(0)).ParamName);
    }
}
