using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuralNotebooks.Kernel.Installation;

/// <summary>
/// Writes (and removes) the kernelspec that lets Jupyter front ends start this kernel: a folder
/// <c>kernels/&lt;name&gt;/kernel.json</c> in a Jupyter data directory.
/// </summary>
/// <remarks>
/// <para>The name is <c>.net-csharp</c> by default: the kernelspec name Polyglot C# notebooks already carry in their
/// metadata (<c>kernelspec.name</c>), so the lessons select this kernel in VS Code's Jupyter extension, JupyterLab and
/// <c>jupyter execute</c> without any change, and stay valid Polyglot notebooks (Polyglot recognises them by that
/// <c>.net-</c> prefix). A <c>.net-csharp</c> kernelspec that is not ours (.NET Interactive's) is never overwritten
/// without <c>--force</c>; <c>--name</c> picks another name.</para>
/// <para>Folder: <c>--prefix P</c> → <c>P/share/jupyter/kernels</c>; else <c>$JUPYTER_DATA_DIR/kernels</c>; else the user's
/// Jupyter data directory (Linux <c>$XDG_DATA_HOME/jupyter</c> or <c>~/.local/share/jupyter</c>, macOS
/// <c>~/Library/Jupyter</c>, Windows <c>%APPDATA%\jupyter</c>) — where <c>jupyter kernelspec list</c> looks.</para>
/// <para><c>argv</c> is this build: the <c>dotnet</c> host running now and the full path of NeuralNotebooks.Kernel.dll, so the
/// kernel starts whatever PATH the front end has. Rebuilding keeps the path; moving the clone needs a new install.</para>
/// </remarks>
public static class KernelSpecInstaller
{
    /// <summary>The default kernelspec name (see remarks).</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>What front ends show.</summary>
    public const string DisplayName = "C# (NeuralNotebooks)";

    /// <summary>The kernels folder to use.</summary>
    public static string KernelsDirectory(string? prefix)
    {
        if (!string.IsNullOrEmpty(prefix)) return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir) return Path.Combine(Path.GetFullPath(dataDir), "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string data;
        if (OperatingSystem.IsWindows())
            data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        else if (OperatingSystem.IsMacOS())
            data = Path.Combine(home, "Library", "Jupyter");
        else
            data = Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
        return Path.Combine(data, "kernels");
    }

    /// <summary>The kernel.json for <paramref name="kernelDll"/> run by <paramref name="dotnet"/>.</summary>
    public static JsonObject KernelJson(string dotnet, string kernelDll) => new()
    {
        ["argv"] = new JsonArray(dotnet, kernelDll, "--connection-file", "{connection_file}"),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false, ["neuralnotebooks"] = true },
    };

    /// <summary>Writes the kernelspec; returns its folder.</summary>
    /// <exception cref="InvalidOperationException">A kernelspec of that name exists and is not ours (and <paramref name="force"/> is false).</exception>
    public static string Install(string? prefix, string name, bool force, string? dotnet = null, string? kernelDll = null)
    {
        CheckName(name);
        var folder = Path.Combine(KernelsDirectory(prefix), name);
        var file = Path.Combine(folder, "kernel.json");
        if (File.Exists(file) && !IsOurs(file) && !force)
            throw new InvalidOperationException($"{file} exists and is not a NeuralNotebooks kernel (another C# kernel?); " +
                "pass --force to replace it, or --name to install under another name.");
        Directory.CreateDirectory(folder);
        var json = KernelJson(dotnet ?? DotnetHost(), kernelDll ?? typeof(KernelSpecInstaller).Assembly.Location);
        var temp = file + ".tmp";
        File.WriteAllText(temp, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, file, overwrite: true);
        return folder;
    }

    /// <summary>Removes the kernelspec if it is ours; returns its folder, or null when there was none.</summary>
    /// <exception cref="InvalidOperationException">The kernelspec of that name is not ours.</exception>
    public static string? Uninstall(string? prefix, string name)
    {
        CheckName(name);
        var folder = Path.Combine(KernelsDirectory(prefix), name);
        var file = Path.Combine(folder, "kernel.json");
        if (!File.Exists(file)) return null;
        if (!IsOurs(file)) throw new InvalidOperationException($"{file} is not a NeuralNotebooks kernel; it was left in place.");
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>True when the kernel.json was written by <see cref="Install"/>.</summary>
    public static bool IsOurs(string kernelJson)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(kernelJson))?["metadata"]?["neuralnotebooks"]?.GetValue<bool>() == true;
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The dotnet executable running this process (…/dotnet/dotnet), found from the runtime's folder.</summary>
    public static string DotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } process && Path.GetFileName(process) == exe) return process;
        // …/dotnet/shared/Microsoft.NETCore.App/<version>/ → …/dotnet/dotnet
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent;
        var candidate = root is null ? null : Path.Combine(root.FullName, exe);
        return candidate is not null && File.Exists(candidate) ? candidate : exe;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new ArgumentException($"kernel name \"{name}\" must be ASCII letters, digits, '.', '_' or '-' (Jupyter's rule).", nameof(name));
    }
}
