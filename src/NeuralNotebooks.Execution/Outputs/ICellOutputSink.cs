namespace NeuralNotebooks.Execution.Outputs;

/// <summary>
/// Where the outputs of a running cell go, as they happen: the runner writes them into the notebook, the kernel
/// publishes them as Jupyter messages. The names follow nbformat / the Jupyter messaging protocol.
/// </summary>
/// <remarks>Called from the cell's thread and from any thread the cell starts (a <c>Console.WriteLine</c> inside
/// <c>Parallel.For</c>, a chart updated from a training callback): implementations must be thread-safe.
/// A data bundle maps MIME types ("text/plain", "text/html") to their content.</remarks>
public interface ICellOutputSink
{
    /// <summary>Text written to <paramref name="name"/> ("stdout" or "stderr").</summary>
    void Stream(string name, string text);

    /// <summary>A displayed value (display_data) that <see cref="UpdateDisplay"/> may later replace.</summary>
    void Display(IReadOnlyDictionary<string, string> data, string displayId);

    /// <summary>Replaces everything shown under <paramref name="displayId"/> (update_display_data), in whichever cell it is.</summary>
    void UpdateDisplay(IReadOnlyDictionary<string, string> data, string displayId);

    /// <summary>The value of the cell's trailing expression (execute_result).</summary>
    void Result(IReadOnlyDictionary<string, string> data, int executionCount);

    /// <summary>The error that ended the cell.</summary>
    void Error(CellError error);
}
