using NeuralNotebooks.Layers;
using NeuralNotebooks.Optimizers;

namespace NeuralNotebooks.Tests.Optimizers;

public class OptimizerTests
{
    private static Parameter Param(float value, float gradient)
    {
        var p = new Parameter("w", 1, 1);
        p.Value.Data[0] = value;
        p.Gradient.Data[0] = gradient;
        return p;
    }

    [Fact]
    public void Keras_defaults()
    {
        var adam = new Adam();
        Assert.Equal((0.001, 0.9, 0.999, 1e-7), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon));
        var rms = new RmsProp();
        Assert.Equal((0.001, 0.9, 1e-7), (rms.LearningRate, rms.Rho, rms.Epsilon));
        var sgd = new Sgd();
        Assert.Equal((0.01, 0.0), (sgd.LearningRate, sgd.Momentum));
    }

    [Fact]
    public void Sgd_with_momentum_two_steps_by_hand()
    {
        var p = Param(1f, 0.5f);
        var sgd = new Sgd(0.1, momentum: 0.9);
        sgd.Step(new[] { p });           // v = −0.05, w = 0.95
        Assert.Equal(0.95f, p.Value.Data[0], 6);
        p.Gradient.Data[0] = 0.2f;
        sgd.Step(new[] { p });           // v = 0.9·(−0.05) − 0.02 = −0.065, w = 0.885
        Assert.Equal(0.885f, p.Value.Data[0], 6);
        Assert.Equal(2, sgd.Iterations);
    }

    [Fact]
    public void RmsProp_one_step_by_hand()
    {
        var p = Param(1f, 0.5f);
        new RmsProp(0.01).Step(new[] { p });
        double s = 0.1 * 0.25;
        Assert.Equal(1 - 0.01 * 0.5 / Math.Sqrt(s + 1e-7), p.Value.Data[0], 6);
    }

    [Fact]
    public void Adam_first_step_moves_by_about_the_learning_rate()
    {
        var p = Param(1f, 0.5f);
        new Adam(0.01).Step(new[] { p });
        // m = 0.05, v = 0.00025, α = 0.01·√0.001/0.1 → step = α·m/(√v + ε) ≈ 0.01
        double alpha = 0.01 * Math.Sqrt(1 - 0.999) / (1 - 0.9);
        Assert.Equal(1 - alpha * 0.05 / (Math.Sqrt(0.00025) + 1e-7), p.Value.Data[0], 6);
    }

    [Fact]
    public void Adam_two_steps_match_the_paper_form()
    {
        var p = Param(0.3f, 0.1f);
        var adam = new Adam(0.05);
        double w = 0.3, m = 0, v = 0;
        foreach (var g in new[] { 0.1, -0.4 })
        {
            p.Gradient.Data[0] = (float)g;
            adam.Step(new[] { p });
            int t = (int)adam.Iterations;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - Math.Pow(0.9, t)), vHat = v / (1 - Math.Pow(0.999, t));
            w -= 0.05 * mHat / (Math.Sqrt(vHat) + 1e-7 / Math.Sqrt(1 - Math.Pow(0.999, t)));
            Assert.Equal(w, p.Value.Data[0], 5);
        }
    }

    [Fact]
    public void Reset_forgets_state()
    {
        var p = Param(1f, 1f);
        var sgd = new Sgd(0.1, 0.5);
        sgd.Step(new[] { p });
        sgd.Reset();
        Assert.Equal(0, sgd.Iterations);
        sgd.Step(new[] { p }); // no momentum carried over: step is exactly −0.1
        Assert.Equal(0.8f, p.Value.Data[0], 6);
    }

    [Fact]
    public void Bad_hyper_parameters_are_named()
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.1, 1.0)).ParamName);
        Assert.Equal("rho", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(rho: -0.1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(epsilon: 0)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: 1)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta2: 1.5)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(double.NaN));
        Assert.Contains("NaN", e.Message);
        Assert.Throws<ArgumentException>(() => Optimizer.Get("adagrad"));
    }
}
