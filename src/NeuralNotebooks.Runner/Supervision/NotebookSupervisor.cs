using System.Diagnostics;
using System.IO.Pipes;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Supervision;

/// <summary>
/// Runs notebooks in a child process (<see cref="NotebookWorker"/>) and watches it, so that no cell can take the
/// runner down: a cell that calls <c>Environment.Exit</c>, overflows its stack, or throws on a thread of its own ends
/// only the child; it is reported as that cell's failure, and the notebooks after it run in a new child.
/// </summary>
/// <remarks>
/// <para>One child runs all the notebooks, one after the other, as the runner did in its own process before; so the
/// compiler warms up once per run, not once per notebook. A new child is started only after one died.</para>
/// <para>The child reports every cell's start and end, every check, and each finished notebook with its outputs, on a pipe
/// of its own (its stdout and stderr stay the cells' background console output, passed on to <c>output</c> and
/// <c>error</c>). If it dies, the cell it was running fails with the reason: the child's last word (<c>Environment.Exit</c>,
/// an exception on a cell's thread), .NET's "Stack overflow." on its stderr, or its exit code. The notebook's checks
/// made so far are kept; its outputs are lost, so it is not saved.</para>
/// <para>A child that says nothing for longer than the cell timeout plus <see cref="SilenceMargin"/> is killed and
/// reported the same way: the runner never hangs on a notebook.</para>
/// </remarks>
public sealed class NotebookSupervisor
{
    /// <summary>How much longer than the cell timeout the child may stay silent (compiling, loading a library, saving).</summary>
    public static readonly TimeSpan SilenceMargin = TimeSpan.FromMinutes(2);

    private readonly NotebookRunOptions _options;

    /// <summary>Creates a supervisor that runs cells with <paramref name="options"/>.</summary>
    public NotebookSupervisor(NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
        _ = new NotebookEngine(_options); // validates the options here, in the caller's process
    }

    /// <summary>Raised as each notebook starts (its path).</summary>
    public event EventHandler<string>? NotebookStarted;

    /// <summary>Raised as each code cell starts (Result null) and ends.</summary>
    public event EventHandler<CellProgress>? Progress;

    /// <summary>Runs <paramref name="paths"/> in order; <paramref name="finished"/> is called with each result as soon
    /// as its notebook ends (before the next one's first cell is reported).</summary>
    /// <param name="paths">The notebooks.</param>
    /// <param name="output">Receives what cells' background threads print to stdout.</param>
    /// <param name="error">Receives what they print to stderr (and a dying child's last words).</param>
    /// <param name="finished">Called once per notebook, in order.</param>
    public async Task<IReadOnlyList<NotebookRunResult>> RunAsync(IReadOnlyList<string> paths, TextWriter output, TextWriter error,
        Action<NotebookRunResult>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = new List<NotebookRunResult>();
        while (results.Count < paths.Count)
        {
            var batch = paths.Skip(results.Count).ToList();
            int before = results.Count;
            await RunWorkerAsync(batch, output, error, r => { results.Add(r); finished?.Invoke(r); }).ConfigureAwait(false);
            if (results.Count == before) throw new InvalidOperationException("the notebook worker ended without a result."); // RunWorkerAsync always gives one
        }
        return results;
    }

    /// <summary>One child for <paramref name="paths"/>: gives a result for every notebook it finished, and one for the
    /// notebook it died in (if it did).</summary>
    private async Task RunWorkerAsync(List<string> paths, TextWriter output, TextWriter error, Action<NotebookRunResult> finished)
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        var start = WorkerLaunch.StartInfo();
        start.ArgumentList.Add(NotebookWorker.Command);
        start.ArgumentList.Add(pipe.GetClientHandleAsString());
        start.ArgumentList.Add(_options.CellTimeout.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var p in paths) start.ArgumentList.Add(p);
        var stderrTail = new StderrTail();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            stderrTail.Add(e.Data);
            error.WriteLine(e.Data);
        };
        var current = new Current();
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            finished(new NotebookRunResult(paths[0], null) { Error = $"{paths[0]}: could not start the notebook process {start.FileName}: {e.Message}" });
            return;
        }
        pipe.DisposeLocalCopyOfClientHandle();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string? lastWords = null;
        bool bye = false, silent = false;
        int done = 0;
        using var reader = new StreamReader(pipe, System.Text.Encoding.UTF8);
        var silence = _options.CellTimeout + SilenceMargin;
        try
        {
            while (true)
            {
                using var watchdog = new CancellationTokenSource(silence);
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(watchdog.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    silent = true;
                    break;
                }
                if (line is null) break; // the child closed the pipe: it ended
                JsonNode message;
                try { message = JsonNode.Parse(line)!; }
                catch (JsonException) { break; } // a torn last line: the child died while writing it
                switch ((string?)message["t"])
                {
                    case "notebook":
                        current.Begin(paths[message["index"]!.GetValue<int>()]);
                        NotebookStarted?.Invoke(this, current.Path!);
                        break;
                    case "cell":
                        current.Running = new CellProgress(current.Path!, message["number"]!.GetValue<int>(), message["count"]!.GetValue<int>(), (string)message["firstLine"]!, null);
                        Progress?.Invoke(this, current.Running);
                        break;
                    case "cellEnd":
                        var cell = WorkerMessages.Cell(message["cell"]!);
                        current.Cells.Add(cell);
                        var running = current.Running;
                        current.Running = null;
                        Progress?.Invoke(this, new CellProgress(current.Path!, cell.Number, running?.Count ?? 0, cell.FirstLine, cell));
                        break;
                    case "check":
                        current.Checks.Add(WorkerMessages.Check(message["check"]!));
                        break;
                    case "done":
                        finished(Done(paths[message["index"]!.GetValue<int>()], message));
                        current.End();
                        done++;
                        break;
                    case "fatal":
                        lastWords ??= (string?)message["message"];
                        break;
                    case "bye":
                        bye = true;
                        break;
                }
                if (bye) break;
            }
        }
        finally
        {
            if (!process.WaitForExit(silent ? 0 : 10_000)) TryKill(process);
            process.WaitForExit(); // lets the stdout/stderr readers finish
        }
        if (bye || (current.Path is null && done == paths.Count)) return; // (dying after its last notebook loses nothing)
        // The child died (or went silent) inside a notebook, or before it started the next one.
        var path = current.Path ?? paths[done];
        var reason = silent
            ? $"the notebook's process said nothing for {silence.TotalSeconds:0} s and was stopped"
            : $"the notebook's process ended: {lastWords ?? stderrTail.Reason(process.ExitCode)}";
        var result = new NotebookRunResult(path, null) { Elapsed = current.Watch.Elapsed };
        result.Cells.AddRange(current.Cells);
        result.Checks.AddRange(current.Checks);
        if (current.Running is { } r)
        {
            var failed = new CellRunResult(r.Number, null, r.FirstLine, CellStatus.Failed, current.CellWatch.Elapsed,
                $"{path}: cell {r.Number}: {reason}; the notebook was stopped (not saved: its outputs were in that process).");
            result.Cells.Add(failed);
            Progress?.Invoke(this, r with { Result = failed });
        }
        else result.Error = $"{path}: {reason} (not saved: its outputs were in that process).";
        finished(result);
    }

    private static NotebookRunResult Done(string path, JsonNode message)
    {
        var r = message["result"]!;
        Notebook? notebook = message["ipynb"] is JsonValue v && v.TryGetValue<string>(out var ipynb) ? NotebookReader.Parse(ipynb, path) : null;
        var result = new NotebookRunResult(path, notebook)
        {
            Error = (string?)r["error"],
            Elapsed = TimeSpan.FromTicks(r["ticks"]!.GetValue<long>()),
        };
        result.Cells.AddRange(r["cells"]!.AsArray().Select(c => WorkerMessages.Cell(c!)));
        result.Checks.AddRange(r["checks"]!.AsArray().Select(c => WorkerMessages.Check(c!)));
        return result;
    }

    private static void TryKill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // it ended meanwhile
    }

    /// <summary>The notebook the child is in, as far as its messages told.</summary>
    private sealed class Current
    {
        public string? Path { get; private set; }
        public List<CellRunResult> Cells { get; } = new();
        public List<CheckRecord> Checks { get; } = new();
        public Stopwatch Watch { get; } = new();
        public Stopwatch CellWatch { get; } = new();
        private CellProgress? _running;

        public CellProgress? Running
        {
            get => _running;
            set { _running = value; if (value is not null) CellWatch.Restart(); }
        }

        public void Begin(string path)
        {
            Path = path;
            Cells.Clear();
            Checks.Clear();
            Running = null;
            Watch.Restart();
        }

        public void End()
        {
            Path = null;
            Running = null;
        }
    }

    /// <summary>The child's last lines on stderr, to say how it died.</summary>
    private sealed class StderrTail
    {
        private readonly Queue<string> _lines = new();

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 200) _lines.Dequeue();
            }
        }

        public string Reason(int exitCode)
        {
            string[] lines;
            lock (_lines) lines = _lines.ToArray();
            if (lines.Any(l => l.StartsWith("Stack overflow.", StringComparison.Ordinal)))
                return "stack overflow (a recursion too deep for the cell's 64 MB stack; .NET cannot recover from it)";
            if (lines.FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal)) is { } unhandled)
                return unhandled["Unhandled exception.".Length..].Trim();
            if (lines.FirstOrDefault(l => l.StartsWith("Process terminated.", StringComparison.Ordinal)) is { } failFast)
                return failFast.Trim(); // Environment.FailFast
            return $"exit code {exitCode}";
        }
    }
}
