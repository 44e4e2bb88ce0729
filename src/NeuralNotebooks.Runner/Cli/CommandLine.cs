using System.Globalization;
using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Runner.Export;
using NeuralNotebooks.Runner.Notebooks;
using NeuralNotebooks.Runner.Reports;
using NeuralNotebooks.Runner.Supervision;

namespace NeuralNotebooks.Runner.Cli;

/// <summary>The command line of the notebook runner.</summary>
/// <remarks>
/// <code>
/// run &lt;notebooks or folders…&gt; [--report file.json] [--timeout seconds] [--write [--output dir]]
/// export-html &lt;notebooks or folders…&gt; --output dir [--run] [--timeout seconds]
/// export-cs &lt;notebooks or folders…&gt; --output dir
/// </code>
/// Exit codes: <see cref="Passed"/> 0, <see cref="Failed"/> 1, <see cref="UsageError"/> 2 (see the runner's README).
/// Notebooks run in a child process (<see cref="NotebookSupervisor"/>), so no cell can end the runner.
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
              --timeout  per-cell limit in seconds (default 600, at most 86400); a cell over it stops its notebook
              --write    save the outputs into the notebook (nbformat 4.5), or into --output dir;
                         each chart is saved as plotly JSON plus a PNG picture (needs Chromium)
          export-html <notebooks or folders…> --output dir [--run] [--timeout seconds]
              Write a static offline course: one page per notebook and index.html (--run: execute first).
          export-cs <notebooks or folders…> --output dir
              Write each notebook as a .NET file-based app (dotnet run lesson.cs).

        A folder means the *.ipynb files in it, in name order. Notebooks run in a child process: a cell that exits,
        overflows its stack or crashes a thread fails alone, and the notebooks after it still run.
        Exit code: 0 all passed; 1 a notebook failed or an output could not be written; 2 bad usage or input
        (nothing ran).
        """;

    /// <summary>Exit code: every notebook ran, every check passed, every file was written.</summary>
    public const int Passed = 0;

    /// <summary>Exit code: a notebook failed (a cell failed, timed out or took its process down, a check failed, the
    /// file was missing or malformed), or an output could not be written.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: a usage or input error found before anything ran (bad option, bad --timeout, two notebooks
    /// that would be written to one file, an output folder that is a file or cannot be written).</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line; returns the process exit code (<see cref="Passed"/>, <see cref="Failed"/>, <see cref="UsageError"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        // Written from the notebook process's readers too: one writer at a time.
        output = TextWriter.Synchronized(output ?? Console.Out);
        error = TextWriter.Synchronized(error ?? Console.Error);
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h" or "-?")
            {
                output.WriteLine(Usage);
                return args.Length == 0 ? UsageError : Passed;
            }
            var parsed = ParsedArgs.Parse(args.Skip(1).ToArray());
            var notebooks = ExpandNotebooks(parsed.Paths);
            return args[0] switch
            {
                "run" => await RunCommandAsync(notebooks, parsed, output, error).ConfigureAwait(false),
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
            return UsageError;
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    private static async Task<int> RunCommandAsync(IReadOnlyList<string> notebooks, ParsedArgs args, TextWriter output, TextWriter error)
    {
        if (args.Output is not null && !args.Write) throw new UsageException("--output is only used with --write.");
        string TargetOf(string path) => args.Output is null ? path : Path.Combine(args.Output, Path.GetFileName(path));
        if (args.Write)
        {
            OutputTargets.RequireDistinct(notebooks.Select(n => (n, TargetOf(n))), "saved");
            if (args.Output is not null) OutputTargets.RequireWritableFolder(args.Output, "--output");
            else foreach (var folder in notebooks.Select(n => Path.GetDirectoryName(Path.GetFullPath(n))!).Distinct(OutputTargets.PathComparer))
                    if (Directory.Exists(folder)) OutputTargets.RequireWritableFolder(folder, "--write");
        }
        if (args.Report is not null) OutputTargets.RequireWritableFile(args.Report, "--report");

        var supervisor = new NotebookSupervisor(new NotebookRunOptions { CellTimeout = args.Timeout });
        supervisor.NotebookStarted += (_, path) => output.WriteLine($"▶ {path}");
        supervisor.Progress += (_, p) => PrintProgress(output, p);
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var notes = new List<string>();
        bool written = true;
        var results = await supervisor.RunAsync(notebooks, output, error, result =>
        {
            if (result.Error is not null) output.WriteLine($"  error: {result.Error}");
            if (!args.Write) return;
            var target = TargetOf(result.Path);
            if (result.Notebook is null)
            {
                output.WriteLine(File.Exists(target) ? $"  not saved: {target} is left as it was" : $"  not saved: {target}");
                return;
            }
            try
            {
                var charts = SavedCharts.AddPictures(result.Notebook, SavedBefore(target));
                if (charts.Charts > 0) output.WriteLine($"  {charts.Describe()}");
                if (charts.Problem is not null) notes.Add($"{target}: {charts.Describe()}");
                NotebookWriter.Write(result.Notebook, target);
                output.WriteLine($"  saved {target}");
            }
            catch (OutputException e)
            {
                error.WriteLine($"error: {e.Message}");
                notes.Add($"not saved: {e.Message}");
                written = false;
            }
        }).ConfigureAwait(false);
        output.WriteLine();
        output.Write(RunReport.Summary(results, wall.Elapsed));
        foreach (var note in notes) output.WriteLine($"note: {note}");
        if (args.Report is not null)
        {
            try
            {
                RunReport.Write(results, args.Report);
                output.WriteLine($"report: {args.Report}");
            }
            catch (OutputException e)
            {
                error.WriteLine($"error: the report was not written: {e.Message}");
                written = false;
            }
        }
        return results.All(r => r.Passed) && written ? Passed : Failed;
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
        OutputTargets.RequireDistinct(notebooks.Select(n => (n, Path.Combine(outputDir, HtmlExporter.PageName(n)))), "exported",
            Path.Combine(outputDir, "index.html"));
        OutputTargets.RequireWritableFolder(outputDir, "--output");
        var loaded = new List<(string, Notebook)>();
        bool ok = true;
        if (args.Run)
        {
            var results = await new NotebookSupervisor(new NotebookRunOptions { CellTimeout = args.Timeout })
                .RunAsync(notebooks, output, error).ConfigureAwait(false);
            foreach (var result in results)
            {
                ok &= result.Passed;
                if (result.FirstFailure is { } f) error.WriteLine($"error: {f}");
                if (result.Notebook is not null) loaded.Add((result.Path, result.Notebook));
            }
        }
        else
        {
            foreach (var path in notebooks)
            {
                try { loaded.Add((path, NotebookReader.Read(path))); }
                catch (NotebookFormatException e) { error.WriteLine($"error: {e.Message}"); ok = false; }
            }
        }
        try
        {
            var pages = HtmlExporter.Export(loaded, outputDir);
            foreach (var p in pages) output.WriteLine($"wrote {p.Page}");
            output.WriteLine($"wrote {Path.Combine(outputDir, "index.html")}");
        }
        catch (OutputException e)
        {
            error.WriteLine($"error: {e.Message}");
            ok = false;
        }
        return ok ? Passed : Failed;
    }

    private static int ExportCs(IReadOnlyList<string> notebooks, ParsedArgs args, TextWriter output, TextWriter error)
    {
        var outputDir = args.Output ?? throw new UsageException("export-cs needs --output dir.");
        OutputTargets.RequireDistinct(notebooks.Select(n => (n, FileAppExporter.AppPath(n, outputDir))), "exported");
        OutputTargets.RequireWritableFolder(outputDir, "--output");
        bool ok = true;
        foreach (var path in notebooks)
        {
            try
            {
                output.WriteLine($"wrote {FileAppExporter.Export(NotebookReader.Read(path), path, outputDir)}");
            }
            catch (Exception e) when (e is NotebookFormatException or InvalidOperationException or OutputException)
            {
                error.WriteLine($"error: {e.Message}");
                ok = false;
            }
        }
        return ok ? Passed : Failed;
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
                        double max = NotebookRunOptions.MaxCellTimeout.TotalSeconds;
                        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !(s > 0) || !(s <= max))
                            throw new UsageException($"--timeout must be a number of seconds > 0 and at most {max:0} (one day) (was \"{text}\").");
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
