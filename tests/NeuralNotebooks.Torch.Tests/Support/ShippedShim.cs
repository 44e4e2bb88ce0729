using System.IO.Compression;
using System.Reflection;
using NeuralNotebooks.Torch.NativeLoading;
using TorchSharp;

namespace NeuralNotebooks.Torch.Tests.Support;

/// <summary>
/// TorchSharp's Linux shim exactly as NuGet ships it: read from the restore's package folder (recorded at build time as
/// assembly metadata <c>NuGetPackageRoot</c>), and checked byte for byte against the entry inside the <c>.nupkg</c>
/// itself, so a copy altered in place (as the old torchsharp-compat script did) is caught. Only ever read.
/// </summary>
internal static class ShippedShim
{
    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>The restore's package folder, e.g. <c>~/.nuget/packages/</c>.</summary>
    public static string PackageRoot =>
        typeof(ShippedShim).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value
        ?? throw new InvalidOperationException("The test assembly has no NuGetPackageRoot metadata (see the test project file).");

    /// <summary>The folder of the torchsharp package, e.g. <c>~/.nuget/packages/torchsharp/0.107.0</c>.</summary>
    public static string PackageFolder =>
        Path.Combine(PackageRoot, "torchsharp", NativeFileLocator.TorchSharpVersion(typeof(torch).Assembly)!);

    /// <summary>The shim's path in the package folder.</summary>
    public static string PathInPackage => Path.Combine(PackageFolder, "runtimes", "linux-x64", "native", NativeFileLocator.ShimFile);

    /// <summary>The shipped bytes (verified against the .nupkg).</summary>
    public static byte[] Image => (byte[])Bytes.Value.Clone();

    private static byte[] Load()
    {
        byte[] extracted = File.ReadAllBytes(PathInPackage);
        string nupkg = Directory.GetFiles(PackageFolder, "*.nupkg").Single();
        using var zip = ZipFile.OpenRead(nupkg);
        var entry = zip.GetEntry("runtimes/linux-x64/native/" + NativeFileLocator.ShimFile)
            ?? throw new InvalidOperationException($"{nupkg} has no runtimes/linux-x64/native/{NativeFileLocator.ShimFile}.");
        using var stream = entry.Open();
        using var packed = new MemoryStream();
        stream.CopyTo(packed);
        if (!packed.ToArray().AsSpan().SequenceEqual(extracted))
            throw new InvalidOperationException($"{PathInPackage} differs from the copy inside {nupkg}: the NuGet cache was modified " +
                                                "(e.g. by the old torchsharp-compat script). Delete that package folder and restore again.");
        return extracted;
    }
}
