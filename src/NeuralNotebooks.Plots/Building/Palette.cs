namespace NeuralNotebooks.Plots.Building;

/// <summary>The colours every chart shares, so a lesson reads consistently.</summary>
/// <remarks>Series colours are plotly's default colourway (Matplotlib's tab10); the class colours and the
/// diverging scale are ColorBrewer's RdBu ends, blue for class 0 / negative, red for class 1 / positive.</remarks>
internal static class Palette
{
    /// <summary>Plotly's default colour sequence.</summary>
    public static readonly string[] Series =
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    /// <summary>Training series colour.</summary>
    public const string Train = "#1f77b4";

    /// <summary>Validation series colour.</summary>
    public const string Validation = "#ff7f0e";

    /// <summary>Class 0 / negative values.</summary>
    public const string Blue = "#2166ac";

    /// <summary>Class 1 / positive values.</summary>
    public const string Red = "#b2182b";

    /// <summary>Neutral bars.</summary>
    public const string Gray = "#9e9e9e";

    /// <summary>The colour of series <paramref name="i"/>.</summary>
    public static string At(int i) => Series[((i % Series.Length) + Series.Length) % Series.Length];

    /// <summary>Blue → white → red, for values centred on a midpoint (weights around 0, probabilities around 0.5).</summary>
    public static object[][] Diverging => Props.ColorScale(
        (0.0, "#2166ac"), (0.25, "#67a9cf"), (0.5, "#f7f7f7"), (0.75, "#ef8a62"), (1.0, "#b2182b"));

    /// <summary>A lighter blue → white → red, for regions that data points in <see cref="DarkBlue"/>/<see cref="DarkRed"/> are drawn over.</summary>
    public static object[][] DivergingLight => Props.ColorScale((0.0, "#6baed6"), (0.5, "#f7f7f7"), (1.0, "#f4845f"));

    /// <summary>Class 0 points over a decision region.</summary>
    public const string DarkBlue = "#08519c";

    /// <summary>Class 1 points over a decision region.</summary>
    public const string DarkRed = "#a50f15";

    /// <summary>White → dark blue, for counts.</summary>
    public static object[][] Blues => Props.ColorScale((0.0, "#f7fbff"), (0.5, "#6baed6"), (1.0, "#08306b"));

    /// <summary>White (0) → black (1): Matplotlib's "binary", as in the Keras image tutorials.</summary>
    public static object[][] Binary => Props.ColorScale((0.0, "#ffffff"), (1.0, "#000000"));

    /// <summary>Black (0) → white (1): Matplotlib's "gray".</summary>
    public static object[][] Gray01 => Props.ColorScale((0.0, "#000000"), (1.0, "#ffffff"));
}
