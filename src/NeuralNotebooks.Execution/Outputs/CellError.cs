namespace NeuralNotebooks.Execution.Outputs;

/// <summary>Why a cell failed, as an nbformat error output: a name, a value and traceback lines.</summary>
/// <param name="EName">The exception's type name, or "CompilationError", "ReferenceError", "TimeoutException", "Interrupted".</param>
/// <param name="EValue">The message.</param>
/// <param name="Traceback">The lines shown; the first names the cell and line, e.g. "cell 3, line 2: System.InvalidOperationException: boom".</param>
public sealed record CellError(string EName, string EValue, IReadOnlyList<string> Traceback)
{
    /// <summary>The first traceback line: where and what ("cell 3, line 2: …").</summary>
    public string Summary => Traceback.Count > 0 ? Traceback[0] : $"{EName}: {EValue}";
}
