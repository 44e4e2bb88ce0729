namespace NeuralNotebooks.Settings;

/// <summary>
/// A setting with a process-wide value that a block of code can override for itself:
/// <c>using (setting.Use(value)) { … }</c>.
/// </summary>
/// <typeparam name="T">The setting's type.</typeparam>
/// <remarks>
/// <para><see cref="Value"/> is the innermost <see cref="Use"/> scope's value on this thread and in the async code it
/// starts (an <see cref="AsyncLocal{T}"/>), else <see cref="ProcessValue"/>. Other threads, and tests running in
/// parallel, keep theirs, so a test that changes a setting this way needs no lock against the others.</para>
/// <para>Disposing a scope restores the value that was in effect when it was opened (once; a second Dispose does
/// nothing). Scopes nest; they are meant to be disposed in reverse order, as <c>using</c> does.</para>
/// <para>The library's settings use it: the kernel and its thread count (<see cref="Kernels.Kernel"/>), and in the charts
/// library the plotly.js session and where Chromium is looked for.</para>
/// </remarks>
public sealed class ScopedSetting<T>
{
    private readonly AsyncLocal<Override?> _scoped = new();
    private T _processValue;

    /// <summary>Creates the setting with its process-wide value.</summary>
    public ScopedSetting(T processValue) => _processValue = processValue;

    /// <summary>The value in effect here: the innermost scope's, else <see cref="ProcessValue"/>.</summary>
    public T Value => _scoped.Value is { } scoped ? scoped.Value : _processValue;

    /// <summary>The value outside every scope. Setting it changes the value for the whole process (except inside scopes).</summary>
    public T ProcessValue
    {
        get => _processValue;
        set => _processValue = value;
    }

    /// <summary>Uses <paramref name="value"/> on this thread (and the async code it starts) until the result is disposed.</summary>
    public IDisposable Use(T value)
    {
        var previous = _scoped.Value;
        _scoped.Value = new Override(value);
        return new Scope(this, previous);
    }

    /// <summary>A scoped value (a box, so that a scope may hold any value of T, default included).</summary>
    private sealed record Override(T Value);

    /// <summary>Restores the previous scope once, when disposed.</summary>
    private sealed class Scope(ScopedSetting<T> setting, Override? previous) : IDisposable
    {
        private ScopedSetting<T>? _setting = setting;

        public void Dispose()
        {
            if (_setting is null) return;
            _setting._scoped.Value = previous;
            _setting = null;
        }
    }
}
