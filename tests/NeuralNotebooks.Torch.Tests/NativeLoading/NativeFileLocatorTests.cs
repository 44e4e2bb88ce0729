using NeuralNotebooks.Torch.NativeLoading;
using TorchSharp;

namespace NeuralNotebooks.Torch.Tests.NativeLoading;

public sealed class NativeFileLocatorTests
{
    [Fact]
    public void Reads_TorchSharps_and_libtorchs_package_versions_from_the_assembly()
    {
        Assert.Equal("0.107.0", NativeFileLocator.TorchSharpVersion(typeof(torch).Assembly));
        Assert.Equal("2.10.0", NativeFileLocator.LibTorchVersion(typeof(torch).Assembly));
    }

    [Fact]
    public void Searches_the_programs_native_folder_first_then_both_package_folders()
    {
        string? before = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        Environment.SetEnvironmentVariable("NUGET_PACKAGES", "/somewhere/packages");
        try
        {
            var folders = NativeFileLocator.SearchFolders(typeof(torch).Assembly, "linux-x64");
            string own = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
            int Index(string folder) => folders.ToList().IndexOf(Path.GetFullPath(folder));
            Assert.Equal(0, Index(own));
            Assert.True(Index("/somewhere/packages/torchsharp/0.107.0/runtimes/linux-x64/native") > 0, string.Join("\n", folders));
            Assert.True(Index("/somewhere/packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native") > 0, string.Join("\n", folders));
            Assert.Equal(folders.Count, folders.Distinct().Count());
            Assert.Equal(Path.Combine(own, NativeFileLocator.ShimFile), NativeFileLocator.FindFile(folders, NativeFileLocator.ShimFile));
        }
        finally
        {
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", before);
        }
    }
}
