namespace NeuralNotebooks.Kernels;

/// <summary>Chooses the <see cref="IKernel"/> the whole library uses.</summary>
public static class Kernel
{
    private static IKernel _current = ReferenceKernel.Instance;

    /// <summary>The kernel in use (process-wide). Defaults to <see cref="ReferenceKernel"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public static IKernel Current
    {
        get => _current;
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }
}
