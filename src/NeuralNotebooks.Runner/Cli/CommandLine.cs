using System.Globalization;
using NeuralNotebooks.Execution.Hosting;
using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Runner.Export;
using NeuralNotebooks.Runner.Notebooks;
using NeuralNotebooks.Runner.Reports;

namespace NeuralNotebooks.Runner.Cli;

/// <summary>The command line of the notebook runner.</summary>
/// <remarks>
/// <code>
/// run &lt;notebooks or folders…&gt; [--report file.json] [--timeout seconds] [--write [--output dir]]
/// export-html &lt;notebooks or folders…&gt; --output dir [--run] [--timeout seconds]
/// export-cs &lt;notebooks or folders…&gt; --output dir
/// </code>
/// Exit code 0: everything passed; 1: a notebook failed (error, failed check, timeout, bad file); 2: bad command line.
/// </remarks>
public static class CommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        NeuralNotebooks notebook runner — runs, checks and exports the .ipynb lessons without .NET Interactive.

        usage:
          run <notebooks or folders…> [--report file.json] [--timeout seconds] [--write [--output dir]]
              Run every C# cell in order in one session per notebook; print each cell, the checks and a summary.
              --report   also write a JSON report (cells, checks, timings)
              --timeout  per-cell limit in seconds (default 600); a cell over it stops its notebook
              --write    save the outputs into the notebook (nbformat 4.5), or into --output dir;
                         each chart is saved as plotly JSON plus a PNG picture (needs Chromium)
          export-html <notebooks or folders…> --output dir [--run] [--timeout seconds]
              Write a static offline course: one page per notebook and index.html (--run: execute first).
          export-cs <notebooks or folders…> --output dir
              Write each notebook as a .NET file-based app (dotnet run lesson.cs).

        A folder means the *.ipynb files in it, in name order. Exit code: 0 all passed, 1 something failed, 2 bad usage.
        """;

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ConsoleRouter.Install();
        output ??= ConsoleRouter.OriginalOut;
        error ??= ConsoleRouter.OriginalError;
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h" or "-?")
            {
                output.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            var parsed = ParsedArgs.Parse(args.Skip(1).ToArray());
            var notebooks = ExpandNotebooks(parsed.Paths);
            return args[0] switch
            {
                "run" => await RunCommandAsync(notebooks, parsed, output).ConfigureAwait(false),
                "export-html" => await ExportHtmlAsync(notebooks, parsed, output, error).ConfigureAwait(false),
                "export-cs" => ExportCs(notebooks, parsed, output, error),
                _ => throw new UsageException($"unknown command \"{args[0]}\"."),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine();
            error.WriteLine(Usage);
            return 2;
        }
    }

    private static async Task<int> RunCommandAsync(IReadOnlyList<string> notebooks, ParsedArgs args, TextWriter output)
    {
        if (args.Output is not null && !args.Write) throw new UsageException("--output is only used with --write.");
        var engine = new NotebookEngine(new NotebookRunOptions { CellTimeout = args.Timeout });
        engine.Progress += (_, p) => PrintProgress(output, p);
        var results = new List<NotebookRunResult>();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var notes = new List<string>();
        foreach (var path in notebooks)
        {
            output.WriteLine($"▶ {path}");
            var result = await engine.RunFileAsync(path).ConfigureAwait(false);
            results.Add(result);
            if (result.Error is not null) output.WriteLine($"  error: {result.Error}");
            if (args.Write && result.Notebook is not null)
            {
                var target = args.Output is null ? path : Path.Combine(args.Output, Path.GetFileName(path));
                var charts = SavedCharts.AddPictures(result.Notebook, SavedBefore(target));
                if (charts.Charts > 0) output.WriteLine($"  {charts.Describe()}");
                if (charts.Problem is not null) notes.Add($"{target}: {charts.Describe()}");
                NotebookWriter.Write(result.Notebook, target);
                output.WriteLine($"  saved {target}");
            }
        }
        output.WriteLine();
        output.Write(RunReport.Summary(results, wall.Elapsed));
        foreach (var note in notes) output.WriteLine($"note: {note}");
        if (args.Report is not null)
        {
            RunReport.Write(results, args.Report);
            output.WriteLine($"report: {args.Report}");
        }
        return results.All(r => r.Passed) ? 0 : 1;
    }

    /// <summary>The notebook as it is saved at <paramref name="path"/> now, or null (none yet, or unreadable).</summary>
    private static Notebook? SavedBefore(string path)
    {
        if (!File.Exists(path)) return null;
        try { return NotebookReader.Read(path); }
        catch (NotebookFormatException) { return null; }
    }

    private static void PrintProgress(TextWriter output, CellProgress p)
    {
        if (p.Result is null) return;
        var line = p.FirstLine.Length > 48 ? p.FirstLine[..47] + "…" : p.FirstLine;
        var status = p.Result.Status switch
        {
            CellStatus.Succeeded => "ok",
            CellStatus.Failed => "FAILED",
            CellStatus.TimedOut => "TIMED OUT",
            _ => p.Result.Status.ToString().ToLowerInvariant(),
        };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  cell {p.Number,3}/{p.Count,-3} {line,-48} {p.Result.Elapsed.TotalSeconds,7:0.00} s  {status}"));
        if (p.Result.Status is CellStatus.Failed or CellStatus.TimedOut && p.Result.Message is { } m)
            output.WriteLine("    " + m.Replace("\n", "\n    "));
    }

    private static async Task<int> ExportHtmlAsync(IReadOnlyList<string> notebooks, ParsedArgs args, TextWriter output, TextWriter error)
    {
        var outputDir = args.Output ?? throw new UsageException("export-html needs --output dir.");
        var loaded = new List<(string, Notebook)>();
        bool ok = true;
        var engine = args.Run ? new NotebookEngine(new NotebookRunOptions { CellTimeout = args.Timeout }) : null;
        foreach (var path in notebooks)
        {
            if (engine is not null)
            {
                var result = await engine.RunFileAsync(path).ConfigureAwait(false);
                ok &= result.Passed;
                if (result.FirstFailure is { } f) error.WriteLine($"error: {f}");
                if (result.Notebook is not null) loaded.Add((path, result.Notebook));
                continue;
            }
            try { loaded.Add((path, NotebookReader.Read(path))); }
            catch (NotebookFormatException e) { error.WriteLine($"error: {e.Message}"); ok = false; }
        }
        var pages = HtmlExporter.Export(loaded, outputDir);
        foreach (var p in pages) output.WriteLine($"wrote {p.Page}");
        output.WriteLine($"wrote {Path.Combine(outputDir, "index.html")}");
        return ok ? 0 : 1;
    }

    private static int ExportCs(IReadOnlyList<string> notebooks, ParsedArgs args, TextWriter output, TextWriter error)
    {
        var outputDir = args.Output ?? throw new UsageException("export-cs needs --output dir.");
        bool ok = true;
        foreach (var path in notebooks)
        {
            try
            {
                output.WriteLine($"wrote {FileAppExporter.Export(NotebookReader.Read(path), path, outputDir)}");
            }
            catch (Exception e) when (e is NotebookFormatException or InvalidOperationException)
            {
                error.WriteLine($"error: {e.Message}");
                ok = false;
            }
        }
        return ok ? 0 : 1;
    }

    /// <summary>Expands folders into their *.ipynb files (name order); keeps files as given.</summary>
    /// <exception cref="UsageException">No path given.</exception>
    public static IReadOnlyList<string> ExpandNotebooks(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new UsageException("no notebooks or folders given.");
        var result = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var files = Directory.GetFiles(p, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) throw new UsageException($"folder {p} holds no .ipynb notebook.");
                result.AddRange(files);
            }
            else result.Add(p); // a missing file is reported by the reader, naming it
        }
        return result;
    }

    /// <summary>A command-line mistake; shown with the usage text, exit code 2.</summary>
    public sealed class UsageException(string message) : Exception(message);

    private sealed class ParsedArgs
    {
        public List<string> Paths { get; } = new();
        public string? Report { get; private set; }
        public string? Output { get; private set; }
        public bool Write { get; private set; }
        public bool Run { get; private set; }
        public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(600);

        public static ParsedArgs Parse(string[] args)
        {
            var p = new ParsedArgs();
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--report": p.Report = Value(); break;
                    case "--output" or "-o": p.Output = Value(); break;
                    case "--write": p.Write = true; break;
                    case "--run": p.Run = true; break;
                    case "--timeout":
                        var text = Value();
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !(s > 0) || double.IsInfinity(s))
                            throw new UsageException($"--timeout must be a number of seconds > 0 (was \"{text}\").");
                        p.Timeout = TimeSpan.FromSeconds(s);
                        break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"unknown option {args[i]}.");
                        p.Paths.Add(args[i]);
                        break;
                }
            }
            return p;
        }
    }
}
