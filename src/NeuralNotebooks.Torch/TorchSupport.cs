using System.Runtime.InteropServices;
using System.Text;
using NeuralNotebooks.Torch.NativeLoading;
using TorchSharp;

namespace NeuralNotebooks.Torch;

/// <summary>
/// Whether TorchSharp's native libraries (libtorch and the LibTorchSharp shim) load on this machine, and why not when
/// they don't; plus the process-wide thread count.
/// </summary>
/// <remarks>
/// <para>TorchSharp 0.107.0 ships libtorch 2.10.0 for Windows x64, macOS arm64 and Linux x64. On Linux its shim
/// (<c>libLibTorchSharp.so</c>) needs the C++ runtime of GCC 13 or newer (symbol version <c>GLIBCXX_3.4.32</c>):
/// Ubuntu 24.04+ and Debian 13+ have it; Debian 12 and Ubuntu 22.04 don't, and loading fails with a
/// <see cref="TypeInitializationException"/> mentioning "GLIBCXX_3.4.32 not found". There the kit loads a corrected
/// copy of the shim by itself (<see cref="TorchNativeLoader"/>), before TorchSharp's own loader runs.</para>
/// <para>The probe runs once per process (loading libtorch takes about a second); a failed load cannot be retried in
/// the same process, because .NET remembers a failed type initializer.</para>
/// </remarks>
public static class TorchSupport
{
    private static readonly Lazy<string?> Failure = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The systems TorchSharp 0.107 runs on, as one sentence for messages and READMEs.</summary>
    public const string SupportedSystems =
        "TorchSharp 0.107 (libtorch 2.10, CPU) runs on Windows x64, macOS arm64 (Apple silicon) and Linux x64 with the " +
        "C++ runtime of GCC 13 or newer (GLIBCXX_3.4.32): Ubuntu 24.04+, Debian 13+. On Linux x64 with GCC 12's runtime " +
        "(Debian 12, Ubuntu 22.04) NeuralNotebooks.Torch loads a copy of the shim with its one GLIBCXX_3.4.32 requirement " +
        "rewritten, kept in ~/.cache/neuralnotebooks (the NuGet cache is not touched).";

    /// <summary>True when TorchSharp's native libraries load and a tensor can be created.</summary>
    public static bool IsAvailable => Failure.Value is null;

    /// <summary>Why TorchSharp cannot be used here (with what to do about it), or null when it works.</summary>
    public static string? UnavailableReason => Failure.Value;

    /// <summary>The libtorch version, e.g. "2.10.0".</summary>
    /// <exception cref="InvalidOperationException">TorchSharp cannot load; the message says why.</exception>
    public static string LibTorchVersion
    {
        get
        {
            EnsureAvailable();
            return torch.__version__;
        }
    }

    /// <summary>Throws a clear exception when TorchSharp cannot load.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp cannot load; the message is <see cref="UnavailableReason"/>.</exception>
    public static void EnsureAvailable()
    {
        if (Failure.Value is string reason) throw new InvalidOperationException(reason);
    }

    /// <summary>The number of threads libtorch uses for one operation.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp cannot load.</exception>
    public static int Threads
    {
        get
        {
            EnsureAvailable();
            return torch.get_num_threads();
        }
    }

    /// <summary>Sets the number of threads libtorch uses (process-wide, like PyTorch's <c>torch.set_num_threads</c>).</summary>
    /// <remarks>On a machine whose cores are busy with other work, fewer threads can be much faster: libtorch's worker
    /// threads wait for each other at every operation (measured on a loaded 2-core host, 784-128-64-10 at batch 32:
    /// about 3 s per 48 000-sample epoch with 1 thread, 10–30 s with 2).</remarks>
    /// <param name="threads">At least 1; e.g. 2 to leave cores to other work or for comparable timings.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    /// <exception cref="InvalidOperationException">TorchSharp cannot load.</exception>
    public static void SetThreads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "threads must be ≥ 1.");
        EnsureAvailable();
        torch.set_num_threads(threads);
    }

    /// <summary>Seeds libtorch's global generator (dropout masks, torch's own initialisers): <c>torch.manual_seed</c>.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp cannot load.</exception>
    public static void ManualSeed(long seed)
    {
        EnsureAvailable();
        torch.manual_seed(seed);
    }

    private static string? Probe()
    {
        var loader = TorchNativeLoader.EnsureLoaded();
        try
        {
            using var t = torch.zeros(1);
            return t.numel() == 1 ? null : "TorchSharp loaded, but creating a one-element tensor gave a wrong result.";
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException
                                      or BadImageFormatException or EntryPointNotFoundException or InvalidOperationException)
        {
            return Explain(e, NativeLoadError(), loader);
        }
    }

    /// <summary>
    /// Loads the LibTorchSharp shim directly to get the operating system's own error (TorchSharp's message hides it, e.g.
    /// "version `GLIBCXX_3.4.32' not found"); null when no copy is found or it loads.
    /// </summary>
    internal static string? NativeLoadError()
    {
        string file, rid;
        if (OperatingSystem.IsWindows()) (file, rid) = ("LibTorchSharp.dll", "win-x64");
        else if (OperatingSystem.IsMacOS()) (file, rid) = ("libLibTorchSharp.dylib", "osx-arm64");
        else (file, rid) = (NativeFileLocator.ShimFile, "linux-x64");
        string? path = NativeFileLocator.FindFile(NativeFileLocator.SearchFolders(typeof(torch).Assembly, rid), file);
        if (path is null) return null;
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(path));
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            return e.Message;
        }
    }

    /// <summary>Turns a load failure into a message that says what went wrong and what to do.</summary>
    internal static string Explain(Exception e, string? nativeError = null, NativeLoadResult? loader = null)
    {
        var details = new List<string>();
        if (nativeError is not null) details.Add("loading the shim directly: " + nativeError.Trim());
        for (var inner = e; inner is not null; inner = inner.InnerException)
            details.Add(inner.GetType().Name + ": " + inner.Message.Trim());
        string all = string.Join(" → ", details);
        var message = new StringBuilder("TorchSharp's native libraries could not be loaded on ")
            .Append(RuntimeInformation.OSDescription).Append(' ').Append(RuntimeInformation.OSArchitecture).Append(". ");
        if (all.Contains("GLIBCXX", StringComparison.Ordinal))
            message.Append("This system's libstdc++ is older than GCC 13's (GLIBCXX_3.4.32 is missing). ");
        if (loader is { Action: NativeLoadAction.CannotHelp or NativeLoadAction.Disabled })
            message.Append("The kit could not make it load: ").Append(loader.Message).Append(". ");
        else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) && RuntimeInformation.OSArchitecture != Architecture.Arm64)
            message.Append("TorchSharp-cpu 0.107 has no native libraries for Intel Macs. ");
        else if (!RuntimeInformation.IsOSPlatform(OSPlatform.OSX) && RuntimeInformation.OSArchitecture != Architecture.X64)
            message.Append($"TorchSharp-cpu 0.107 has no native libraries for {RuntimeInformation.OSArchitecture} on this OS. ");
        message.Append(SupportedSystems).Append(" Details: ").Append(all);
        return message.ToString();
    }
}
