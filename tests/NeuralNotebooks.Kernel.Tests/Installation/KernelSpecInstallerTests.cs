using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Installation;
using NeuralNotebooks.Kernel.Tests.Support;

namespace NeuralNotebooks.Kernel.Tests.Installation;

public class KernelSpecInstallerTests
{
    [Fact]
    public void Install_with_a_prefix_writes_kernel_json_starting_this_build_with_dotnet()
    {
        var prefix = Repo.NewFolder("prefix");
        var folder = KernelSpecInstaller.Install(prefix, ".net-csharp", force: false, dotnet: "/opt/dotnet/dotnet", kernelDll: "/k/NeuralNotebooks.Kernel.dll");
        Assert.Equal(Path.Combine(prefix, "share", "jupyter", "kernels", ".net-csharp"), folder);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        Assert.Equal(new[] { "/opt/dotnet/dotnet", "/k/NeuralNotebooks.Kernel.dll", "--connection-file", "{connection_file}" },
            spec["argv"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("C# (NeuralNotebooks)", (string?)spec["display_name"]);
        Assert.Equal("C#", (string?)spec["language"]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
        Assert.Equal(folder, KernelSpecInstaller.Uninstall(prefix, ".net-csharp"));
        Assert.False(Directory.Exists(folder));
        Assert.Null(KernelSpecInstaller.Uninstall(prefix, ".net-csharp"));
    }

    [Fact]
    public void Another_kernels_spec_of_the_same_name_is_kept_unless_forced()
    {
        var prefix = Repo.NewFolder("prefix");
        var folder = Path.Combine(KernelSpecInstaller.KernelsDirectory(prefix), ".net-csharp");
        Directory.CreateDirectory(folder);
        var foreign = """{"argv": ["dotnet", "interactive", "jupyter", "{connection_file}"], "display_name": ".NET (C#)", "language": "C#"}""";
        File.WriteAllText(Path.Combine(folder, "kernel.json"), foreign);
        var e = Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Install(prefix, ".net-csharp", force: false));
        Assert.Contains("is not a NeuralNotebooks kernel", e.Message);
        Assert.Contains("--force", e.Message);
        Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Uninstall(prefix, ".net-csharp"));
        Assert.Equal(foreign, File.ReadAllText(Path.Combine(folder, "kernel.json")));
        KernelSpecInstaller.Install(prefix, ".net-csharp", force: true);
        Assert.True(KernelSpecInstaller.IsOurs(Path.Combine(folder, "kernel.json")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("../up")]
    public void A_name_Jupyter_would_not_accept_is_refused(string name) =>
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => KernelSpecInstaller.Install(Repo.NewFolder("prefix"), name, false)).ParamName);

    [JupyterFact]
    public async Task The_install_verb_honours_JUPYTER_DATA_DIR_and_jupyter_lists_the_kernel()
    {
        var data = Repo.NewFolder("data-dir");
        var env = new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = data, ["JUPYTER_PATH"] = "" };
        var install = await ChildProcess.RunAsync("dotnet", new[] { Repo.KernelDll, "install" }, TimeSpan.FromMinutes(2), env);
        Assert.True(install.ExitCode == 0, install.Error);
        Assert.Contains(Path.Combine(data, "kernels", ".net-csharp"), install.Output);
        var list = await ChildProcess.RunAsync(Jupyter.Python, new[] { "-m", "jupyter_client.kernelspecapp", "list", "--json" }, TimeSpan.FromMinutes(1), env);
        var specs = JsonNode.Parse(list.Output)!["kernelspecs"]!;
        Assert.Equal("C# (NeuralNotebooks)", (string?)specs[".net-csharp"]!["spec"]!["display_name"]);
        var uninstall = await ChildProcess.RunAsync("dotnet", new[] { Repo.KernelDll, "uninstall" }, TimeSpan.FromMinutes(2), env);
        Assert.Equal(0, uninstall.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(data, "kernels", ".net-csharp")));
    }

    [Fact]
    public void The_default_folder_is_the_users_Jupyter_data_directory()
    {
        var saved = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        try
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", null);
            var dir = KernelSpecInstaller.KernelsDirectory(null);
            if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("XDG_DATA_HOME") is not { Length: > 0 })
                Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter", "kernels"), dir);
            else
                Assert.EndsWith("kernels", dir);
        }
        finally
        {
            Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", saved);
        }
    }
}
