namespace NeuralNotebooks.Plots;

/// <summary>One named curve for <see cref="Charts.Lines"/> (or one path for <see cref="Charts.LossSurface"/>): points (X[i], Y[i]).</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="X">The horizontal coordinates.</param>
/// <param name="Y">The vertical coordinates, as many as <paramref name="X"/>.</param>
/// <param name="Dash">A plotly.js dash style ("dash", "dot", "dashdot") or null for a solid line.</param>
/// <param name="PointsOnly">Draw the points as markers without joining them (data, as opposed to a curve).</param>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, string? Dash = null, bool PointsOnly = false)
{
    /// <summary>Throws unless the series has a name and as many X as Y values (at least one); <paramref name="paramName"/> is the caller's argument.</summary>
    internal void Validate(string paramName)
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("a series has no name.", paramName);
        if (X is null || Y is null) throw new ArgumentException($"series '{Name}' has no X or no Y values.", paramName);
        if (X.Count != Y.Count) throw new ArgumentException($"series '{Name}' has {X.Count} X values but {Y.Count} Y values.", paramName);
        if (X.Count == 0) throw new ArgumentException($"series '{Name}' has no points.", paramName);
    }
}
