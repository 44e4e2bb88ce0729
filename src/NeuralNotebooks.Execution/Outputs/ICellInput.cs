namespace NeuralNotebooks.Execution.Outputs;

/// <summary>
/// A sink that can also answer <c>Console.ReadLine()</c> (the kernel asks the front end over the stdin channel).
/// Sinks without it leave <c>Console.In</c> as the process had it.
/// </summary>
public interface ICellInput
{
    /// <summary>Asks the user for one line; null when no input can be had (the front end does not allow it, or the cell was interrupted).</summary>
    string? ReadLine(string prompt, bool password);
}
