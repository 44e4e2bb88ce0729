using System.Globalization;

namespace NeuralNotebooks.Checks;

/// <summary>
/// Lets a notebook state the results it expects — "accuracy ≥ 0.9", "epochs ≤ 10" — without any test framework.
/// </summary>
/// <remarks>
/// <para>Every method measures nothing itself: it compares the value it is given, returns a <see cref="CheckResult"/>,
/// writes its line ("✓ name: value ≥ bound" or "✗ …") to <see cref="Console.Out"/>, records it in the current
/// <see cref="CheckScope"/> (<see cref="Recorded"/>) and raises <see cref="Completed"/>.</para>
/// <para>A failing check does not throw, so the cell goes on; the notebook runner subscribes to <see cref="Completed"/>
/// and fails the run. Names must be non-empty; bounds must not be NaN (an <see cref="ArgumentException"/> says which).</para>
/// </remarks>
public static class Check
{
    private static readonly AsyncLocal<CheckScope?> Scope = new();
    private static readonly CheckScope DefaultScope = new(null);

    /// <summary>Raised after every check, on the thread that made it (the current scope is <see cref="CurrentScope"/>).</summary>
    public static event EventHandler<CheckResult>? Completed;

    /// <summary>The scope checks are recorded in right now: the innermost begun one, else the process-wide default.</summary>
    public static CheckScope CurrentScope => Scope.Value ?? DefaultScope;

    internal static CheckScope? CurrentScopeOrNull => Scope.Value;

    internal static void SetScope(CheckScope? scope) => Scope.Value = scope;

    /// <summary>The checks recorded in the current scope, in order.</summary>
    public static IReadOnlyList<CheckResult> Recorded => CurrentScope.Results;

    /// <summary>Begins a new scope, current for the code that follows (and the tasks it starts) until disposed.</summary>
    public static CheckScope BeginScope()
    {
        var scope = new CheckScope(Scope.Value);
        Scope.Value = scope;
        return scope;
    }

    /// <summary>Checks <c>value ≥ bound</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="bound"/> is NaN.</exception>
    public static CheckResult AtLeast(string name, double value, double bound)
    {
        RequireBound(bound, nameof(bound));
        return Record(name, Number(value), $"≥ {Number(bound)}", value >= bound);
    }

    /// <summary>Checks <c>value ≤ bound</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="bound"/> is NaN.</exception>
    public static CheckResult AtMost(string name, double value, double bound)
    {
        RequireBound(bound, nameof(bound));
        return Record(name, Number(value), $"≤ {Number(bound)}", value <= bound);
    }

    /// <summary>Checks <c>low ≤ value ≤ high</c> (both ends included).</summary>
    /// <exception cref="ArgumentException">A bound is NaN, or <paramref name="low"/> &gt; <paramref name="high"/>.</exception>
    public static CheckResult Between(string name, double value, double low, double high)
    {
        RequireBound(low, nameof(low));
        RequireBound(high, nameof(high));
        if (low > high)
            throw new ArgumentException($"low ({Number(low)}) must not exceed high ({Number(high)}).", nameof(low));
        return Record(name, Number(value), $"∈ [{Number(low)}, {Number(high)}]", value >= low && value <= high);
    }

    /// <summary>Checks <c>|value − expected| ≤ tolerance</c>.</summary>
    /// <remarks>Shown as "≈ expected ± tolerance". A NaN value never passes.</remarks>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is not finite, or <paramref name="tolerance"/> is negative or not finite.</exception>
    public static CheckResult Close(string name, double value, double expected, double tolerance)
    {
        if (!double.IsFinite(expected))
            throw new ArgumentOutOfRangeException(nameof(expected), expected, "expected must be finite.");
        if (!double.IsFinite(tolerance) || tolerance < 0)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be a finite number ≥ 0.");
        return Record(name, Number(value), $"≈ {Number(expected)} ± {tolerance.ToString("G3", CultureInfo.InvariantCulture)}",
            Math.Abs(value - expected) <= tolerance);
    }

    /// <summary>Checks that <paramref name="actual"/> equals <paramref name="expected"/> (<see cref="EqualityComparer{T}.Default"/>).</summary>
    public static CheckResult Equal<T>(string name, T actual, T expected) =>
        Record(name, Text(actual), $"= {Text(expected)}", EqualityComparer<T>.Default.Equals(actual, expected));

    /// <summary>Checks that <paramref name="condition"/> is true.</summary>
    public static CheckResult True(string name, bool condition) =>
        Record(name, condition ? "true" : "false", "= true", condition);

    private static CheckResult Record(string name, string value, string bound, bool passed)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"name must be a non-empty description of the check (was \"{name}\").", nameof(name));
        var scope = CurrentScope;
        var result = new CheckResult(name, value, bound, passed, scope.Lap());
        scope.Add(result);
        Console.Out.WriteLine(result.ToString());
        Completed?.Invoke(null, result);
        return result;
    }

    private static void RequireBound(double bound, string paramName)
    {
        if (double.IsNaN(bound)) throw new ArgumentOutOfRangeException(paramName, bound, $"{paramName} must not be NaN.");
    }

    private static string Number(double value) => CheckResult.FormatNumber(value);

    private static string Text<T>(T value) => value switch
    {
        null => "null",
        double d => Number(d),
        float f => Number(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
