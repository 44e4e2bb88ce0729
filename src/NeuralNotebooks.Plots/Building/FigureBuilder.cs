using Microsoft.FSharp.Collections;
using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace NeuralNotebooks.Plots.Building;

/// <summary>Collects traces, annotations and shapes, then makes a <see cref="Plot"/>.</summary>
/// <remarks>No Plotly.NET template is applied: the charts use plotly.js' own plain white look, which prints well.</remarks>
internal sealed class FigureBuilder
{
    private readonly List<Trace> _traces = new();
    private readonly List<Annotation> _annotations = new();
    private readonly List<Shape> _shapes = new();

    public FigureBuilder(string? title = null, int? width = null, int? height = null)
    {
        if (title is not null) Layout.With("title", Props.Title(title, 18));
        Layout.With("width", width).With("height", height);
    }

    public Layout Layout { get; } = new();

    public IReadOnlyList<Trace> Traces => _traces;

    public Trace2D Add(Trace2D trace)
    {
        _traces.Add(trace);
        return trace;
    }

    public void Add(Annotation annotation) => _annotations.Add(annotation);

    public void Add(Shape shape) => _shapes.Add(shape);

    public Plot Build()
    {
        if (_annotations.Count > 0) Layout.With("annotations", _annotations.ToArray());
        if (_shapes.Count > 0) Layout.With("shapes", _shapes.ToArray());
        var config = new Config().With("responsive", true).With("displaylogo", false);
        var chart = GenericChart.NewMultiChart(ListModule.OfSeq(_traces), Layout, config, new DisplayOptions());
        return new Plot(chart);
    }
}
