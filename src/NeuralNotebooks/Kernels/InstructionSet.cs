namespace NeuralNotebooks.Kernels;

/// <summary>The SIMD instructions <see cref="FastKernel"/>'s matrix products are written for.</summary>
public enum InstructionSet
{
    /// <summary>Plain loops, no SIMD (any CPU).</summary>
    Scalar,

    /// <summary>256-bit AVX2 with fused multiply-add (x86 since 2013).</summary>
    Avx2,

    /// <summary>512-bit AVX-512F (recent Intel and AMD server CPUs, AMD Zen 4 and later).</summary>
    Avx512,
}
