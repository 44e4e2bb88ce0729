using System.Diagnostics;
using NeuralNotebooks.Checks;
using NeuralNotebooks.Execution.Sessions;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>
/// Runs a notebook's C# cells in order in one <see cref="ScriptSession"/> (the engine the kernel uses too), and fills in
/// their outputs.
/// </summary>
/// <remarks>
/// <para>What a cell sees and how it runs is the session's business (see <see cref="ScriptSession"/>): offline <c>#r</c>,
/// <c>display()</c>/<c>Update</c>, console output as streams, a trailing expression as execute_result, an error output naming
/// the cell and line. This class walks the notebook: skips markdown and other languages, numbers the cells, records checks.</para>
/// <para>The first failing cell stops the notebook (later cells are <see cref="CellStatus.NotRun"/>), like "run all".
/// A cell running longer than <see cref="NotebookRunOptions.CellTimeout"/> is interrupted, reported, and stops the notebook.</para>
/// <para>Every <see cref="Check"/> a cell makes is recorded; a failed check fails the run but does not stop it.</para>
/// </remarks>
public sealed class NotebookEngine
{
    private readonly NotebookRunOptions _options;

    /// <summary>Creates an engine.</summary>
    public NotebookEngine(NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
        if (_options.CellTimeout <= TimeSpan.Zero || _options.CellTimeout > NotebookRunOptions.MaxCellTimeout)
            throw new ArgumentOutOfRangeException(nameof(options), _options.CellTimeout, $"CellTimeout must be > 0 and at most {NotebookRunOptions.MaxCellTimeout.TotalSeconds} s.");
    }

    /// <summary>Raised as each code cell starts (Result null) and ends.</summary>
    public event EventHandler<CellProgress>? Progress;

    /// <summary>Raised as a cell makes a check (on the thread that made it).</summary>
    public event EventHandler<CheckRecord>? Checked;

    /// <summary>Reads and runs the notebook at <paramref name="path"/>; a missing or malformed file gives a result with <see cref="NotebookRunResult.Error"/>.</summary>
    public async Task<NotebookRunResult> RunFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Notebook notebook;
        try
        {
            notebook = NotebookReader.Read(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookRunResult(path, null) { Error = e.Message };
        }
        return await RunAsync(notebook, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="notebook"/> (from <paramref name="path"/>, whose folder relative <c>#r</c> paths start from), replacing its outputs.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var result = new NotebookRunResult(path, notebook);
        var total = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(path);
        var session = new ScriptSession(new SessionOptions
        {
            NotebookDirectory = Path.GetDirectoryName(fullPath)!,
            Catalog = _options.Catalog,
            CellTimeout = _options.CellTimeout,
        });
        var outputs = new NotebookOutputs();
        int cellNumber = 0;
        using var scope = Check.BeginScope();
        void OnCheck(object? sender, CheckResult r)
        {
            if (!ReferenceEquals(Check.CurrentScope, scope)) return;
            var record = new CheckRecord(path, cellNumber, r.Name, r.Value, r.Bound, r.Passed, r.Duration);
            lock (result.Checks) result.Checks.Add(record);
            Checked?.Invoke(this, record);
        }
        Check.Completed += OnCheck;
        try
        {
            int executionCount = 0;
            bool stopped = false;
            string defaultKernel = notebook.DefaultKernelName;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                if (!cell.IsCode) continue;
                int number = i + 1;
                if (stopped)
                {
                    result.Cells.Add(new CellRunResult(number, cell.Id, cell.FirstLine, CellStatus.NotRun, TimeSpan.Zero, "an earlier cell failed"));
                    continue;
                }
                var code = CellCode.Prepare(cell, defaultKernel, out var skipReason);
                if (code is null || string.IsNullOrWhiteSpace(code))
                {
                    result.Cells.Add(new CellRunResult(number, cell.Id, cell.FirstLine, CellStatus.Skipped, TimeSpan.Zero, skipReason ?? "empty cell"));
                    continue;
                }
                Progress?.Invoke(this, new CellProgress(path, number, notebook.Cells.Count, cell.FirstLine, null));
                cell.ExecutionCount = ++executionCount;
                cell.Outputs.Clear();
                cellNumber = number;
                outputs.BeginCell(cell.Outputs);
                var watch = Stopwatch.StartNew();
                var submission = new CellSubmission(code, $"cell {number}", CellFilePath(fullPath, number), executionCount);
                var outcome = await session.ExecuteAsync(submission, outputs, cancellationToken).ConfigureAwait(false);
                outputs.EndCell();
                watch.Stop();
                var cellResult = new CellRunResult(number, cell.Id, cell.FirstLine, StatusOf(outcome), watch.Elapsed, MessageOf(outcome, path));
                result.Cells.Add(cellResult);
                Progress?.Invoke(this, new CellProgress(path, number, notebook.Cells.Count, cell.FirstLine, cellResult));
                if (cellResult.Status is CellStatus.Failed or CellStatus.TimedOut) stopped = true;
            }
        }
        finally
        {
            outputs.Close(); // a thread the notebook left behind can no longer change what is saved
            Check.Completed -= OnCheck;
            total.Stop();
            result.Elapsed = total.Elapsed;
        }
        return result;
    }

    /// <summary>The file name a cell's code gets (shows in stack traces): "…/lesson.ipynb#cell3".</summary>
    public static string CellFilePath(string notebookFullPath, int cellNumber) => $"{notebookFullPath}#cell{cellNumber}";

    private static CellStatus StatusOf(CellOutcome outcome) => outcome.Status switch
    {
        CellOutcomeStatus.Succeeded => CellStatus.Succeeded,
        CellOutcomeStatus.TimedOut => CellStatus.TimedOut,
        _ => CellStatus.Failed,
    };

    /// <summary>The error's first line, prefixed with the notebook ("lesson.ipynb: cell 3, line 2: …").</summary>
    private static string? MessageOf(CellOutcome outcome, string path)
    {
        if (outcome.Error is not { } error) return null;
        var message = $"{path}: {error.Summary}";
        if (error.EName == "CompilationError" && error.Traceback.Count > 1) message += $" (and {error.Traceback.Count - 1} more)";
        if (outcome.Status == CellOutcomeStatus.TimedOut) message += "; the notebook was stopped.";
        return message;
    }
}
