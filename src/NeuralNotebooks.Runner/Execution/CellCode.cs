using NeuralNotebooks.Execution.Cells;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>Decides whether a notebook's code cell is C#, and gives the C# to compile (see <see cref="CellMagics"/>).</summary>
public static class CellCode
{
    /// <summary>
    /// The C# source of <paramref name="cell"/>, or null with the reason it is skipped: its kernel (cell metadata
    /// <c>polyglot_notebook.kernelName</c>, or a leading magic such as <c>#!fsharp</c>) is not C#, or it starts with a magic
    /// command the runner does not support.
    /// </summary>
    public static string? Prepare(NotebookCell cell, string defaultKernel, out string? skipReason)
    {
        var kernel = cell.KernelName(defaultKernel);
        return CellMagics.Prepare(cell.Source, ref kernel, "runner", out skipReason);
    }
}
