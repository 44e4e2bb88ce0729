using System.Numerics;
using NeuralNotebooks.Kernels;

namespace NeuralNotebooks.Tests.Kernels;

/// <summary><see cref="IUnaryOperator"/>/<see cref="IBinaryOperator"/> and their vector forms: which loop a kernel runs.</summary>
public class OperatorTests
{
    [Fact]
    public void Only_vector_operators_say_they_are_vectorized()
    {
        Assert.False(UnaryIsVectorized<ScalarMark>());
        Assert.True(UnaryIsVectorized<VectorMark>());
        Assert.False(BinaryIsVectorized<ScalarPair>());
        Assert.True(BinaryIsVectorized<VectorPair>());
        Assert.True(BinaryIsVectorized<Operators.Multiply>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1003)]
    public void The_fast_kernel_runs_the_vector_form_on_whole_vectors_and_the_scalar_form_on_the_tail(int length)
    {
        // The two forms of these operators differ on purpose (1 vs 2), so the output shows which one ran where.
        int vectorPart = Vector.IsHardwareAccelerated ? length / Vector<float>.Count * Vector<float>.Count : 0;
        var x = new float[length];
        var y = new float[length];
        var z = new float[length];
        FastKernel.Instance.Map(new VectorMark(), x, y);
        FastKernel.Instance.Map(new VectorPair(), x, x, z);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(i < vectorPart ? 2f : 1f, y[i]);
            Assert.Equal(i < vectorPart ? 2f : 1f, z[i]);
        }
        FastKernel.Instance.Map(new ScalarMark(), x, y);
        FastKernel.Instance.Map(new ScalarPair(), x, x, z);
        Assert.All(y, v => Assert.Equal(1f, v));
        Assert.All(z, v => Assert.Equal(1f, v));
        ReferenceKernel.Instance.Map(new VectorMark(), x, y);
        Assert.All(y, v => Assert.Equal(1f, v));        // the reference kernel always runs the scalar form
    }

    [Fact]
    public void Calling_the_missing_vector_form_says_which_interface_to_implement()
    {
        IUnaryOperator op = new ScalarMark();
        var e = Assert.Throws<NotSupportedException>(() => op.Apply(Vector<float>.One));
        Assert.Contains(nameof(IVectorUnaryOperator), e.Message);
    }

    private static bool UnaryIsVectorized<T>() where T : IUnaryOperator => T.IsVectorized;

    private static bool BinaryIsVectorized<T>() where T : IBinaryOperator => T.IsVectorized;

    private readonly struct ScalarMark : IUnaryOperator
    {
        public float Apply(float x) => 1f;
    }

    private readonly struct VectorMark : IVectorUnaryOperator
    {
        public float Apply(float x) => 1f;

        public Vector<float> Apply(Vector<float> x) => new(2f);
    }

    private readonly struct ScalarPair : IBinaryOperator
    {
        public float Apply(float x, float y) => 1f;
    }

    private readonly struct VectorPair : IVectorBinaryOperator
    {
        public float Apply(float x, float y) => 1f;

        public Vector<float> Apply(Vector<float> x, Vector<float> y) => new(2f);
    }
}
