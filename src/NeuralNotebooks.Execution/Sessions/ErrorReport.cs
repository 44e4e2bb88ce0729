using System.Diagnostics;
using NeuralNotebooks.Execution.Interrupts;
using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Sessions;

/// <summary>Turns what stopped a cell into an error output whose first line names the cell and line.</summary>
internal static class ErrorReport
{
    /// <summary>"cell 3, line 2: System.InvalidOperationException: boom", then the stack trace.</summary>
    public static CellError FromException(Exception exception, CellSubmission cell)
    {
        var header = $"{Where(exception, cell)}: {exception.GetType().FullName}: {exception.Message}";
        var traceback = new List<string> { header };
        traceback.AddRange(exception.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Skip(1));
        return new CellError(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback);
    }

    /// <summary>An interrupt that reached an interrupt point: "cell [4], line 2: interrupted".</summary>
    public static CellError Interrupted(Exception exception, CellSubmission cell, bool timedOut, TimeSpan? timeout) => timedOut
        ? TimedOut(cell, timeout!.Value, $"; stopped at line {Line(exception, cell)?.ToString() ?? "?"}")
        : new CellError("Interrupted", "The cell was interrupted.", new[] { $"{Where(exception, cell)}: interrupted" });

    /// <summary>A cell that did not reach an interrupt point in time: its thread is left running.</summary>
    public static CellError Abandoned(CellSubmission cell, bool timedOut, TimeSpan? timeout, TimeSpan grace)
    {
        var why = $"it did not stop within {grace.TotalSeconds:0.#} s of being asked (it is inside code without interrupt points: " +
                  "a library call, Thread.Sleep, a blocking wait). Its thread was abandoned and may still be running; variables it " +
                  "was changing may be half-updated. Restart if it keeps a core busy.";
        if (timedOut) return TimedOut(cell, timeout!.Value, "; " + why);
        var message = $"{cell.Name}: interrupted, but {why}";
        return new CellError("Interrupted", message, new[] { message });
    }

    private static CellError TimedOut(CellSubmission cell, TimeSpan timeout, string detail)
    {
        var message = $"{cell.Name} did not finish within {timeout.TotalSeconds:0.###} s" + detail;
        return new CellError("TimeoutException", message, new[] { message });
    }

    /// <summary>True when <paramref name="exception"/> is the interrupt (alone, or every inner exception of an AggregateException).</summary>
    public static bool IsInterrupt(Exception exception) => exception switch
    {
        CellInterruptedException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsInterrupt),
        _ => exception.InnerException is CellInterruptedException && exception is System.Reflection.TargetInvocationException,
    };

    private static string Where(Exception exception, CellSubmission cell) =>
        Line(exception, cell) is { } line ? $"{cell.Name}, line {line}" : cell.Name;

    private static int? Line(Exception exception, CellSubmission cell)
    {
        var inner = exception is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : exception;
        return new StackTrace(inner, true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() == cell.FilePath && f.GetFileLineNumber() > 0)?.GetFileLineNumber();
    }
}
