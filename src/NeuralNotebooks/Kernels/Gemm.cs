using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNotebooks.Kernels;

/// <summary>
/// The matrix-product engine behind <see cref="FastKernel"/>: <c>C (+)= A·B</c> where A and B are read through strides,
/// so the transposed products need no transposed copy.
/// </summary>
/// <remarks>
/// <para>Layout: <c>A(i,p) = a[i·rsA + p·csA]</c>, <c>B(p,j) = b[p·rsB + j·csB]</c>, <c>C(i,j) = c[i·ldc + j]</c>.
/// X·W uses (rsA, csA) = (k, 1) and (rsB, csB) = (n, 1); Xᵀ·dY uses (1, m) for A; dY·Wᵀ uses (1, k) for B.</para>
/// <para>The classic blocked scheme (Goto/BLIS): C is cut into panels of <see cref="PanelWidth"/> columns; for a block
/// of <see cref="KBlock"/> values of p, the B block is copied ("packed") into a small contiguous, zero-padded buffer that
/// stays in the L1 cache; then a register-tile micro-kernel computes 4 rows × 64 columns of C (16 AVX-512 registers of
/// 16 floats; with AVX2, 4 × 16 in 8 registers) with fused multiply-adds, broadcasting one A value per row and step.</para>
/// <para>Rows of A need no packing: each step of the micro-kernel reads 4 values of A, wherever they are.</para>
/// </remarks>
internal static unsafe class Gemm
{
    /// <summary>Columns of C per panel (one micro-tile wide on AVX-512).</summary>
    public const int PanelWidth = 64;

    /// <summary>Values of the inner dimension per block: a packed B block (128 × 64 floats = 32 KB) fits in L1.</summary>
    public const int KBlock = 128;

    /// <summary>Rows per micro-tile.</summary>
    public const int TileRows = 4;

    [ThreadStatic] private static float[]? _packBuffer;

    /// <summary>Up to this many rows of C, row-contiguous B is read in place instead of packed.</summary>
    public const int DirectRowLimit = 64;

    /// <summary>The fastest instruction set this machine runs: AVX-512, else AVX2 with FMA, else plain loops.</summary>
    public static InstructionSet Best { get; } =
        IsSupported(InstructionSet.Avx512) ? InstructionSet.Avx512 : IsSupported(InstructionSet.Avx2) ? InstructionSet.Avx2 : InstructionSet.Scalar;

    /// <summary>True when the micro-kernels of <paramref name="set"/> run on this machine.</summary>
    public static bool IsSupported(InstructionSet set) => set switch
    {
        InstructionSet.Avx512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        InstructionSet.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => true,
    };

    /// <summary>Computes rows [i0, i1) and columns [j0, j1) of C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(float* a, nint rsA, nint csA, float* b, nint rsB, nint csB, float* c, nint ldc,
        int i0, int i1, int j0, int j1, int k, bool accumulate, InstructionSet isa)
    {
        if (i1 <= i0 || j1 <= j0) return;
        if (k == 0)
        {
            if (!accumulate)
                for (int i = i0; i < i1; i++) new Span<float>(c + i * ldc + j0, j1 - j0).Clear();
            return;
        }
        if (isa == InstructionSet.Scalar)
        {
            Scalar(a, rsA, csA, b, rsB, csB, c, ldc, i0, i1, j0, j1, k, accumulate);
            return;
        }

        bool avx512 = isa == InstructionSet.Avx512;
        var buffer = _packBuffer ??= GC.AllocateUninitializedArray<float>(KBlock * PanelWidth, pinned: true);
        float* pack = (float*)Unsafe.AsPointer(ref buffer[0]); // pinned array: the address never changes
        for (int jp = j0; jp < j1; jp += PanelWidth)
        {
            int width = Math.Min(PanelWidth, j1 - jp);
            for (int kb = 0; kb < k; kb += KBlock)
            {
                int kc = Math.Min(KBlock, k - kb);
                bool load = accumulate || kb > 0;
                float* aBlock = a + kb * csA;
                int i = i0;
                if (avx512 && width == PanelWidth && csB == 1 && (i1 - i0 <= DirectRowLimit || k <= 32))
                {
                    // Few rows (or a B of a few rows that stays in L1 anyway): packing B would cost as much as
                    // using it; read its rows in place.
                    float* bBlock = b + kb * rsB + jp;
                    for (; i + TileRows <= i1; i += TileRows)
                        Avx512Tile4x64(aBlock + i * rsA, rsA, csA, bBlock, rsB, c + i * ldc + jp, ldc, kc, load);
                    if (i == i1) continue;
                }
                Pack(b + kb * rsB + jp * csB, rsB, csB, kc, width, pack, avx512);
                for (; i + TileRows <= i1; i += TileRows)
                    Tile(aBlock + i * rsA, rsA, csA, pack, c + i * ldc + jp, ldc, TileRows, width, kc, load, avx512);
                if (i < i1)
                    Tile(aBlock + i * rsA, rsA, csA, pack, c + i * ldc + jp, ldc, i1 - i, width, kc, load, avx512);
            }
        }
    }

    /// <summary>Copies B(p, j) for p &lt; kc, j &lt; width into pack[p·64 + j], zero-padding j up to a multiple of 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pack(float* b, nint rsB, nint csB, int kc, int width, float* pack, bool avx512)
    {
        int padded = (width + 15) & ~15;
        if (csB == 1)
        {
            for (int p = 0; p < kc; p++)
            {
                float* src = b + p * rsB;
                float* dst = pack + p * PanelWidth;
                int j = 0;
                if (avx512)
                    for (; j + 16 <= width; j += 16) Vector512.Store(Vector512.Load(src + j), dst + j);
                else
                    for (; j + 8 <= width; j += 8) Vector256.Store(Vector256.Load(src + j), dst + j);
                for (; j < width; j++) dst[j] = src[j];
                for (; j < padded; j++) dst[j] = 0f;
            }
        }
        else
        {
            // B(p, j) = b[p·rsB + j·csB] with csB ≠ 1 (the transposed product dY·Wᵀ): walk each source row contiguously.
            for (int j = 0; j < width; j++)
            {
                float* src = b + j * csB;
                float* dst = pack + j;
                if (rsB == 1)
                    for (int p = 0; p < kc; p++) dst[p * PanelWidth] = src[p];
                else
                    for (int p = 0; p < kc; p++) dst[p * PanelWidth] = src[p * rsB];
            }
            if (padded > width)
                for (int p = 0; p < kc; p++)
                    for (int j = width; j < padded; j++) pack[p * PanelWidth + j] = 0f;
        }
    }

    /// <summary>Writes the transpose of the row-major <paramref name="rows"/>×<paramref name="cols"/> matrix
    /// <paramref name="source"/> into <paramref name="target"/> (cols×rows), in 16×16 blocks so both sides stay in cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TransposeInto(float* source, int rows, int cols, float* target)
    {
        const int block = 16;
        for (int r0 = 0; r0 < rows; r0 += block)
        {
            int r1 = Math.Min(rows, r0 + block);
            for (int c0 = 0; c0 < cols; c0 += block)
            {
                int c1 = Math.Min(cols, c0 + block);
                for (int r = r0; r < r1; r++)
                {
                    float* src = source + (nint)r * cols;
                    for (int c = c0; c < c1; c++) target[(nint)c * rows + r] = src[c];
                }
            }
        }
    }

    /// <summary>C[rows × width] (+)= A[rows × kc] · packed B[kc × width]; rows ≤ 4, width ≤ 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(float* a, nint rsA, nint csA, float* pack, float* c, nint ldc, int rows, int width, int kc, bool load, bool avx512)
    {
        if (avx512)
        {
            if (width == PanelWidth && rows == TileRows)
            {
                Avx512Tile4x64(a, rsA, csA, pack, PanelWidth, c, ldc, kc, load);
                return;
            }
            // Edge tile: compute into a 4 × 64 scratch tile (padded B columns are zero), then copy the valid part.
            float* scratch = stackalloc float[TileRows * PanelWidth];
            int vectors = (width + 15) >> 4;
            for (int r = 0; r < rows; r++)
            {
                float* cr = c + r * ldc;
                float* sr = scratch + r * PanelWidth;
                if (load) { for (int j = 0; j < width; j++) sr[j] = cr[j]; }
                for (int j = load ? width : 0; j < vectors * 16; j++) sr[j] = 0f;
            }
            if (rows == TileRows)
                Avx512Tile4xV(a, rsA, csA, pack, scratch, kc, vectors);
            else
                for (int r = 0; r < rows; r++)
                    Avx512Row(a + r * rsA, csA, pack, scratch + r * PanelWidth, kc, vectors);
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<float>(scratch + r * PanelWidth, width).CopyTo(new Span<float>(c + r * ldc, width));
            return;
        }

        // AVX2: 4 × 16 tiles across the panel, edge columns through a scratch tile.
        int jv = 0;
        if (rows == TileRows)
            for (; jv + 16 <= width; jv += 16) Avx2Tile4x16(a, rsA, csA, pack + jv, c + jv, ldc, kc, load);
        if (jv < width)
        {
            float* scratch = stackalloc float[TileRows * PanelWidth];
            int cols = width - jv;
            int vectors = (cols + 7) >> 3;
            for (int r = 0; r < rows; r++)
            {
                float* cr = c + r * ldc + jv;
                float* sr = scratch + r * PanelWidth;
                if (load) { for (int j = 0; j < cols; j++) sr[j] = cr[j]; }
                for (int j = load ? cols : 0; j < vectors * 8; j++) sr[j] = 0f;
                Avx2Row(a + r * rsA, csA, pack + jv, sr, kc, vectors);
                new ReadOnlySpan<float>(sr, cols).CopyTo(new Span<float>(cr, cols));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx512Tile4x64(float* a, nint rsA, nint csA, float* b, nint ldb, float* c, nint ldc, int kc, bool load)
    {
        Vector512<float> c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        float* c0 = c, c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc;
        if (load)
        {
            c00 = Vector512.Load(c0); c01 = Vector512.Load(c0 + 16); c02 = Vector512.Load(c0 + 32); c03 = Vector512.Load(c0 + 48);
            c10 = Vector512.Load(c1); c11 = Vector512.Load(c1 + 16); c12 = Vector512.Load(c1 + 32); c13 = Vector512.Load(c1 + 48);
            c20 = Vector512.Load(c2); c21 = Vector512.Load(c2 + 16); c22 = Vector512.Load(c2 + 32); c23 = Vector512.Load(c2 + 48);
            c30 = Vector512.Load(c3); c31 = Vector512.Load(c3 + 16); c32 = Vector512.Load(c3 + 32); c33 = Vector512.Load(c3 + 48);
        }
        else
        {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = Vector512<float>.Zero;
        }
        float* a0 = a, a1 = a + rsA, a2 = a + 2 * rsA, a3 = a + 3 * rsA;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var b2 = Vector512.Load(b + 32);
            var b3 = Vector512.Load(b + 48);
            var x = Vector512.Create(*a0);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            c02 = Avx512F.FusedMultiplyAdd(x, b2, c02); c03 = Avx512F.FusedMultiplyAdd(x, b3, c03);
            x = Vector512.Create(*a1);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            c12 = Avx512F.FusedMultiplyAdd(x, b2, c12); c13 = Avx512F.FusedMultiplyAdd(x, b3, c13);
            x = Vector512.Create(*a2);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            c22 = Avx512F.FusedMultiplyAdd(x, b2, c22); c23 = Avx512F.FusedMultiplyAdd(x, b3, c23);
            x = Vector512.Create(*a3);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            c32 = Avx512F.FusedMultiplyAdd(x, b2, c32); c33 = Avx512F.FusedMultiplyAdd(x, b3, c33);
            a0 += csA; a1 += csA; a2 += csA; a3 += csA;
            b += ldb;
        }
        c00.Store(c0); c01.Store(c0 + 16); c02.Store(c0 + 32); c03.Store(c0 + 48);
        c10.Store(c1); c11.Store(c1 + 16); c12.Store(c1 + 32); c13.Store(c1 + 48);
        c20.Store(c2); c21.Store(c2 + 16); c22.Store(c2 + 32); c23.Store(c2 + 48);
        c30.Store(c3); c31.Store(c3 + 16); c32.Store(c3 + 32); c33.Store(c3 + 48);
    }

    /// <summary>4 rows of a scratch tile (row stride 64), <paramref name="vectors"/> × 16 columns, start values in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx512Tile4xV(float* a, nint rsA, nint csA, float* b, float* c, int kc, int vectors)
    {
        const int ld = PanelWidth;
        Vector512<float> c00 = Vector512.Load(c), c10 = Vector512.Load(c + ld), c20 = Vector512.Load(c + 2 * ld), c30 = Vector512.Load(c + 3 * ld);
        Vector512<float> c01 = default, c11 = default, c21 = default, c31 = default, c02 = default, c12 = default, c22 = default, c32 = default;
        if (vectors > 1) { c01 = Vector512.Load(c + 16); c11 = Vector512.Load(c + ld + 16); c21 = Vector512.Load(c + 2 * ld + 16); c31 = Vector512.Load(c + 3 * ld + 16); }
        if (vectors > 2) { c02 = Vector512.Load(c + 32); c12 = Vector512.Load(c + ld + 32); c22 = Vector512.Load(c + 2 * ld + 32); c32 = Vector512.Load(c + 3 * ld + 32); }
        if (vectors > 3)
        {
            // Four full vectors only occur for a packed 64-wide edge tile; the 4 × 64 kernel handles it.
            Avx512Tile4x64(a, rsA, csA, b, PanelWidth, c, ld, kc, load: true);
            return;
        }
        float* a0 = a, a1 = a + rsA, a2 = a + 2 * rsA, a3 = a + 3 * rsA;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var x0 = Vector512.Create(*a0); var x1 = Vector512.Create(*a1); var x2 = Vector512.Create(*a2); var x3 = Vector512.Create(*a3);
            c00 = Avx512F.FusedMultiplyAdd(x0, b0, c00); c10 = Avx512F.FusedMultiplyAdd(x1, b0, c10);
            c20 = Avx512F.FusedMultiplyAdd(x2, b0, c20); c30 = Avx512F.FusedMultiplyAdd(x3, b0, c30);
            if (vectors > 1)
            {
                var b1 = Vector512.Load(b + 16);
                c01 = Avx512F.FusedMultiplyAdd(x0, b1, c01); c11 = Avx512F.FusedMultiplyAdd(x1, b1, c11);
                c21 = Avx512F.FusedMultiplyAdd(x2, b1, c21); c31 = Avx512F.FusedMultiplyAdd(x3, b1, c31);
            }
            if (vectors > 2)
            {
                var b2 = Vector512.Load(b + 32);
                c02 = Avx512F.FusedMultiplyAdd(x0, b2, c02); c12 = Avx512F.FusedMultiplyAdd(x1, b2, c12);
                c22 = Avx512F.FusedMultiplyAdd(x2, b2, c22); c32 = Avx512F.FusedMultiplyAdd(x3, b2, c32);
            }
            a0 += csA; a1 += csA; a2 += csA; a3 += csA;
            b += PanelWidth;
        }
        c00.Store(c); c10.Store(c + ld); c20.Store(c + 2 * ld); c30.Store(c + 3 * ld);
        if (vectors > 1) { c01.Store(c + 16); c11.Store(c + ld + 16); c21.Store(c + 2 * ld + 16); c31.Store(c + 3 * ld + 16); }
        if (vectors > 2) { c02.Store(c + 32); c12.Store(c + ld + 32); c22.Store(c + 2 * ld + 32); c32.Store(c + 3 * ld + 32); }
    }

    /// <summary>One row of C, <paramref name="vectors"/> × 16 columns (C already holds the start values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx512Row(float* a, nint csA, float* b, float* c, int kc, int vectors)
    {
        var c0 = Vector512.Load(c);
        var c1 = vectors > 1 ? Vector512.Load(c + 16) : default;
        var c2 = vectors > 2 ? Vector512.Load(c + 32) : default;
        var c3 = vectors > 3 ? Vector512.Load(c + 48) : default;
        for (int p = 0; p < kc; p++)
        {
            var x = Vector512.Create(*a);
            c0 = Avx512F.FusedMultiplyAdd(x, Vector512.Load(b), c0);
            if (vectors > 1) c1 = Avx512F.FusedMultiplyAdd(x, Vector512.Load(b + 16), c1);
            if (vectors > 2) c2 = Avx512F.FusedMultiplyAdd(x, Vector512.Load(b + 32), c2);
            if (vectors > 3) c3 = Avx512F.FusedMultiplyAdd(x, Vector512.Load(b + 48), c3);
            a += csA;
            b += PanelWidth;
        }
        c0.Store(c);
        if (vectors > 1) c1.Store(c + 16);
        if (vectors > 2) c2.Store(c + 32);
        if (vectors > 3) c3.Store(c + 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Tile4x16(float* a, nint rsA, nint csA, float* b, float* c, nint ldc, int kc, bool load)
    {
        Vector256<float> c00, c01, c10, c11, c20, c21, c30, c31;
        float* c0 = c, c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc;
        if (load)
        {
            c00 = Vector256.Load(c0); c01 = Vector256.Load(c0 + 8);
            c10 = Vector256.Load(c1); c11 = Vector256.Load(c1 + 8);
            c20 = Vector256.Load(c2); c21 = Vector256.Load(c2 + 8);
            c30 = Vector256.Load(c3); c31 = Vector256.Load(c3 + 8);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector256<float>.Zero;
        }
        float* a0 = a, a1 = a + rsA, a2 = a + 2 * rsA, a3 = a + 3 * rsA;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(*a0);
            c00 = Fma.MultiplyAdd(x, b0, c00); c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(*a1);
            c10 = Fma.MultiplyAdd(x, b0, c10); c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(*a2);
            c20 = Fma.MultiplyAdd(x, b0, c20); c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(*a3);
            c30 = Fma.MultiplyAdd(x, b0, c30); c31 = Fma.MultiplyAdd(x, b1, c31);
            a0 += csA; a1 += csA; a2 += csA; a3 += csA;
            b += PanelWidth;
        }
        c00.Store(c0); c01.Store(c0 + 8);
        c10.Store(c1); c11.Store(c1 + 8);
        c20.Store(c2); c21.Store(c2 + 8);
        c30.Store(c3); c31.Store(c3 + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Avx2Row(float* a, nint csA, float* b, float* c, int kc, int vectors)
    {
        for (int v = 0; v < vectors; v += 2)
        {
            bool two = v + 1 < vectors;
            var c0 = Vector256.Load(c + v * 8);
            var c1 = two ? Vector256.Load(c + v * 8 + 8) : default;
            float* ap = a, bp = b + v * 8;
            for (int p = 0; p < kc; p++)
            {
                var x = Vector256.Create(*ap);
                c0 = Fma.MultiplyAdd(x, Vector256.Load(bp), c0);
                if (two) c1 = Fma.MultiplyAdd(x, Vector256.Load(bp + 8), c1);
                ap += csA;
                bp += PanelWidth;
            }
            c0.Store(c + v * 8);
            if (two) c1.Store(c + v * 8 + 8);
        }
    }

    /// <summary>Plain loops (no SIMD) in the reference order, for machines without AVX2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Scalar(float* a, nint rsA, nint csA, float* b, nint rsB, nint csB, float* c, nint ldc,
        int i0, int i1, int j0, int j1, int k, bool accumulate)
    {
        for (int i = i0; i < i1; i++)
        {
            float* cr = c + i * ldc;
            if (!accumulate) for (int j = j0; j < j1; j++) cr[j] = 0f;
            for (int p = 0; p < k; p++)
            {
                float aip = a[i * rsA + p * csA];
                float* br = b + p * rsB;
                for (int j = j0; j < j1; j++) cr[j] += aip * br[j * csB];
            }
        }
    }
}
