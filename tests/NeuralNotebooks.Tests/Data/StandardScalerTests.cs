using NeuralNotebooks.Data;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Data;

public class StandardScalerTests
{
    [Fact]
    public void Fit_learns_mean_and_population_std()
    {
        var x = Matrix.FromRows([1f, 10f], [2f, 10f], [3f, 30f], [4f, 30f]);
        var scaler = new StandardScaler().Fit(x);
        Assert.Equal([2.5f, 20f], scaler.Mean);
        Assert.Equal(MathF.Sqrt(1.25f), scaler.Scale[0], 6);
        Assert.Equal(10f, scaler.Scale[1], 5);
        Assert.Equal(1.25, scaler.Variance[0], 12);
        Assert.Equal(2, scaler.Features);
        Assert.Equal(4, scaler.SamplesSeen);
        Assert.True(scaler.IsFitted);
    }

    [Fact]
    public void FitTransform_gives_zero_mean_and_unit_std_per_column()
    {
        var rng = new Rng(7);
        var x = new Matrix(500, 3);
        for (int r = 0; r < 500; r++)
        {
            x[r, 0] = (float)(5 + 2 * rng.NextNormal());
            x[r, 1] = (float)(-100 + 30 * rng.NextDouble());
            x[r, 2] = (float)(0.001 * rng.NextNormal());
        }
        var z = new StandardScaler().FitTransform(x);
        for (int c = 0; c < 3; c++)
        {
            double mean = 0, sq = 0;
            for (int r = 0; r < 500; r++) mean += z[r, c];
            mean /= 500;
            for (int r = 0; r < 500; r++) sq += (z[r, c] - mean) * (z[r, c] - mean);
            Assert.Equal(0.0, mean, 5);
            Assert.Equal(1.0, Math.Sqrt(sq / 500), 5);
        }
    }

    [Fact]
    public void Transform_uses_the_statistics_of_the_training_data_and_returns_a_new_matrix()
    {
        var scaler = new StandardScaler().Fit(Matrix.FromRows([0f], [2f], [4f]));   // mean 2, std √(8/3)
        var test = Matrix.Column(2f, 2f + MathF.Sqrt(8f / 3f));
        var z = scaler.Transform(test);
        Assert.Equal(0f, z[0, 0], 6);
        Assert.Equal(1f, z[1, 0], 6);
        Assert.Equal(2f, test[0, 0]);
        Assert.NotSame(test, z);
    }

    [Fact]
    public void Constant_columns_get_scale_one_and_map_to_zero()
    {
        var x = new Matrix(7, 2);
        for (int r = 0; r < 7; r++) { x[r, 0] = 0.1f; x[r, 1] = r; }
        var scaler = new StandardScaler().Fit(x);
        Assert.Equal(1f, scaler.Scale[0]);
        Assert.Equal(0.0, scaler.Variance[0]);
        var z = scaler.Transform(x);
        for (int r = 0; r < 7; r++) Assert.Equal(0f, z[r, 0]);
    }

    [Fact]
    public void InverseTransform_undoes_Transform()
    {
        var x = Matrix.FromRows([1f, -5f, 100f], [2f, 7f, 300f], [8f, 0.5f, -20f]);
        var scaler = new StandardScaler();
        var back = scaler.InverseTransform(scaler.FitTransform(x));
        for (int i = 0; i < x.Length; i++) Assert.Equal(x.Data[i], back.Data[i], 4);
    }

    [Fact]
    public void Using_the_scaler_before_Fit_throws_InvalidOperationException()
    {
        var scaler = new StandardScaler();
        Assert.False(scaler.IsFitted);
        Assert.Throws<InvalidOperationException>(() => scaler.Transform(new Matrix(1, 1)));
        Assert.Throws<InvalidOperationException>(() => scaler.InverseTransform(new Matrix(1, 1)));
        Assert.Throws<InvalidOperationException>(() => scaler.Mean);
        Assert.Throws<InvalidOperationException>(() => scaler.Scale);
        Assert.Throws<InvalidOperationException>(() => scaler.Variance);
    }

    [Fact]
    public void Column_count_mismatch_names_both_counts()
    {
        var scaler = new StandardScaler().Fit(new Matrix(3, 4));
        var ex = Assert.Throws<ArgumentException>(() => scaler.Transform(new Matrix(2, 5)));
        Assert.Contains("(2, 5)", ex.Message);
        Assert.Contains("4 columns", ex.Message);
        Assert.Equal("x", ex.ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => scaler.InverseTransform(new Matrix(2, 3))).ParamName);
    }

    [Fact]
    public void Fit_rejects_empty_and_non_finite_data()
    {
        Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(new Matrix(0, 3)));
        Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(new Matrix(3, 0)));
        var ex = Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(Matrix.FromRows([1f, 2f], [float.NaN, 3f])));
        Assert.Contains("x[1, 0]", ex.Message);
        Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(Matrix.Column(float.PositiveInfinity)));
    }
}
