using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// Makes TorchSharp 0.107's native shim load on Linux x64 systems whose libstdc++ is older than GCC 13's (Debian 12,
/// Ubuntu 22.04), before TorchSharp's own loader runs; does nothing elsewhere.
/// </summary>
/// <remarks>
/// <para>The shim <c>libLibTorchSharp.so</c> asks libstdc++ for version <c>GLIBCXX_3.4.32</c> for a single symbol,
/// <c>std::ios_base_library_init()</c>, which no relocation uses; GCC 12's libstdc++ stops at <c>GLIBCXX_3.4.30</c>, so
/// the dynamic loader refuses the whole file. Steps, once per process (Linux x64 with glibc only):</para>
/// <list type="number">
/// <item>find libtorch and the shim where .NET would (<see cref="NativeFileLocator"/>) and load libtorch;</item>
/// <item>load the shim as shipped; if that works, stop — nothing is copied or rewritten;</item>
/// <item>if it fails with "GLIBCXX_3.4.32 not found", rewrite that one requirement to <c>GLIBCXX_3.4.30</c>
/// (<see cref="VersionRequirementRewrite"/>, 3 bytes), store the copy in the per-user cache
/// (<see cref="RewrittenShimCache"/>) and load it. The NuGet package folder is only ever read.</item>
/// </list>
/// <para>Why TorchSharp then uses the loaded copy: TorchSharp loads <c>NativeLibrary.TryLoad("LibTorchSharp", …)</c>
/// and its P/Invokes name "LibTorchSharp". .NET tries the app's native folders (where the unpatched file fails again,
/// harmlessly) and then <c>dlopen("libLibTorchSharp.so")</c>, which glibc answers with the already loaded library of
/// that soname. The copy's own dependencies (libtorch.so, libc10.so, libtorch_cpu.so) resolve the same way, to the
/// libtorch loaded in step 1. The P/Invokes are also pointed straight at the copy with
/// <see cref="NativeLibrary.SetDllImportResolver"/> when TorchSharp has no resolver of its own.</para>
/// <para>Setting the environment variable <c>NEURALNOTEBOOKS_TORCH_LOADER=off</c> turns all of this off (TorchSharp
/// then loads, or fails, on its own); the tests use it to show the mechanism is what makes the shim load.</para>
/// </remarks>
public static class TorchNativeLoader
{
    /// <summary>The environment variable that turns the loader off when set to "off" (or "0", "false").</summary>
    public const string SwitchVariable = "NEURALNOTEBOOKS_TORCH_LOADER";

    /// <summary>The libstdc++ version TorchSharp 0.107's shim asks for and older systems lack.</summary>
    public const string MissingVersion = "GLIBCXX_3.4.32";

    /// <summary>The version the rewritten requirement names: one the shim already requires, GCC 12's newest.</summary>
    public const string ReplacementVersion = "GLIBCXX_3.4.30";

    private const string LibStdCxx = "libstdc++.so.6";

    private static readonly Lazy<NativeLoadResult> Result = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Runs the loader once per process (later calls return the first result); never throws.</summary>
    public static NativeLoadResult EnsureLoaded() => Result.Value;

    private static NativeLoadResult Load()
    {
        try
        {
            return LoadOnLinux();
        }
        catch (Exception e)   // it runs from a module initializer: any failure must become a reason, never a crash
        {
            return new(NativeLoadAction.CannotHelp, $"the kit's TorchSharp loader failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static NativeLoadResult LoadOnLinux()
    {
        if (!OperatingSystem.IsLinux())
            return new(NativeLoadAction.NotNeeded, "not Linux: TorchSharp loads its own native libraries");
        if (Environment.GetEnvironmentVariable(SwitchVariable) is "off" or "0" or "false")
            return new(NativeLoadAction.Disabled, $"the kit's TorchSharp loader is off ({SwitchVariable}={Environment.GetEnvironmentVariable(SwitchVariable)})");
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return new(NativeLoadAction.CannotHelp,
                $"TorchSharp-cpu 0.107 ships Linux native libraries for x64 only; this process is {RuntimeInformation.ProcessArchitecture}");
        if (RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal))
            return new(NativeLoadAction.CannotHelp,
                $"this is a musl system ({RuntimeInformation.RuntimeIdentifier}, e.g. Alpine); TorchSharp's Linux libraries are built for glibc and cannot load here");

        Assembly torchSharp = typeof(torch).Assembly;   // typeof does not run torch's static constructor
        var folders = NativeFileLocator.SearchFolders(torchSharp, "linux-x64");
        string? shim = NativeFileLocator.FindFile(folders, NativeFileLocator.ShimFile);
        if (shim is null)
            return new(NativeLoadAction.CannotHelp, $"{NativeFileLocator.ShimFile} was not found in {string.Join(", ", folders)}");
        string? libTorch = NativeFileLocator.FindFile(new[] { Path.GetDirectoryName(shim)! }.Concat(folders), NativeFileLocator.LibTorchFile);
        if (libTorch is null)
            return new(NativeLoadAction.CannotHelp, $"{NativeFileLocator.LibTorchFile} (package libtorch-cpu-linux-x64) was not found in {string.Join(", ", folders)}");
        if (!TryLoad(libTorch, out _, out string? libTorchError))
            return new(NativeLoadAction.CannotHelp, $"libtorch does not load: {libTorchError}");

        if (TryLoad(shim, out _, out string? error))
            return new(NativeLoadAction.AsShipped, $"{shim} loads as shipped", shim);
        if (!error!.Contains(MissingVersion, StringComparison.Ordinal))
            return new(NativeLoadAction.CannotHelp, $"{shim} does not load, for a reason the kit cannot fix: {error}", shim);

        byte[] original = File.ReadAllBytes(shim);
        var rewrite = VersionRequirementRewrite.Apply(original, shim, LibStdCxx, MissingVersion, ReplacementVersion);
        if (rewrite.Outcome == VersionRewriteOutcome.NotRequired)
            return new(NativeLoadAction.CannotHelp, $"{shim} fails with {MissingVersion} but has no such requirement to rewrite: {error}", shim);
        string copy = RewrittenShimCache.Store(original, rewrite.Image);
        if (!TryLoad(copy, out IntPtr handle, out string? copyError))
            return new(NativeLoadAction.CannotHelp,
                $"this system's libstdc++ lacks {MissingVersion}, and the rewritten copy {copy} (requiring {ReplacementVersion} instead) does not load either: {copyError}", copy);
        PointPInvokesAt(torchSharp, handle);
        return new(NativeLoadAction.RewrittenCopy,
            $"this system's libstdc++ lacks {MissingVersion}; loaded {copy}, a copy of {shim} whose {MissingVersion} requirement " +
            $"names {ReplacementVersion} ({rewrite.BytesChanged} bytes differ)", copy);
    }

    /// <summary>Loads a library by path, returning the dynamic loader's message on failure.</summary>
    private static bool TryLoad(string path, out IntPtr handle, out string? error)
    {
        try
        {
            handle = NativeLibrary.Load(path);
            error = null;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            (handle, error) = (IntPtr.Zero, e.Message);
            return false;
        }
    }

    /// <summary>Resolves TorchSharp's <c>[DllImport("LibTorchSharp")]</c> to <paramref name="handle"/>, unless TorchSharp has its own resolver.</summary>
    private static void PointPInvokesAt(Assembly torchSharp, IntPtr handle)
    {
        try
        {
            NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == "LibTorchSharp" ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // A resolver is already set (a later TorchSharp may set one): the soname match still finds the loaded copy.
        }
    }
}

/// <summary>What <see cref="TorchNativeLoader.EnsureLoaded"/> did.</summary>
public enum NativeLoadAction
{
    /// <summary>Not Linux: TorchSharp's own loader handles Windows and macOS.</summary>
    NotNeeded,
    /// <summary>Turned off with <see cref="TorchNativeLoader.SwitchVariable"/>.</summary>
    Disabled,
    /// <summary>The shim loads as NuGet ships it (e.g. Ubuntu 24.04, Debian 13): nothing was copied or rewritten.</summary>
    AsShipped,
    /// <summary>libstdc++ lacks GLIBCXX_3.4.32: a rewritten copy of the shim was loaded from the per-user cache.</summary>
    RewrittenCopy,
    /// <summary>The shim cannot load here and the kit cannot fix why (other architecture, musl, older libstdc++, files missing).</summary>
    CannotHelp,
}

/// <summary>The loader's result.</summary>
/// <param name="Action">What was done.</param>
/// <param name="Message">One sentence saying what and why, for <see cref="TorchSupport.UnavailableReason"/> and logs.</param>
/// <param name="ShimPath">The shim that was loaded or tried, when there was one.</param>
public sealed record NativeLoadResult(NativeLoadAction Action, string Message, string? ShimPath = null);
