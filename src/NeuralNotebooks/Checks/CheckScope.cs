using System.Diagnostics;

namespace NeuralNotebooks.Checks;

/// <summary>
/// A group of checks that belong together (one notebook run): it keeps their results in order and times each one
/// from the previous check of the same scope.
/// </summary>
/// <remarks>
/// <para>Scopes flow with the async context (<see cref="AsyncLocal{T}"/>): a scope begun with <see cref="Check.BeginScope"/>
/// is current in the code that follows and in every task or thread-pool work item started from it, so two notebooks
/// running at the same time in one process do not mix their checks.</para>
/// <para>Outside any begun scope, checks go to a process-wide default scope.</para>
/// </remarks>
public sealed class CheckScope : IDisposable
{
    private readonly object _gate = new();
    private readonly List<CheckResult> _results = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CheckScope? _previous;
    private TimeSpan _lastCheck;
    private bool _disposed;

    internal CheckScope(CheckScope? previous) => _previous = previous;

    /// <summary>The checks recorded in this scope so far, in order (a snapshot).</summary>
    public IReadOnlyList<CheckResult> Results
    {
        get { lock (_gate) return _results.ToArray(); }
    }

    /// <summary>True when every check of this scope passed (also true when there were none).</summary>
    public bool AllPassed
    {
        get { lock (_gate) return _results.TrueForAll(r => r.Passed); }
    }

    /// <summary>Forgets the recorded checks and restarts the clock.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _results.Clear();
            _lastCheck = _clock.Elapsed;
        }
    }

    /// <summary>Time since the previous check in this scope; advances the mark.</summary>
    internal TimeSpan Lap()
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var lap = now - _lastCheck;
            _lastCheck = now;
            return lap;
        }
    }

    internal void Add(CheckResult result)
    {
        lock (_gate) _results.Add(result);
    }

    /// <summary>Ends the scope: the scope that was current when it began becomes current again.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (ReferenceEquals(Check.CurrentScopeOrNull, this)) Check.SetScope(_previous);
    }
}
