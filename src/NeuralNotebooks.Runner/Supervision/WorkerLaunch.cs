using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NeuralNotebooks.Runner.Supervision;

/// <summary>How to start this runner again as a child process: its apphost, or <c>dotnet NeuralNotebooks.Runner.dll</c>.</summary>
internal static class WorkerLaunch
{
    /// <summary>A start for the runner with no arguments yet; stdout and stderr redirected, stdin inherited.</summary>
    public static ProcessStartInfo StartInfo()
    {
        var dll = typeof(WorkerLaunch).Assembly.Location;
        var processPath = Environment.ProcessPath;
        var start = new ProcessStartInfo { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == Path.GetFileNameWithoutExtension(dll))
        {
            start.FileName = processPath; // the runner's own apphost
            return start;
        }
        start.FileName = processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : Muxer();
        start.ArgumentList.Add(dll);
        return start;
    }

    /// <summary>The dotnet host: DOTNET_HOST_PATH (set by the SDK), else the one above the running runtime.</summary>
    private static string Muxer()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return File.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : name;
    }
}
