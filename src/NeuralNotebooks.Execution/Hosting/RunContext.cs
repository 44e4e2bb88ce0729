using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Hosting;

/// <summary>What <c>display()</c>, <c>Console</c> and <c>Update</c> need while a session runs: the sink of the running cell.</summary>
/// <remarks>
/// <para>One per <see cref="Sessions.ScriptSession"/>. Each running cell gets a <see cref="CellScope"/> that flows with the
/// async context (<see cref="AsyncLocal{T}"/>) into the cell's thread and the tasks it starts, so several sessions can
/// run at once in one process.</para>
/// <para>A scope is closed when its cell ends: a thread the cell left behind (an abandoned cell, a forgotten
/// <c>Task.Run</c>) then writes to the process's console, never into a later cell.</para>
/// </remarks>
public sealed class RunContext
{
    private static readonly AsyncLocal<CellScope?> CurrentScope = new();
    private readonly string _displayIdPrefix;
    private int _nextDisplayId;
    private volatile CellScope? _running;
    private volatile ICellOutputSink? _lastSink;

    internal RunContext(string displayIdPrefix) => _displayIdPrefix = displayIdPrefix;

    /// <summary>The session of the calling code, or null outside one.</summary>
    public static RunContext? Current => CurrentScope.Value?.Context;

    /// <summary>The name of the cell the calling code belongs to ("cell 3"; a thread or task a cell started belongs to it,
    /// even after the cell ended), or null outside one. Lets a host say which cell a background thread's crash came from.</summary>
    public static string? CurrentCellName => CurrentScope.Value?.CellName;

    /// <summary>Where the calling code's output goes: its cell's sink while that cell runs, else null.</summary>
    internal static ICellOutputSink? CurrentSink => CurrentScope.Value is { IsOpen: true } scope ? scope.Sink : null;

    /// <summary>Makes <paramref name="sink"/> the running cell's, for the calling async flow; dispose when the cell ends.</summary>
    internal CellScope BeginCell(ICellOutputSink sink, string cellName)
    {
        var scope = new CellScope(this, sink, cellName);
        CurrentScope.Value = scope;
        _running = scope;
        _lastSink = sink;
        return scope;
    }

    /// <summary>Shows <paramref name="value"/> in the running cell's outputs (display_data) and returns its handle.</summary>
    /// <exception cref="InvalidOperationException">No cell is running.</exception>
    public DisplayedValue Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var sink = CurrentSink ?? throw new InvalidOperationException("display() was called outside a running notebook cell.");
        var id = $"{_displayIdPrefix}{Interlocked.Increment(ref _nextDisplayId)}";
        sink.Display(OutputFormatter.Format(value, mimeTypes), id);
        return new DisplayedValue(id, mimeTypes.ToArray(), this);
    }

    /// <summary>Replaces what <paramref name="displayId"/> shows; sent through the running cell (between cells, the last one).</summary>
    internal void Update(string displayId, IReadOnlyDictionary<string, string> data) =>
        ((_running is { IsOpen: true } running ? running.Sink : null) ?? _lastSink)?.UpdateDisplay(data, displayId);

    /// <summary>The session of the calling code.</summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook session.</exception>
    public static RunContext Require() =>
        Current ?? throw new InvalidOperationException("display() works only inside a notebook run by the NeuralNotebooks runner or kernel.");

    /// <summary>One running cell: its sink, open until the cell ends.</summary>
    internal sealed class CellScope(RunContext context, ICellOutputSink sink, string cellName) : IDisposable
    {
        private volatile bool _open = true;

        public string CellName { get; } = cellName;

        public RunContext Context { get; } = context;

        public ICellOutputSink Sink { get; } = sink;

        public bool IsOpen => _open;

        public void Dispose() => _open = false;
    }
}
