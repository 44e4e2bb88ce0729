using System.Runtime.InteropServices;
using NeuralNotebooks.Torch.NativeLoading;
using NeuralNotebooks.Torch.Tests.Support;

namespace NeuralNotebooks.Torch.Tests.NativeLoading;

/// <summary>
/// The kit's loader, end to end: child processes (<see cref="LoaderProbe"/>) start from TorchSharp's shim exactly as
/// NuGet ships it and train one step, with the loader off and on, each with its own empty cache folder.
/// </summary>
public sealed class TorchNativeLoaderTests
{
    [LinuxX64Fact]
    public void The_shim_as_NuGet_ships_it_loads_and_trains_through_the_kit_and_only_where_needed()
    {
        byte[] shipped = ShippedShim.Image;
        string outputShim = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", NativeFileLocator.ShimFile);
        Assert.True(File.ReadAllBytes(outputShim).AsSpan().SequenceEqual(shipped),
            $"{outputShim} (the copy the probe finds first) differs from the shim NuGet ships ({ShippedShim.PathInPackage}).");
        Assert.Contains(ElfImage.Parse(shipped, outputShim).VersionNeeds().Single(n => n.File == "libstdc++.so.6").Versions,
                        v => v.Name == TorchNativeLoader.MissingVersion);

        using var cache = new TempFolder();
        var without = LoaderProbe.Run(loader: false, cache.Path);
        Assert.Equal(nameof(NativeLoadAction.Disabled), without.Action);
        var with = LoaderProbe.Run(loader: true, cache.Path);
        Assert.True(with.Trained, "With the kit's loader TorchSharp must load and train:\n" + with.Output);
        Assert.True(with.LossAfter < with.LossBefore, $"One SGD step should lower the XOR loss: {with.LossBefore} -> {with.LossAfter}");

        if (without.Output.Contains($"version `{TorchNativeLoader.MissingVersion}' not found", StringComparison.Ordinal))
        {
            // This system's libstdc++ lacks GLIBCXX_3.4.32 (Debian 12, Ubuntu 22.04): the loader is what makes it work.
            Assert.False(without.Trained, without.Output);
            Assert.Contains("libstdc++ is older than GCC 13", without.Output);
            Assert.Equal(nameof(NativeLoadAction.RewrittenCopy), with.Action);
            Assert.StartsWith(Path.Combine(cache.Path, "neuralnotebooks", "torchsharp-shim") + Path.DirectorySeparatorChar, with.Shim);
            byte[] copy = File.ReadAllBytes(with.Shim);
            Assert.Equal(3, shipped.Zip(copy).Count(p => p.First != p.Second));
            Assert.Equal(shipped.Length, copy.Length);

            // Idempotent: the next process reuses the same copy without rewriting it; the package folder is untouched.
            var written = File.GetLastWriteTimeUtc(with.Shim);
            var again = LoaderProbe.Run(loader: true, cache.Path);
            Assert.True(again.Trained, again.Output);
            Assert.Equal((with.Shim, written), (again.Shim, File.GetLastWriteTimeUtc(again.Shim)));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(with.Shim)!));
            Assert.Equal(shipped, File.ReadAllBytes(ShippedShim.PathInPackage));
            Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "cpu")), "TorchSharp's fallback copied libtorch next to it");
        }
        else
        {
            // The shim loads by itself here (GCC 13+ runtime): the kit must not copy or rewrite anything.
            Assert.True(without.Trained, without.Output);
            Assert.Equal(nameof(NativeLoadAction.AsShipped), with.Action);
            Assert.Equal(outputShim, with.Shim);
            Assert.False(Directory.Exists(Path.Combine(cache.Path, "neuralnotebooks")), "nothing may be written to the cache");
        }
    }

    [LinuxX64Fact]
    public void This_test_process_loaded_the_shim_through_the_loader()
    {
        var result = TorchNativeLoader.EnsureLoaded();
        Assert.True(result.Action is NativeLoadAction.AsShipped or NativeLoadAction.RewrittenCopy, result.Message);
        Assert.Same(result, TorchNativeLoader.EnsureLoaded());
        Assert.True(TorchSupport.IsAvailable, TorchSupport.UnavailableReason);
    }
}

/// <summary>A <see cref="FactAttribute"/> for tests of the Linux x64 loader: reported as SKIPPED, with the reason, elsewhere.</summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> on other systems.</summary>
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            Skip = $"SKIPPED: the kit's TorchSharp loader only acts on Linux x64; this is {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}.";
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("nn-loader-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
