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

/// <remarks>Settings are changed only through scopes (<see cref="Kernel.Use"/>, <see cref="Kernel.UseThreads"/>) or
/// kernel instances, never process-wide, so these tests run in parallel with every other test.</remarks>
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
    [InlineData(InstructionSet.Avx512)]
    [InlineData(InstructionSet.Avx2)]
    [InlineData(InstructionSet.Scalar)]
    public void Every_instruction_set_this_machine_runs_matches_the_reference_kernel(InstructionSet set)
    {
        if (!Gemm.IsSupported(set))
        {
            Assert.Throws<PlatformNotSupportedException>(() => new FastKernel(instructionSet: set));
            return;
        }
        var kernel = new FastKernel(instructionSet: set);
        Assert.Contains(set.ToString(), kernel.ToString());
        foreach (var row in Shapes)
        {
            int m = (int)row[0], k = (int)row[1], n = (int)row[2];
            CompareProducts(m, k, n, accumulate: false, kernel);
            CompareProducts(m, k, n, accumulate: true, kernel);
        }
    }

    [Fact]
    public void Threshold_zero_splits_even_tiny_products_and_results_still_match()
    {
        var kernel = new FastKernel(threads: 2, parallelThreshold: 0);
        CompareProducts(1, 1, 1, false, kernel);
        CompareProducts(3, 5, 7, true, kernel);
        CompareProducts(9, 17, 200, false, kernel);
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
        using (Kernel.Use(FastKernel.Instance))
        {
            activation.Forward(z, a);
            activation.Backward(z, a, dA, dZ);
        }
        for (int i = 0; i < z.Columns; i++)
        {
            Assert.Equal(activation.Value(z.Data[i]), a.Data[i], 5);
            Assert.Equal(dA.Data[i] * activation.Derivative(z.Data[i]), dZ.Data[i], 5);
        }
    }

    [Fact]
    public void Fast_kernel_is_the_default_and_a_scope_selects_another_for_its_own_code_only()
    {
        Assert.Same(FastKernel.Instance, Kernel.Current);
        Assert.Equal("fast", Kernel.Current.Name);
        Assert.Contains("thread", FastKernel.Instance.ToString());
        IKernel? seenElsewhere = null;
        using (Kernel.Use(ReferenceKernel.Instance))
        {
            Assert.Equal("reference", Kernel.Current.Name);
            using (Kernel.Use(FastKernel.Instance)) Assert.Same(FastKernel.Instance, Kernel.Current); // scopes nest
            Assert.Same(ReferenceKernel.Instance, Kernel.Current);
            var elsewhere = new Thread(() => seenElsewhere = Kernel.Current);
            using (ExecutionContext.SuppressFlow()) elsewhere.Start(); // code that does not flow from this scope keeps the process-wide kernel
            elsewhere.Join();
        }
        Assert.Same(FastKernel.Instance, seenElsewhere);
        Assert.Same(FastKernel.Instance, Kernel.Current);
    }

    [Fact]
    public void Thread_count_defaults_to_the_processor_count_can_be_scoped_and_rejects_values_below_one()
    {
        Assert.Equal(Environment.ProcessorCount, Kernel.Threads);
        Assert.Equal(Environment.ProcessorCount, FastKernel.Instance.Threads);
        using (Kernel.UseThreads(3))
        {
            Assert.Equal(3, FastKernel.Instance.Threads);
            Assert.Equal(1, new FastKernel(threads: 1).Threads); // an explicit count wins
        }
        Assert.Equal(Environment.ProcessorCount, Kernel.Threads);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Kernel.Threads = 0);
        Assert.Equal("value", e.ParamName);
        Assert.Contains("0", e.Message);
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => Kernel.UseThreads(0)).ParamName);
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => new FastKernel(threads: -3)).ParamName);
        Assert.Equal("parallelThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new FastKernel(parallelThreshold: -1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Kernel.Use(null!));
        Assert.Equal(Environment.ProcessorCount, Kernel.Threads);
    }

    [Fact]
    public void Training_with_the_fast_kernel_follows_the_reference_kernel()
    {
        var (x, y) = ClassificationData(200, 20, 4, seed: 8);
        float[] Train(IKernel kernel)
        {
            using (Kernel.Use(kernel))
            {
                var model = new Sequential(seed: 3) { new Input(20), new Dense(70, "relu"), new Dense(33, "tanh"), new Dense(4, "softmax") };
                model.Compile(new Adam(0.01), Loss.SparseCategoricalCrossEntropy);
                model.Fit(x, y, epochs: 3, batchSize: 16, seed: 5);
                return model.GetWeights().SelectMany(w => w.Span.ToArray()).ToArray();
            }
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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 3)]      // fewer rows than the prefetch distance
    [InlineData(40, 784)]   // MNIST rows, prefetching
    [InlineData(33, 7)]     // rows narrower than the prefetched lines
    public void Gathering_rows_copies_them_in_order_like_the_reference(int count, int columns)
    {
        var source = Random(100 * columns, 50);
        var rng = new Rng(51);
        var rows = Enumerable.Range(0, count).Select(_ => rng.NextInt(100)).ToArray();
        var expected = new float[count * columns];
        var actual = new float[count * columns];
        Reference.GatherRows(source, columns, rows, expected);
        Fast.GatherRows(source, columns, rows, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(source.AsSpan(rows[^1] * columns, columns).ToArray(), actual.AsSpan((count - 1) * columns).ToArray());
    }

    [Fact]
    public void Denormal_values_are_flushed_to_zero_in_scalar_and_vector_form()
    {
        Assert.Equal(0f, Denormals.Flush(1e-39f));
        Assert.Equal(0f, Denormals.Flush(-float.Epsilon));
        Assert.Equal(1.2e-38f, Denormals.Flush(1.2e-38f));
        Assert.Equal(-3f, Denormals.Flush(-3f));
        Assert.Equal(Vector<float>.Zero, Denormals.Flush(new Vector<float>(1e-40f)));
        Assert.Equal(new Vector<float>(2f), Denormals.Flush(new Vector<float>(2f)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 1)]        // a vector and a tail
    [InlineData(100_003, 1)]   // above the thread threshold, one thread
    [InlineData(100_003, 2)]   // split into ranges over two threads
    public void Adam_update_gives_the_reference_kernels_bits(int length, int threads)
    {
        var w = Random(length, 40);
        var g = Random(length, 41);
        var m = Random(length, 42);
        var v = Random(length, 43).Select(Math.Abs).ToArray();
        (m[0], g[0]) = (1.2e-38f, 0f); // decays into the denormal range: both kernels flush it
        var (wr, mr, vr) = ((float[])w.Clone(), (float[])m.Clone(), (float[])v.Clone());
        Reference.AdamUpdate(wr, g, mr, vr, 0.9f, 0.999f, 1e-7f, 0.01f);
        new FastKernel(threads: threads, parallelThreshold: 0).AdamUpdate(w, g, m, v, 0.9f, 0.999f, 1e-7f, 0.01f);
        Assert.Equal(wr, w);
        Assert.Equal(mr, m);
        Assert.Equal(vr, v);
        Assert.Equal(0f, m[0]);
    }

    private static void CompareProducts(int m, int k, int n, bool accumulate, IKernel? fast = null)
    {
        fast ??= Fast;
        var a = Random(m * k, 11);
        var b = Random(k * n, 12);
        var start = Random(m * n, 13);
        var aT = Transpose(a, m, k);
        var bT = Transpose(b, k, n);

        var expected = (float[])start.Clone();
        Reference.MatMul(a, b, expected, m, k, n, accumulate);

        var c1 = (float[])start.Clone();
        fast.MatMul(a, b, c1, m, k, n, accumulate);
        AssertClose(expected, c1, $"MatMul {m}×{k}×{n} accumulate={accumulate} {fast}");
        var c2 = (float[])start.Clone();
        fast.MatMulTransposeB(a, bT, c2, m, k, n, accumulate);
        AssertClose(expected, c2, $"MatMulTransposeB {m}×{k}×{n} accumulate={accumulate} {fast}");
        var c3 = (float[])start.Clone();
        fast.MatMulTransposeA(aT, b, c3, m, k, n, accumulate);
        AssertClose(expected, c3, $"MatMulTransposeA {m}×{k}×{n} accumulate={accumulate} {fast}");
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
        using (Kernel.UseThreads(threads)) return action();
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
