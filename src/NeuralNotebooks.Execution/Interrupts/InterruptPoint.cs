using System.Collections.Concurrent;
using System.ComponentModel;

namespace NeuralNotebooks.Execution.Interrupts;

/// <summary>
/// The check compiled into every loop of a cell (see <see cref="InterruptPoints"/>): it throws
/// <see cref="CellInterruptedException"/> once the cell's session has been asked to stop.
/// </summary>
/// <remarks>
/// <para>.NET cannot abort a thread, and Roslyn scripts stop only between submissions, so a runaway
/// <c>while (true) { }</c> is stopped from inside: each loop body starts with <c>InterruptPoint.Poll(session)</c>.</para>
/// <para>Cost: with no interrupt pending anywhere in the process, one volatile read per loop iteration.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InterruptPoint
{
    private static readonly ConcurrentDictionary<int, bool> Requested = new();
    private static volatile int _pending;
    private static int _lastSession;

    /// <summary>Called by instrumented cell code: throws if session <paramref name="session"/> is being interrupted.</summary>
    /// <exception cref="CellInterruptedException">The session was asked to stop.</exception>
    public static void Poll(int session)
    {
        if (_pending != 0 && Requested.ContainsKey(session)) throw new CellInterruptedException();
    }

    internal static int NewSession() => Interlocked.Increment(ref _lastSession);

    /// <summary>Makes every later <see cref="Poll"/> of <paramref name="session"/> throw, until <see cref="Clear"/>.</summary>
    internal static void Request(int session)
    {
        if (Requested.TryAdd(session, true)) Interlocked.Increment(ref _pending);
    }

    internal static bool IsRequested(int session) => Requested.ContainsKey(session);

    /// <summary>Ends the interrupt of <paramref name="session"/> (its cell has stopped).</summary>
    internal static void Clear(int session)
    {
        if (Requested.TryRemove(session, out _)) Interlocked.Decrement(ref _pending);
    }
}

/// <summary>Thrown inside a cell's loops when the cell is interrupted (the kernel's interrupt, the runner's timeout).</summary>
public sealed class CellInterruptedException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public CellInterruptedException() : base("The cell was interrupted.") { }
}
