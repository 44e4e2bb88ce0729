namespace NeuralNotebooks.Kernel.Tests.Support;

/// <summary>The repository, the kernel's build output, temporary folders.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NeuralNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("NeuralNotebooks.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>src/NeuralNotebooks.Kernel/bin/&lt;this configuration&gt;/net10.0/NeuralNotebooks.Kernel.dll (built by the project reference).</summary>
    public static string KernelDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/Debug/net10.0/
            var dll = Path.Combine(Root, "src", "NeuralNotebooks.Kernel", "bin", configuration, "net10.0", "NeuralNotebooks.Kernel.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException("build the kernel first", dll);
            return dll;
        }
    }

    public static string NewFolder(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), "nn-kernel-tests", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static IEnumerable<string> Lessons() =>
        Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
