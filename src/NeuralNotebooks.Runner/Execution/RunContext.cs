using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>The state of one notebook run that display() and the console router need: which cell is running.</summary>
/// <remarks>It flows with the async context (<see cref="AsyncLocal{T}"/>) into the cell's thread and the tasks it starts.</remarks>
public sealed class RunContext
{
    private static readonly AsyncLocal<RunContext?> CurrentContext = new();
    private int _nextDisplayId;

    internal RunContext(string notebookPath) => NotebookPath = notebookPath;

    /// <summary>The run of the calling code, or null outside a notebook.</summary>
    public static RunContext? Current => CurrentContext.Value;

    /// <summary>The notebook being run.</summary>
    public string NotebookPath { get; }

    /// <summary>The 1-based number of the running cell (0 before the first).</summary>
    public int CellNumber { get; internal set; }

    internal CellOutputs? CurrentCell { get; set; }

    internal static void Set(RunContext? context) => CurrentContext.Value = context;

    /// <summary>Shows <paramref name="value"/> in the running cell's outputs (display_data) and returns its handle.</summary>
    /// <exception cref="InvalidOperationException">No cell is running.</exception>
    public DisplayedValue Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var cell = CurrentCell ?? throw new InvalidOperationException("display() was called outside a running notebook cell.");
        var id = $"display-{Interlocked.Increment(ref _nextDisplayId)}";
        var output = NotebookOutput.Display(OutputFormatter.Format(value, mimeTypes), displayId: id);
        cell.Add(output);
        return new DisplayedValue(id, mimeTypes.ToArray(), output, cell);
    }

    /// <summary>The context of the calling code.</summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook run.</exception>
    public static RunContext Require() =>
        Current ?? throw new InvalidOperationException("display() works only inside a notebook run by the NeuralNotebooks runner.");
}
