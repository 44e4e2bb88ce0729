using NeuralNotebooks.Execution.References;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>Settings of <see cref="NotebookEngine"/>.</summary>
public sealed class NotebookRunOptions
{
    /// <summary>The longest a single cell may run (default 600 s); a cell that takes longer stops its notebook.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>The longest <see cref="CellTimeout"/> may be: one day (86 400 s). A lesson cell never needs more, and a
    /// timer cannot wait much longer (about 24.8 days).</summary>
    public static readonly TimeSpan MaxCellTimeout = TimeSpan.FromDays(1);

    /// <summary>The packages <c>#r "nuget: …"</c> may name (default: what the runner carries).</summary>
    public PackageCatalog Catalog { get; init; } = PackageCatalog.Default;
}
