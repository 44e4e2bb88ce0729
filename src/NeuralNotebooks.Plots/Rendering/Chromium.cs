using System.Diagnostics;
using System.Text;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>
/// Headless Chromium, used to take pictures of charts (<see cref="Plot.SavePng"/>) and to check what a browser draws.
/// </summary>
/// <remarks>
/// <para>Looked for, in order: the <see cref="PathVariable"/> environment variable, <c>/usr/bin/chromium</c>,
/// <c>/usr/bin/chromium-browser</c>, <c>/usr/bin/google-chrome</c>, <c>/usr/bin/google-chrome-stable</c>, then
/// <c>chromium</c>/<c>google-chrome</c> on PATH (and the usual Windows/macOS install folders). When
/// <see cref="PathVariable"/> is set it is the only place looked at: a setting that names no file means "no Chromium"
/// (so <c>NEURALNOTEBOOKS_CHROMIUM=none</c> hides an installed one, e.g. to see the tests' skip messages).</para>
/// <para>Each run uses a new empty profile directory (deleted afterwards), no network services, and
/// <c>--virtual-time-budget</c> so the page's scripts finish drawing before the picture or DOM is taken.</para>
/// </remarks>
public static class Chromium
{
    /// <summary>Environment variable that may name the Chromium/Chrome executable.</summary>
    public const string PathVariable = "NEURALNOTEBOOKS_CHROMIUM";

    /// <summary>Virtual time, in milliseconds, granted to a page's scripts before the snapshot.</summary>
    public static int VirtualTimeBudgetMs { get; set; } = 5000;

    /// <summary>Wall-clock limit for one Chromium run.</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(90);

    private static readonly string[] Candidates =
    {
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    };

    private static readonly AsyncLocal<IReadOnlyList<string>?> SearchOverrideHere = new();

    /// <summary>Test seam: when set, the only places searched (no defaults, no PATH) — on this thread and the async code
    /// it starts, so a test with a fake browser does not change what tests running beside it find.</summary>
    internal static IReadOnlyList<string>? SearchOverride
    {
        get => SearchOverrideHere.Value;
        set => SearchOverrideHere.Value = value;
    }

    /// <summary>The executable that would be used, or null when none is installed.</summary>
    public static string? FindExecutable() => Search().Found;

    /// <summary>True when a Chromium/Chrome executable is available.</summary>
    public static bool IsAvailable => FindExecutable() is not null;

    private static (string? Found, List<string> Searched) Search()
    {
        var searched = new List<string>();
        if (SearchOverride is { } only)
        {
            searched.AddRange(only);
            return (only.FirstOrDefault(File.Exists), searched);
        }
        string? env = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            searched.Add($"${PathVariable}={env}");
            return (File.Exists(env) ? env : null, searched);
        }
        foreach (var c in Candidates)
        {
            searched.Add(c);
            if (File.Exists(c)) return (c, searched);
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "chrome" })
            {
                string p = Path.Combine(dir, name);
                if (File.Exists(p)) return (p, searched);
            }
        searched.Add("chromium/google-chrome on PATH");
        return (null, searched);
    }

    internal static void CheckSize(int width, int height)
    {
        if (width is < 50 or > 8000) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be in [50, 8000] pixels.");
        if (height is < 50 or > 8000) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be in [50, 8000] pixels.");
    }

    /// <summary>Renders the HTML page <paramref name="html"/> at <paramref name="width"/> × <paramref name="height"/> and saves a PNG.</summary>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed.</exception>
    /// <exception cref="InvalidOperationException">Chromium failed or wrote no picture; the message has its output.</exception>
    public static void Screenshot(string html, string pngPath, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (string.IsNullOrWhiteSpace(pngPath)) throw new ArgumentException($"pngPath must name a file, got '{pngPath}'.", nameof(pngPath));
        CheckSize(width, height);
        string work = NewWorkDir();
        try
        {
            string page = Path.Combine(work, "page.html");
            File.WriteAllText(page, html, new UTF8Encoding(false));
            string shot = Path.Combine(work, "shot.png");
            Run(work, VirtualTimeBudgetMs, $"--screenshot={shot}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);
            if (!File.Exists(shot) || new FileInfo(shot).Length == 0)
                throw new InvalidOperationException($"Chromium ran but wrote no picture for {pngPath}.");
            AtomicFile.WriteAllBytes(pngPath, File.ReadAllBytes(shot));
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>Loads the HTML page <paramref name="html"/>, lets its scripts run, and returns the resulting DOM as HTML.</summary>
    /// <param name="html">The page.</param>
    /// <param name="virtualTimeBudgetMs">Virtual time granted to its scripts; default <see cref="VirtualTimeBudgetMs"/>.
    /// Idle time costs nothing: Chromium skips ahead, so a generous budget only matters for a page that keeps working.</param>
    /// <exception cref="ChromiumNotFoundException">No Chromium is installed.</exception>
    public static string DumpDom(string html, int? virtualTimeBudgetMs = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        string work = NewWorkDir();
        try
        {
            string page = Path.Combine(work, "page.html");
            File.WriteAllText(page, html, new UTF8Encoding(false));
            return Run(work, virtualTimeBudgetMs ?? VirtualTimeBudgetMs, "--dump-dom", "--window-size=1000,800", new Uri(page).AbsoluteUri);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static string Run(string work, int virtualTimeBudgetMs, params string[] args)
    {
        var (exe, searched) = Search();
        if (exe is null) throw new ChromiumNotFoundException(searched);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--mute-audio", "--force-device-scale-factor=1", $"--user-data-dir={Path.Combine(work, "profile")}",
            $"--virtual-time-budget={virtualTimeBudgetMs}",
        }.Concat(args)) psi.ArgumentList.Add(a);

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}.");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new InvalidOperationException($"Chromium ({exe}) did not finish within {Timeout.TotalSeconds:0} s.");
        }
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"Chromium ({exe}) exited with code {p.ExitCode}: {Tail(stderr.Result)}");
        return stdout.Result;
    }

    private static string Tail(string s) => s.Length <= 2000 ? s : s[^2000..];

    private static string NewWorkDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "neuralnotebooks-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
