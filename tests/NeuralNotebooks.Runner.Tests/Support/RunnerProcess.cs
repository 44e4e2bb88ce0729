using System.Diagnostics;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>Runs the built runner as a child process with a time limit: a hang fails the test instead of CI.</summary>
internal static class RunnerProcess
{
    /// <summary>The longest one runner invocation may take here (a loaded 2-core machine compiles slowly).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public sealed record Outcome(int Code, string Out, string Err)
    {
        public string All => Out + Err;
    }

    /// <summary><c>dotnet NeuralNotebooks.Runner.dll args…</c> in <paramref name="workingDirectory"/>; fails the test if it
    /// has not ended within <paramref name="limit"/> (default <see cref="Limit"/>), after killing it.</summary>
    public static Outcome Run(string workingDirectory, TimeSpan? limit, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h
            : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var psi = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NeuralNotebooks.Runner.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var max = limit ?? Limit;
        if (!process.WaitForExit(max))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"the runner did not end within {max.TotalSeconds:0} s (a hang): {string.Join(' ', args)}\n{Tail(stdout.Result)}\n{Tail(stderr.Result)}");
        }
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Outcome Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    private static string Tail(string text) => text.Length > 4000 ? "…" + text[^4000..] : text;
}
