using System.Diagnostics;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>
/// A <see cref="FactAttribute"/> for tests that need headless Chromium: reported as SKIPPED, with the reason, where it
/// is not installed — never as passed. Under CI (CI=true) it is not skipped: CI installs Chromium, so the test runs and
/// fails with the reason (the same rule as the Torch tests' TorchFact).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when Chromium is missing (outside CI).</summary>
    public ChromiumFactAttribute() => Skip = Tools.SkipReason(needNbconvert: false);
}

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when Chromium is missing (outside CI).</summary>
    public ChromiumTheoryAttribute() => Skip = Tools.SkipReason(needNbconvert: false);
}

/// <summary>A <see cref="TheoryAttribute"/> for tests that need Debian's <c>jupyter nbconvert</c> and Chromium; see <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class NbconvertTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when a tool is missing (outside CI).</summary>
    public NbconvertTheoryAttribute() => Skip = Tools.SkipReason(needNbconvert: true);
}

/// <summary>The outside programs some tests drive: Chromium and jupyter-nbconvert.</summary>
internal static class Tools
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Debian's jupyter-nbconvert, or null.</summary>
    public static string? Nbconvert { get; } = new[] { "/usr/bin/jupyter-nbconvert" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(d => d.Length > 0).Select(d => Path.Combine(d, "jupyter-nbconvert")))
        .FirstOrDefault(File.Exists);

    public static string? SkipReason(bool needNbconvert)
    {
        if (IsCi) return null;
        if (!Chromium.IsAvailable) return "SKIPPED because headless Chromium is not installed (apt-get install chromium).";
        if (needNbconvert && Nbconvert is null) return "SKIPPED because jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert).";
        return null;
    }

    /// <summary>Runs <paramref name="exe"/> to completion (at most 5 minutes); fails the test with its output on a non-zero exit.</summary>
    public static string Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {exe}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{exe} did not finish within 5 minutes.");
        }
        p.WaitForExit();
        string output = stdout.Result + stderr.Result;
        Assert.True(p.ExitCode == 0, $"{exe} {string.Join(' ', args)} exited with {p.ExitCode}:\n{output}");
        return output;
    }
}
