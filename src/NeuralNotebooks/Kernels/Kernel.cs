namespace NeuralNotebooks.Kernels;

/// <summary>Chooses the <see cref="IKernel"/> the whole library uses.</summary>
/// <remarks>
/// <para>The default is <see cref="FastKernel"/> (SIMD, multi-threaded). For lessons that want to step through the
/// textbook loops, or to compare, set <c>Kernel.Current = ReferenceKernel.Instance;</c> — results agree up to the
/// order of float additions.</para>
/// </remarks>
public static class Kernel
{
    private static IKernel _current = FastKernel.Instance;

    /// <summary>The kernel in use (process-wide). Defaults to <see cref="FastKernel"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public static IKernel Current
    {
        get => _current;
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How many threads the fast kernel may use for large products (same as <see cref="FastKernel.Threads"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public static int Threads
    {
        get => FastKernel.Threads;
        set => FastKernel.Threads = value;
    }
}
