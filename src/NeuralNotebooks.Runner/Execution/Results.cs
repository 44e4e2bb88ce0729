using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>What happened to a code cell.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end without an exception.</summary>
    Succeeded,
    /// <summary>Did not compile, a <c>#r</c> could not be resolved, or it threw.</summary>
    Failed,
    /// <summary>Did not finish within the per-cell timeout; the notebook was stopped.</summary>
    TimedOut,
    /// <summary>Another language (F#, PowerShell…), an unsupported magic command, or empty.</summary>
    Skipped,
    /// <summary>Not run because an earlier cell failed or timed out.</summary>
    NotRun,
}

/// <summary>The outcome of one code cell.</summary>
/// <param name="Number">1-based position of the cell in the notebook (markdown cells count too).</param>
/// <param name="Id">The nbformat cell id.</param>
/// <param name="FirstLine">The first non-blank line of its source.</param>
/// <param name="Status">What happened.</param>
/// <param name="Elapsed">Wall-clock time, compilation included.</param>
/// <param name="Message">For failures: the error (naming the cell and line); for skipped cells: why.</param>
public sealed record CellRunResult(int Number, string? Id, string FirstLine, CellStatus Status, TimeSpan Elapsed, string? Message);

/// <summary>One <see cref="NeuralNotebooks.Checks.Check"/> made by a notebook.</summary>
/// <param name="Notebook">The notebook file.</param>
/// <param name="Cell">1-based cell number.</param>
/// <param name="Name">The check's name.</param>
/// <param name="Value">The measured value, as text.</param>
/// <param name="Bound">The expectation, as text (e.g. "≥ 0.9").</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Duration">Time since the previous check of the run (or since the run began).</param>
public sealed record CheckRecord(string Notebook, int Cell, string Name, string Value, string Bound, bool Passed, TimeSpan Duration);

/// <summary>Progress of a run, one event as each code cell starts and ends.</summary>
/// <param name="Notebook">The notebook file.</param>
/// <param name="Number">1-based cell number.</param>
/// <param name="Count">Number of cells in the notebook.</param>
/// <param name="FirstLine">The cell's first line.</param>
/// <param name="Result">Null when the cell starts; its outcome when it ends.</param>
public sealed record CellProgress(string Notebook, int Number, int Count, string FirstLine, CellRunResult? Result);

/// <summary>The outcome of running one notebook.</summary>
public sealed class NotebookRunResult
{
    internal NotebookRunResult(string path, Notebook? notebook) { Path = path; Notebook = notebook; }

    /// <summary>The notebook file.</summary>
    public string Path { get; }

    /// <summary>The notebook with its new outputs (null when it could not be read).</summary>
    public Notebook? Notebook { get; }

    /// <summary>A problem with the notebook as a whole (missing, malformed…), naming the file; null otherwise.</summary>
    public string? Error { get; internal set; }

    /// <summary>The code cells, in order.</summary>
    public List<CellRunResult> Cells { get; } = new();

    /// <summary>The checks the notebook made, in order.</summary>
    public List<CheckRecord> Checks { get; } = new();

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>True when the notebook was read, no cell failed or timed out, and every check passed.</summary>
    public bool Passed => Error is null && Cells.All(c => c.Status is not (CellStatus.Failed or CellStatus.TimedOut)) && Checks.All(c => c.Passed);

    /// <summary>The first failure as text (the notebook error, a failed cell, or a failed check), or null.</summary>
    public string? FirstFailure
    {
        get
        {
            if (Error is not null) return Error;
            if (Cells.FirstOrDefault(c => c.Status is CellStatus.Failed or CellStatus.TimedOut) is { } cell) return cell.Message;
            return Checks.FirstOrDefault(c => !c.Passed) is { } check
                ? $"{Path}: cell {check.Cell}: check failed: {check.Name}: {check.Value} {check.Bound}"
                : null;
        }
    }
}
