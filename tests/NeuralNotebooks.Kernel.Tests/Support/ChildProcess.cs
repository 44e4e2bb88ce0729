using System.Diagnostics;
using System.Text;

namespace NeuralNotebooks.Kernel.Tests.Support;

/// <summary>Runs a program to its end within a time limit (its whole process tree is killed past it: no test hangs).</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds} s.\nstdout:\n{output}\nstderr:\n{error}");
        }
        process.WaitForExit(); // drains the output handlers
        lock (output) lock (error) return new Result(process.ExitCode, output.ToString(), error.ToString());
    }
}
