using System.Globalization;

namespace NeuralNotebooks.Checks;

/// <summary>The outcome of one <see cref="Check"/>: what was measured, what it was compared with, and whether it held.</summary>
/// <param name="Name">What was checked, e.g. "AND converges within 10 epochs".</param>
/// <param name="Value">The measured value, as text (numbers use the invariant culture, up to 6 significant digits).</param>
/// <param name="Bound">The expectation, as text, e.g. "≥ 0.9", "∈ [1, 2]", "≈ 5.7 ± 1E-09", "= 4".</param>
/// <param name="Passed">True when the value meets the expectation.</param>
/// <param name="Duration">Time since the previous check in the same <see cref="CheckScope"/> (or since the scope began).</param>
/// <remarks>A failed check never throws: the notebook cell goes on, and the runner marks the whole run failed.</remarks>
public sealed record CheckResult(string Name, string Value, string Bound, bool Passed, TimeSpan Duration)
{
    /// <summary>The mark printed in front of the line: "✓" when passed, "✗" when not.</summary>
    public string Mark => Passed ? "✓" : "✗";

    /// <summary>One line, e.g. "✓ accuracy: 0.93 ≥ 0.9" or "✗ epochs: 12 ≤ 10".</summary>
    public override string ToString() => $"{Mark} {Name}: {Value} {Bound}";

    /// <summary>Formats a number the way checks show it: invariant culture, "G6" (so 5.700000000001 reads 5.7).</summary>
    /// <remarks>Non-finite values read "NaN", "∞", "-∞".</remarks>
    public static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "-∞",
        _ => value.ToString("G6", CultureInfo.InvariantCulture),
    };
}
