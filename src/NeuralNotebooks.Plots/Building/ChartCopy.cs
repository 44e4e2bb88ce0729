using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace NeuralNotebooks.Plots.Building;

/// <summary>Deep copies of Plotly.NET charts that keep every nested object's Plotly.NET type.</summary>
/// <remarks>
/// Plotly.NET's styling functions (<c>Chart.withTitle</c>, <c>Chart.withXAxisStyle</c>…) change the layout and traces
/// of the chart they are given, and find nested objects by type (a <c>LinearAxis</c>, a <c>Marker</c>). DynamicObj's
/// own deep copy turns nested objects into plain DynamicObjs, which those functions would then overwrite, so
/// <see cref="Plot"/> copies with this instead before styling: the original plot stays as it was.
/// </remarks>
internal static class ChartCopy
{
    public static GenericChart Copy(GenericChart chart)
    {
        var traces = GenericChart.getTraces(chart).Select(t => (Trace)CopyObject(t));
        return GenericChart.NewMultiChart(ListModule.OfSeq(traces), (Layout)CopyObject(GenericChart.getLayout(chart)),
            (Config)CopyObject(GenericChart.getConfig(chart)), (DisplayOptions)CopyObject(GenericChart.getDisplayOptions(chart)));
    }

    public static DynamicObj.DynamicObj CopyObject(DynamicObj.DynamicObj source)
    {
        var type = source.GetType();
        DynamicObj.DynamicObj copy;
        if (source is Trace trace)
            copy = (DynamicObj.DynamicObj)(Activator.CreateInstance(type, trace.type) ?? throw new InvalidOperationException($"Cannot copy a {type.Name}."));
        else if (type.GetConstructor(Type.EmptyTypes) is not null)
            copy = (DynamicObj.DynamicObj)Activator.CreateInstance(type)!;
        else
            return source; // no way to make another one: share it (only reachable for exotic user types)
        foreach (var (key, value) in source.GetProperties(false)) copy.SetProperty(key, CopyValue(value));
        return copy;
    }

    private static object CopyValue(object value)
    {
        switch (value)
        {
            case DynamicObj.DynamicObj d:
                return CopyObject(d);
            case Array a:
                var copy = Array.CreateInstance(a.GetType().GetElementType()!, a.Length);
                for (int i = 0; i < a.Length; i++) copy.SetValue(a.GetValue(i) is { } v ? CopyValue(v) : null, i);
                return copy;
            default:
                return value; // strings, numbers, Plotly.NET's immutable unions (colours, style params)
        }
    }
}
