using System.Diagnostics;

#pragma warning disable CA1416 // Unix file modes: the constructor refuses Windows first

namespace NeuralNotebooks.Runner.Tests;

/// <summary>Makes a folder read-only for this process: chmod 555, or, as root (who ignores modes), chattr +i.</summary>
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly string _path;
    private readonly bool _immutable;

    public ReadOnlyFolder(string path)
    {
        _path = path;
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("read-only folders are tested on Linux and macOS");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (IsWritable(path))
        {
            _immutable = true;
            Tool("chattr", "+i", path);
        }
        Assert.False(IsWritable(path), $"could not make {path} read-only (chmod 555, then chattr +i)");
    }

    public void Dispose()
    {
        if (_immutable) Tool("chattr", "-i", _path);
        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static bool IsWritable(string folder)
    {
        var probe = Path.Combine(folder, ".probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Tool(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
    }
}
