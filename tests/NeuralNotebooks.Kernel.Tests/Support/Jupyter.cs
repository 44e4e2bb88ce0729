using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NeuralNotebooks.Kernel.Tests.Support;

/// <summary>
/// Debian's Jupyter client (python3-jupyter-client 7.4.9, python3-nbclient 0.7.2), with our kernel installed by its own
/// <c>install</c> verb into a private JUPYTER_DATA_DIR, so the tests never touch the user's kernels.
/// </summary>
internal static class Jupyter
{
    /// <summary>Debian's interpreter (not a pyenv shim that lacks the Debian packages).</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(() =>
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(Python, "-c \"import nbclient, jupyter_client, nbformat, zmq\"")
                { RedirectStandardError = true, UseShellExecute = false })!;
            if (!p.WaitForExit(30_000)) { p.Kill(); return "python3 did not answer within 30 s"; }
            return p.ExitCode == 0 ? null : p.StandardError.ReadToEnd().Trim();
        }
        catch (Exception e) { return e.Message; }
    });

    /// <summary>Why the client cannot be used here, or null.</summary>
    public static string? Unavailable => Missing.Value;

    private static readonly Lazy<string> DataDir = new(() =>
    {
        var dir = Repo.NewFolder("jupyter-data");
        var r = ChildProcess.RunAsync("dotnet", new[] { Repo.KernelDll, "install" }, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = dir }).GetAwaiter().GetResult();
        if (r.ExitCode != 0) throw new InvalidOperationException($"install failed ({r.ExitCode}): {r.Output}{r.Error}");
        return dir;
    });

    /// <summary>The JUPYTER_DATA_DIR holding our kernelspec (installed once per test run).</summary>
    public static string DataDirectory => DataDir.Value;

    /// <summary>The environment of a Jupyter client process: our data dir, nothing else from the user's Jupyter.</summary>
    public static Dictionary<string, string> Environment() => new()
    {
        ["JUPYTER_DATA_DIR"] = DataDirectory,
        ["JUPYTER_PATH"] = "",
        ["JUPYTER_CONFIG_DIR"] = Repo.NewFolder("jupyter-config"),
        ["JUPYTER_RUNTIME_DIR"] = Repo.NewFolder("jupyter-runtime"),
        ["PYTHONDONTWRITEBYTECODE"] = "1",
    };

    /// <summary>Runs one of Clients/*.py and parses the JSON line it prints last.</summary>
    public static async Task<JsonObject> RunClientAsync(string script, TimeSpan limit, params string[] arguments)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Clients", script);
        var r = await ChildProcess.RunAsync(Python, new[] { path }.Concat(arguments), limit, Environment());
        var last = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (r.ExitCode != 0 || last is null || !last.TrimStart().StartsWith('{'))
            throw new InvalidOperationException($"{script} failed (exit {r.ExitCode}).\nstdout:\n{r.Output}\nstderr:\n{r.Error}");
        return JsonNode.Parse(last)!.AsObject();
    }

    /// <summary>True when the environment variable CI is "true": there the client must be installed and the tests run.</summary>
    public static bool IsCi => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A test driven by Debian's Jupyter client: SKIPPED, with the reason, where that client is not installed (never under CI).</summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the client is missing outside CI.</summary>
    public JupyterFactAttribute() => Skip = Jupyter.Unavailable is { } why && !Jupyter.IsCi
        ? "SKIPPED because Debian's Jupyter client is not installed (apt-get install python3-nbclient python3-jupyter-client): " + why
        : null;
}

/// <summary>The theory counterpart of <see cref="JupyterFactAttribute"/>.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the client is missing outside CI.</summary>
    public JupyterTheoryAttribute() => Skip = Jupyter.Unavailable is { } why && !Jupyter.IsCi
        ? "SKIPPED because Debian's Jupyter client is not installed (apt-get install python3-nbclient python3-jupyter-client): " + why
        : null;
}
