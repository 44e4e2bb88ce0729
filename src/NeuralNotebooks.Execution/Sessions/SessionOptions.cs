using NeuralNotebooks.Execution.References;

namespace NeuralNotebooks.Execution.Sessions;

/// <summary>Settings of a <see cref="ScriptSession"/>.</summary>
public sealed class SessionOptions
{
    /// <summary>Where relative <c>#r</c> and <c>#load</c> paths start: the notebook's folder (required).</summary>
    public required string NotebookDirectory { get; init; }

    /// <summary>The packages <c>#r "nuget: …"</c> may name (default: what this build carries).</summary>
    public PackageCatalog Catalog { get; init; } = PackageCatalog.Default;

    /// <summary>"runner" or "kernel": the program error messages name.</summary>
    public string HostName { get; init; } = "runner";

    /// <summary>The longest a cell may run, counted from when its compiled code starts; null (the default) for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>How long an interrupted (or timed-out) cell has to reach an interrupt point before its thread is abandoned (default 3 s).</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Display ids are this prefix and a counter (default "display-"; the kernel makes it unique per process).</summary>
    public string DisplayIdPrefix { get; init; } = "display-";
}
