using System.Reflection;

namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// Finds TorchSharp's native files the way .NET and TorchSharp look for them: the application's native search folders
/// (from its <c>.deps.json</c>), the folder of <c>TorchSharp.dll</c>, then the restored NuGet packages.
/// </summary>
/// <remarks>
/// The NuGet folders cover a library referenced with <c>#r</c> from a notebook or script: there the natives were never
/// copied next to the program, and the shim (package <c>torchsharp</c>) and libtorch (package
/// <c>libtorch-cpu-linux-x64</c>) sit in two different package folders. The package root is the one holding
/// <c>TorchSharp.dll</c> when it was loaded from a package (.NET Interactive does that), then <c>NUGET_PACKAGES</c>, then
/// <c>~/.nuget/packages</c>. Files there are only ever read.
/// </remarks>
internal static class NativeFileLocator
{
    /// <summary>TorchSharp's native shim on Linux.</summary>
    public const string ShimFile = "libLibTorchSharp.so";

    /// <summary>libtorch's entry library on Linux (it pulls in libtorch_cpu.so and libc10.so from its own folder).</summary>
    public const string LibTorchFile = "libtorch.so";

    /// <summary>The folders searched for native files of runtime <paramref name="rid"/>, best first, without duplicates.</summary>
    public static IReadOnlyList<string> SearchFolders(Assembly torchSharp, string rid)
    {
        var folders = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string native)
            folders.AddRange(native.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        string torchFolder = Path.GetDirectoryName(torchSharp.Location) ?? "";
        if (torchFolder.Length > 0)
            folders.AddRange([torchFolder, Path.Combine(torchFolder, "runtimes", rid, "native")]);
        folders.Add(Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native"));
        string? torchSharpVersion = TorchSharpVersion(torchSharp), libTorchVersion = LibTorchVersion(torchSharp);
        foreach (var root in PackageRoots(torchFolder))
        {
            if (torchSharpVersion is not null) folders.Add(Path.Combine(root, "torchsharp", torchSharpVersion, "runtimes", rid, "native"));
            if (libTorchVersion is not null) folders.Add(Path.Combine(root, $"libtorch-cpu-{rid}", libTorchVersion, "runtimes", rid, "native"));
        }
        return folders.Where(f => f.Length > 0).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))
                      .Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The first of <paramref name="folders"/> that holds <paramref name="file"/>, as a full path; null when none does.</summary>
    public static string? FindFile(IEnumerable<string> folders, string file) =>
        folders.Select(f => Path.Combine(f, file)).FirstOrDefault(File.Exists);

    /// <summary>The NuGet package roots to look in, best first.</summary>
    private static IEnumerable<string> PackageRoots(string torchFolder)
    {
        // …/packages/torchsharp/0.107.0/lib/net6.0/TorchSharp.dll when loaded straight from the package folder.
        var lib = string.IsNullOrEmpty(torchFolder) ? null : Directory.GetParent(torchFolder);
        var package = lib?.Parent?.Parent;
        if (lib?.Name == "lib" && package is { Name: var name } && name.Equals("torchsharp", StringComparison.OrdinalIgnoreCase)
            && package.Parent is { } root)
            yield return root.FullName;
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) yield return configured;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0) yield return Path.Combine(home, ".nuget", "packages");
    }

    /// <summary>TorchSharp's package version ("0.107.0"), from the assembly's informational version.</summary>
    internal static string? TorchSharpVersion(Assembly torchSharp) =>
        torchSharp.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    /// <summary>
    /// The libtorch package version TorchSharp was built against ("2.10.0"), read from its private constant
    /// <c>torch.libtorchPackageVersion</c> without running <c>torch</c>'s static constructor (which loads the natives).
    /// </summary>
    internal static string? LibTorchVersion(Assembly torchSharp)
    {
        var field = torchSharp.GetType("TorchSharp.torch")?.GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.GetRawConstantValue() is not string version) return null;
        var parts = version.Split('.');
        return parts.Length == 4 && parts[3] == "0" ? string.Join('.', parts[..3]) : version;   // NuGet drops a zero 4th part
    }
}
