using System.Globalization;
using NeuralNotebooks.Kernels;

namespace NeuralNotebooks.Tensors;

/// <summary>Checks of the values a model is given (inputs, targets, weights), with errors that point at one entry:
/// the argument, its row and column (counted from 0, in the caller's own matrix) and the value.</summary>
/// <remarks>Models check whole matrices once, before anything changes, so a bad entry is reported where the caller put
/// it — never by its place in a shuffled mini-batch, and never after some steps were taken.</remarks>
internal static class ValueChecks
{
    /// <summary>Throws unless every entry of <paramref name="m"/> is a finite number.</summary>
    /// <param name="m">The matrix.</param>
    /// <param name="name">The argument's name, e.g. "x" or "validationData.X".</param>
    /// <param name="rule">What the entries are and must be, e.g. "inputs must be finite numbers".</param>
    /// <param name="paramName">The exception's parameter name, when it is not <paramref name="name"/> (e.g. "weights"
    /// for "weights[2]").</param>
    /// <exception cref="ArgumentException">An entry is NaN or ±∞ (the first one is named).</exception>
    public static void RequireFinite(Matrix m, string name, string rule, string? paramName = null)
    {
        int i = NonFinite.IndexOf(m.Span);
        if (i >= 0) throw Entry(name, i / m.Columns, i % m.Columns, m.Data[i], rule, paramName);
    }

    /// <summary>The error for entry (<paramref name="row"/>, <paramref name="column"/>) of argument <paramref name="name"/>:
    /// "y row 999, column 0 is 12: labels must be integers in [0, 10)."</summary>
    public static ArgumentException Entry(string name, int row, int column, float value, string rule, string? paramName = null) =>
        new($"{name} row {row}, column {column} is {Text(value)}: {rule}.", paramName ?? name);

    /// <summary>A value as messages show it: invariant culture, round-trip digits ("NaN", "Infinity", "0.1").</summary>
    public static string Text(float value) => value.ToString(CultureInfo.InvariantCulture);
}
