namespace NeuralNotebooks.Execution.Sessions;

/// <summary>One cell to run.</summary>
/// <param name="Code">The C# (magic lines already blanked, see <see cref="Cells.CellMagics"/>).</param>
/// <param name="Name">How messages name the cell: "cell 3" (its place in the notebook) or "cell [5]" (the kernel's execution count).</param>
/// <param name="FilePath">The file name its code gets in stack traces, e.g. "…/lesson.ipynb#cell3".</param>
/// <param name="ExecutionCount">The number shown next to the cell and on its execute_result.</param>
public sealed record CellSubmission(string Code, string Name, string FilePath, int ExecutionCount);
