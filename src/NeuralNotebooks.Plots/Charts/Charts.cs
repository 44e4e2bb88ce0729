using NeuralNotebooks.Data;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Plots;

/// <summary>
/// Chart builders for the lessons. Each takes the library's own objects (History, Sequential, Matrix, Activation…)
/// and returns a <see cref="Plot"/>: shown when it ends a notebook cell, saved with <see cref="Plot.SaveHtml"/> or
/// <see cref="Plot.SavePng"/>, restyled with Plotly.NET through <see cref="Plot.Style(System.Func{Plotly.NET.GenericChart, Plotly.NET.GenericChart})"/>.
/// </summary>
/// <remarks>The builders live in one class split over files by topic: training curves, decision boundaries,
/// activations, regression, heatmaps (weights, confusion matrix), images, predictions, model diagram.</remarks>
public static partial class Charts
{
    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number.");
    }

    /// <summary>Row <paramref name="row"/> of <paramref name="m"/> as doubles.</summary>
    private static double[] RowAsDoubles(Matrix m, int row)
    {
        var r = new double[m.Columns];
        for (int c = 0; c < m.Columns; c++) r[c] = m[row, c];
        return r;
    }

    /// <summary>Class labels from targets: one column → 1 when ≥ 0.5 (or the integer value for class indices); several →
    /// the row's argmax (one-hot) by the library's one rule, <see cref="Labels.ArgmaxOf(ReadOnlySpan{float})"/>.</summary>
    private static int[] LabelsOf(Matrix y, string paramName)
    {
        var labels = new int[y.Rows];
        for (int i = 0; i < y.Rows; i++)
        {
            if (y.Columns == 1)
            {
                double v = y[i, 0];
                if (!double.IsFinite(v) || v < 0) throw new ArgumentException($"{paramName} row {i} holds {v}; expected a class (0/1 or an index ≥ 0).", paramName);
                labels[i] = v <= 1 ? (v >= 0.5 ? 1 : 0) : (int)Math.Round(v);
            }
            else labels[i] = Labels.ArgmaxOf(y.Row(i));
        }
        return labels;
    }

    private static string Percent(double p) => (100 * p).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
