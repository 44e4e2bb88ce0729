using NeuralNotebooks.Settings;

namespace NeuralNotebooks.Kernels;

/// <summary>Chooses the <see cref="IKernel"/> the whole library uses, and how many threads the fast kernel may use.</summary>
/// <remarks>
/// <para>Two ways to choose, both for <see cref="Current"/> and <see cref="Threads"/>:</para>
/// <list type="bullet">
/// <item><b>For the rest of the process</b> (a notebook that switches once, for all its cells):
/// <c>Kernel.Current = ReferenceKernel.Instance;</c>, <c>Kernel.Threads = 1;</c>.</item>
/// <item><b>For a block of code</b>: <c>using (Kernel.Use(ReferenceKernel.Instance)) { … }</c>,
/// <c>using (Kernel.UseThreads(1)) { … }</c>. The choice holds on this thread and in the async code it starts
/// (a <see cref="ScopedSetting{T}"/>), until the scope is disposed; other threads keep theirs. Tests use this, so tests that
/// run in parallel never see each other's kernel.</item>
/// </list>
/// <para>The default is <see cref="FastKernel"/> (SIMD, multi-threaded) with one thread per core. The reference kernel
/// runs the textbook loops: results agree up to the order of float additions (see <see cref="FastKernel"/>).</para>
/// </remarks>
public static class Kernel
{
    private static readonly ScopedSetting<IKernel> KernelSetting = new(FastKernel.Instance);
    private static readonly ScopedSetting<int> ThreadsSetting = new(Environment.ProcessorCount);

    /// <summary>The kernel in use here: the innermost <see cref="Use"/> scope's, else the process-wide one
    /// (default <see cref="FastKernel.Instance"/>). Setting it changes the process-wide kernel.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public static IKernel Current
    {
        get => KernelSetting.Value;
        set => KernelSetting.ProcessValue = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How many threads the fast kernel may use here (default <see cref="Environment.ProcessorCount"/>; 1 = no
    /// threads): the innermost <see cref="UseThreads"/> scope's, else the process-wide count. Setting it changes the
    /// process-wide count. A <see cref="FastKernel"/> created with an explicit thread count ignores it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public static int Threads
    {
        get => ThreadsSetting.Value;
        set => ThreadsSetting.ProcessValue = RequireThreads(value, nameof(value));
    }

    /// <summary>Uses <paramref name="kernel"/> on this thread (and the async code it starts) until the result is disposed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kernel"/> is null.</exception>
    public static IDisposable Use(IKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return KernelSetting.Use(kernel);
    }

    /// <summary>Lets the fast kernel use <paramref name="threads"/> threads on this thread (and the async code it starts)
    /// until the result is disposed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static IDisposable UseThreads(int threads) => ThreadsSetting.Use(RequireThreads(threads, nameof(threads)));

    internal static int RequireThreads(int threads, string paramName) =>
        threads >= 1 ? threads : throw new ArgumentOutOfRangeException(paramName, threads, "Threads must be ≥ 1.");
}
