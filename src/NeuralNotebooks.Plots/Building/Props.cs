using DynamicObj;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace NeuralNotebooks.Plots.Building;

/// <summary>
/// Sets plotly.js attributes by their plotly.js names on Plotly.NET's dynamic objects.
/// </summary>
/// <remarks>
/// Plotly.NET's F# functions have dozens of optional parameters that C# must all spell out; its objects, though, are
/// <see cref="DynamicObj.DynamicObj"/>s that serialise each property under the name it was set with. Building them by
/// name keeps this code readable next to the plotly.js reference (https://plotly.com/javascript/reference/) and still
/// yields the typed Plotly.NET objects (<see cref="Trace2D"/>, <see cref="LinearAxis"/>, <see cref="Annotation"/>…)
/// that <c>Chart.with…</c> styling functions look for.
/// </remarks>
internal static class Props
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> (skipped when null) and returns the object.</summary>
    public static T With<T>(this T obj, string name, object? value) where T : DynamicObj.DynamicObj
    {
        if (value is not null) obj.SetProperty(name, value);
        return obj;
    }

    /// <summary>A plain object with the given properties (null values left out).</summary>
    public static DynamicObj.DynamicObj Obj(params (string Name, object? Value)[] props)
    {
        var o = new DynamicObj.DynamicObj();
        foreach (var (n, v) in props) o.With(n, v);
        return o;
    }

    /// <summary>A typed Plotly.NET title with text (and optional font size).</summary>
    public static Title Title(string text, double? fontSize = null)
    {
        var t = new Title().With("text", text);
        if (fontSize is double s) t.With("font", new Font().With("size", s));
        return t;
    }

    /// <summary>A font with size and colour.</summary>
    public static Font Font(double? size = null, string? color = null) => new Font().With("size", size).With("color", color);

    /// <summary>A line style.</summary>
    public static Line Line(string? color = null, double? width = null, string? dash = null) =>
        new Line().With("color", color).With("width", width).With("dash", dash);

    /// <summary>A trace of plotly.js type <paramref name="type"/> ("scatter", "heatmap", "bar", "contour"…).</summary>
    public static Trace2D Trace(string type) => new(type);

    /// <summary>A linear (or category) axis with an optional title.</summary>
    public static LinearAxis Axis(string? title = null)
    {
        var a = new LinearAxis();
        if (title is not null) a.With("title", Title(title));
        return a;
    }

    /// <summary>A text annotation at (x, y) in the given reference frames ("x2", "paper", "x domain"…).</summary>
    public static Annotation Annotation(string text, double x, double y, string xref, string yref,
        bool showArrow = false, string? xanchor = null, string? yanchor = null, Font? font = null) =>
        new Annotation().With("text", text).With("x", x).With("y", y).With("xref", xref).With("yref", yref)
            .With("showarrow", showArrow).With("xanchor", xanchor).With("yanchor", yanchor).With("font", font);

    /// <summary>A layout shape ("line", "rect"…) with corners (x0, y0)–(x1, y1) in the given reference frames.</summary>
    public static Shape Shape(string type, double x0, double y0, double x1, double y1, string xref, string yref,
        Line? line = null, string? fillColor = null) =>
        new Shape().With("type", type).With("x0", x0).With("y0", y0).With("x1", x1).With("y1", y1)
            .With("xref", xref).With("yref", yref).With("line", line).With("fillcolor", fillColor);

    /// <summary>A plotly.js colour scale from (position, colour) stops.</summary>
    public static object[][] ColorScale(params (double At, string Color)[] stops) =>
        stops.Select(s => new object[] { s.At, s.Color }).ToArray();
}
