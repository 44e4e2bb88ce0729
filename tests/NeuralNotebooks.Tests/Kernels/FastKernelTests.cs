using System.Numerics;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Randomness;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Tests.Kernels;

/// <summary>Tests that change process-wide kernel settings run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelSettingsCollection
{
    public const string Name = "Kernel settings";
}

[Collection(KernelSettingsCollection.Name)]
public class FastKernelTests
{
    private static readonly IKernel Fast = FastKernel.Instance;
    private static readonly IKernel Reference = ReferenceKernel.Instance;

    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 3, 5, 7 },
        { 33, 65, 17 },
        { 128, 784, 128 },
        { 4, 128, 64 },     // exactly one tile, one k-block, one panel
        { 5, 129, 65 },     // one past each block size
        { 67, 300, 130 },   // several k-blocks, a column tail, a row tail
        { 32, 784, 10 },    // the output layer's width
        { 256, 784, 128 },  // batch 256, above the thread threshold
        { 784, 32, 128 },   // dW of the first layer at batch 32
        { 2, 1000, 3 },     // long and thin
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void All_three_products_match_the_reference_kernel(int m, int k, int n)
    {
        foreach (int threads in new[] { 1, 2, 3 })
        foreach (bool accumulate in new[] { false, true })
            WithThreads(threads, () => CompareProducts(m, k, n, accumulate));
    }

    [Theory]
    [InlineData(false, true)]   // AVX2 micro-kernels
    [InlineData(false, false)]  // plain loops
    public void Fallback_instruction_sets_match_the_reference_kernel(bool avx512, bool avx2)
    {
        bool saved512 = Gemm.UseAvx512, saved2 = Gemm.UseAvx2;
        try
        {
            Gemm.UseAvx512 = avx512 && saved512;
            Gemm.UseAvx2 = avx2 && saved2;
            foreach (var row in Shapes)
            {
                int m = (int)row[0], k = (int)row[1], n = (int)row[2];
                CompareProducts(m, k, n, accumulate: false);
                CompareProducts(m, k, n, accumulate: true);
            }
        }
        finally
        {
            Gemm.UseAvx512 = saved512;
            Gemm.UseAvx2 = saved2;
        }
    }

    [Fact]
    public void Threshold_zero_splits_even_tiny_products_and_results_still_match()
    {
        long saved = FastKernel.ParallelThreshold;
        try
        {
            FastKernel.ParallelThreshold = 0;
            WithThreads(2, () =>
            {
                CompareProducts(1, 1, 1, false);
                CompareProducts(3, 5, 7, true);
                CompareProducts(9, 17, 200, false);
            });
        }
        finally { FastKernel.ParallelThreshold = saved; }
    }

    [Fact]
    public void Products_clear_or_keep_c_as_asked_when_k_is_zero()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Fast.MatMul(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, c, 2, 0, 2, accumulate: true);
        Assert.Equal(new float[] { 1, 2, 3, 4 }, c);
        Fast.MatMul(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, c, 2, 0, 2);
        Assert.Equal(new float[4], c);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 10)]
    [InlineData(32, 128)]
    [InlineData(7, 37)]
    public void Row_vector_add_and_column_sums_match_the_reference(int rows, int columns)
    {
        var m = Random(rows * columns, 1);
        var v = Random(columns, 2);
        var expected = (float[])m.Clone();
        var actual = (float[])m.Clone();
        Reference.AddRowVector(expected, rows, columns, v);
        Fast.AddRowVector(actual, rows, columns, v);
        Assert.Equal(expected, actual);

        var sumRef = new float[columns];
        var sumFast = Enumerable.Repeat(99f, columns).ToArray(); // must be overwritten, not added to
        Reference.SumColumns(m, rows, columns, sumRef);
        Fast.SumColumns(m, rows, columns, sumFast);
        Assert.Equal(sumRef, sumFast);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(32, 10)]
    [InlineData(5, 33)]
    [InlineData(3, 7)]
    public void Softmax_rows_match_the_reference_and_sum_to_one(int rows, int columns)
    {
        var x = Random(rows * columns, 3);
        for (int i = 0; i < x.Length; i++) x[i] *= 30; // large scores: the max subtraction matters
        var expected = new float[x.Length];
        var actual = new float[x.Length];
        Reference.SoftmaxRows(x, expected, rows, columns);
        Fast.SoftmaxRows(x, actual, rows, columns);
        AssertClose(expected, actual);
        for (int r = 0; r < rows; r++) Assert.Equal(1.0, actual.AsSpan(r * columns, columns).ToArray().Sum(), 4);
    }

    [Fact]
    public void Binary_operators_match_the_reference_including_in_place()
    {
        foreach (int length in new[] { 0, 1, 7, Vector<float>.Count, 100, 1001 })
        {
            var x = Random(length, 4);
            var y = Random(length, 5);
            CompareBinary(new Operators.Multiply(), x, y);
            CompareBinary(new Operators.Add(), x, y);
            CompareBinary(new Operators.Subtract(), x, y);
            CompareBinary(new ScalarOnlyOperator(), x, y);

            var inPlace = (float[])x.Clone();
            Fast.Map(new Operators.Multiply(), inPlace, y, inPlace);
            for (int i = 0; i < length; i++) Assert.Equal(x[i] * y[i], inPlace[i]);
        }
    }

    [Fact]
    public void Unary_vector_operator_matches_its_scalar_form()
    {
        var x = Random(1003, 6);
        var y = new float[x.Length];
        Fast.Map(new Cube(), x, y);
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i] * x[i] * x[i], y[i]);
        Fast.Map(new Cube(), x, x); // in place
        Assert.Equal(y, x);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("leaky_relu")]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    [InlineData("linear")]
    public void Activations_under_the_fast_kernel_equal_their_scalar_definitions(string name)
    {
        var activation = Activation.Get(name);
        var z = Matrix.FromArray(new float[,] { { -2f, -0.5f, 0f, 0.25f, 3f, -1e-3f, 7f, -7f, 0.1f, -0.1f, 1f, -1f, 2f, 4f, -4f, 0.5f, 9f } });
        var a = new Matrix(0, 0);
        var dA = new Matrix(z.Rows, z.Columns, Enumerable.Range(1, z.Columns).Select(i => 0.1f * i).ToArray());
        var dZ = new Matrix(0, 0);
        var saved = Kernel.Current;
        try
        {
            Kernel.Current = FastKernel.Instance;
            activation.Forward(z, a);
            activation.Backward(z, a, dA, dZ);
        }
        finally { Kernel.Current = saved; }
        for (int i = 0; i < z.Columns; i++)
        {
            Assert.Equal(activation.Value(z.Data[i]), a.Data[i], 5);
            Assert.Equal(dA.Data[i] * activation.Derivative(z.Data[i]), dZ.Data[i], 5);
        }
    }

    [Fact]
    public void Fast_kernel_is_the_default_and_the_reference_stays_selectable()
    {
        Assert.Same(FastKernel.Instance, Kernel.Current);
        Assert.Equal("fast", Kernel.Current.Name);
        Assert.Contains("thread", FastKernel.Instance.ToString());
        var saved = Kernel.Current;
        try
        {
            Kernel.Current = ReferenceKernel.Instance;
            Assert.Equal("reference", Kernel.Current.Name);
        }
        finally { Kernel.Current = saved; }
    }

    [Fact]
    public void Thread_count_defaults_to_the_processor_count_and_rejects_values_below_one()
    {
        Assert.Equal(Environment.ProcessorCount, FastKernel.Threads);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Kernel.Threads = 0);
        Assert.Equal("value", e.ParamName);
        Assert.Contains("0", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => FastKernel.Threads = -3);
        Assert.Throws<ArgumentOutOfRangeException>(() => FastKernel.ParallelThreshold = -1);
        Assert.Equal(Environment.ProcessorCount, Kernel.Threads);
    }

    [Fact]
    public void Training_with_the_fast_kernel_follows_the_reference_kernel()
    {
        var (x, y) = ClassificationData(200, 20, 4, seed: 8);
        float[] Train(IKernel kernel)
        {
            var saved = Kernel.Current;
            try
            {
                Kernel.Current = kernel;
                var model = new Sequential(seed: 3) { new Input(20), new Dense(70, "relu"), new Dense(33, "tanh"), new Dense(4, "softmax") };
                model.Compile(new Adam(0.01), Loss.SparseCategoricalCrossEntropy);
                model.Fit(x, y, epochs: 3, batchSize: 16, seed: 5);
                return model.GetWeights().SelectMany(w => w.Span.ToArray()).ToArray();
            }
            finally { Kernel.Current = saved; }
        }
        var reference = Train(ReferenceKernel.Instance);
        var fast = WithThreads(2, () => Train(FastKernel.Instance));
        Assert.Equal(reference.Length, fast.Length);
        double maxDiff = reference.Zip(fast, (r, f) => Math.Abs(r - f)).Max();
        Assert.True(maxDiff < 1e-3, $"weights differ by up to {maxDiff} after 39 Adam steps");
    }

    [Fact]
    public void A_model_skips_the_input_gradient_of_its_first_trainable_layer_only()
    {
        var model = new Sequential(seed: 1) { new Input(6), new Dropout(0.2), new Dense(5, "relu"), new Dropout(0.1), new Dense(3, "softmax") };
        var flags = model.Layers.Select(l => l.NeedsInputGradient).ToArray();
        Assert.Equal(new[] { false, false, true, true }, flags);
        Assert.True(new Dense(4).NeedsInputGradient); // a layer on its own still returns dX
    }

    [Fact]
    public void Fit_allocates_nothing_per_batch()
    {
        var (x, y) = ClassificationData(640, 784, 10, seed: 2);
        var model = new Sequential(seed: 4) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        model.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        WithThreads(2, () =>
        {
            model.Fit(x, y, epochs: 2, batchSize: 32); // warm-up: buffers, optimizer state, JIT
            long Allocated(int epochs)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                model.Fit(x, y, epochs: epochs, batchSize: 32);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Allocated(1);
            long one = Allocated(1), six = Allocated(6);
            double perEpoch = (six - one) / 5.0; // 20 batches per epoch
            Assert.True(perEpoch < 2048, $"Fit allocates {perEpoch:F0} bytes per epoch of 20 batches (one epoch: {one} bytes in total)");
        });
    }

    [Fact]
    public void Fit_with_a_validation_split_copies_no_samples_and_allocates_nothing_per_batch()
    {
        var (x, y) = ClassificationData(800, 784, 10, seed: 2);
        var model = new Sequential(seed: 4) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        model.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        WithThreads(2, () =>
        {
            model.Fit(x, y, epochs: 2, batchSize: 32, validationSplit: 0.2); // warm-up
            long Allocated(int epochs)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                model.Fit(x, y, epochs: epochs, batchSize: 32, validationSplit: 0.2);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Allocated(1);
            long one = Allocated(1), six = Allocated(6);
            double perEpoch = (six - one) / 5.0; // 20 training + 5 validation batches per epoch
            long samples = x.Length * sizeof(float);
            Assert.True(one < samples / 10, $"Fit with a validation split allocates {one} bytes (the samples take {samples}): it copies them");
            Assert.True(perEpoch < 4096, $"Fit with a validation split allocates {perEpoch:F0} bytes per epoch of 25 batches");
        });
    }

    [Fact]
    public void Adam_on_a_large_tensor_is_identical_with_one_or_two_threads()
    {
        float[] Run(int threads) => WithThreads(threads, () =>
        {
            var p = new Parameter("w", 1, 100_003);
            Random(p.Value.Length, 21).CopyTo(p.Value.Data, 0);
            var adam = new Adam(0.01);
            for (int step = 0; step < 5; step++)
            {
                Random(p.Gradient.Length, 30 + step).CopyTo(p.Gradient.Data, 0);
                adam.Step(new[] { p });
            }
            return p.Value.Data;
        });
        Assert.Equal(Run(1), Run(2));
    }

    [Fact]
    public void Optimizers_flush_denormal_values_to_zero()
    {
        Assert.Equal(0f, DenormalProbe.Flush(1e-39f));
        Assert.Equal(0f, DenormalProbe.Flush(-float.Epsilon));
        Assert.Equal(1.2e-38f, DenormalProbe.Flush(1.2e-38f));
        Assert.Equal(-3f, DenormalProbe.Flush(-3f));
        var v = DenormalProbe.Flush(new Vector<float>(1e-40f));
        Assert.Equal(Vector<float>.Zero, v);
        Assert.Equal(new Vector<float>(2f), DenormalProbe.Flush(new Vector<float>(2f)));
    }

    private sealed class DenormalProbe : Optimizer
    {
        private DenormalProbe() : base(0.1) { }
        public override string Name => "probe";
        protected override int SlotCount => 0;
        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration) { }
        public static float Flush(float x) => FlushDenormal(x);
        public static Vector<float> Flush(Vector<float> x) => FlushDenormal(x);
    }

    private static void CompareProducts(int m, int k, int n, bool accumulate)
    {
        var a = Random(m * k, 11);
        var b = Random(k * n, 12);
        var start = Random(m * n, 13);
        var aT = Transpose(a, m, k);
        var bT = Transpose(b, k, n);

        var expected = (float[])start.Clone();
        Reference.MatMul(a, b, expected, m, k, n, accumulate);

        var c1 = (float[])start.Clone();
        Fast.MatMul(a, b, c1, m, k, n, accumulate);
        AssertClose(expected, c1, $"MatMul {m}×{k}×{n} accumulate={accumulate} threads={FastKernel.Threads}");
        var c2 = (float[])start.Clone();
        Fast.MatMulTransposeB(a, bT, c2, m, k, n, accumulate);
        AssertClose(expected, c2, $"MatMulTransposeB {m}×{k}×{n} accumulate={accumulate} threads={FastKernel.Threads}");
        var c3 = (float[])start.Clone();
        Fast.MatMulTransposeA(aT, b, c3, m, k, n, accumulate);
        AssertClose(expected, c3, $"MatMulTransposeA {m}×{k}×{n} accumulate={accumulate} threads={FastKernel.Threads}");
    }

    private static void CompareBinary<TOp>(TOp op, float[] x, float[] y) where TOp : struct, IBinaryOperator
    {
        var expected = new float[x.Length];
        var actual = new float[x.Length];
        Reference.Map(op, x, y, expected);
        Fast.Map(op, x, y, actual);
        Assert.Equal(expected, actual);
    }

    private static void AssertClose(float[] expected, float[] actual, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float tol = 1e-4f * Math.Max(1f, Math.Abs(expected[i]));
            if (!(Math.Abs(expected[i] - actual[i]) <= tol))
                Assert.Fail($"{what}: element {i} is {actual[i]} but the reference gives {expected[i]}");
        }
    }

    private static float[] Transpose(float[] v, int rows, int cols)
    {
        var t = new float[v.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) t[c * rows + r] = v[r * cols + c];
        return t;
    }

    private static float[] Random(int count, int seed)
    {
        var rng = new Rng(seed);
        var v = new float[count];
        for (int i = 0; i < count; i++) v[i] = (float)rng.Uniform(-1, 1);
        return v;
    }

    private static (Matrix X, Matrix Y) ClassificationData(int samples, int features, int classes, int seed)
    {
        var rng = new Rng(seed);
        var x = new Matrix(samples, features);
        var y = new Matrix(samples, 1);
        for (int i = 0; i < samples; i++)
        {
            int label = rng.NextInt(classes);
            y.Data[i] = label;
            for (int f = 0; f < features; f++)
                x.Data[i * features + f] = (float)(rng.NextDouble() + (f % classes == label ? 0.5 : 0));
        }
        return (x, y);
    }

    private static void WithThreads(int threads, Action action) => WithThreads(threads, () => { action(); return 0; });

    private static T WithThreads<T>(int threads, Func<T> action)
    {
        int saved = FastKernel.Threads;
        try
        {
            FastKernel.Threads = threads;
            return action();
        }
        finally { FastKernel.Threads = saved; }
    }

    /// <summary>An operator without a vector form: the fast kernel must fall back to the scalar loop.</summary>
    private readonly struct ScalarOnlyOperator : IBinaryOperator
    {
        public float Apply(float x, float y) => x * 2 - y;
    }

    private readonly struct Cube : IVectorUnaryOperator
    {
        public float Apply(float x) => x * x * x;

        public Vector<float> Apply(Vector<float> x) => x * x * x;
    }
}
