using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Sessions;

/// <summary>How a cell ended.</summary>
public enum CellOutcomeStatus
{
    /// <summary>Ran to the end.</summary>
    Succeeded,
    /// <summary>A <c>#r</c> could not be resolved, it did not compile, or it threw.</summary>
    Failed,
    /// <summary>Stopped by <see cref="ScriptSession.Interrupt"/>.</summary>
    Interrupted,
    /// <summary>Ran longer than <see cref="SessionOptions.CellTimeout"/>.</summary>
    TimedOut,
}

/// <summary>The end of one cell.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Error">What went wrong (also sent to the sink), null when it succeeded.</param>
/// <param name="Abandoned">True when the cell did not stop when asked and its thread was left running.</param>
public sealed record CellOutcome(CellOutcomeStatus Status, CellError? Error, bool Abandoned = false);
