using System.Globalization;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Models;
using NeuralNotebooks.Plots.Building;

namespace NeuralNotebooks.Plots;

public static partial class Charts
{
    /// <summary>
    /// A diagram of a model, like Keras' <c>plot_model(show_shapes=True)</c>: one box per layer from the input down,
    /// with its type, units, activation, output shape and parameter count, arrows between them, and the total.
    /// </summary>
    /// <param name="model">A built model (it has an Input, or has been fitted).</param>
    /// <param name="title">Figure title; default the model's name.</param>
    /// <remarks>Colours by layer kind: input gray, Dense blue, Dropout orange, anything else green. Hovering a box
    /// shows the layer's one-line description.</remarks>
    /// <exception cref="ArgumentException">The model is not built.</exception>
    public static Plot ModelDiagram(Sequential model, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.IsBuilt) throw new ArgumentException("model is not built: start it with new Input(n), or fit it once.", nameof(model));
        string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

        var boxes = new List<(string Head, string Body, string Fill, string Hover)>
        {
            ("input", $"Input · {model.InputSize} features<br>shape (None, {model.InputSize})", "#eeeeee", $"Input({model.InputSize})"),
        };
        foreach (var layer in model.Layers)
        {
            string name = layer.Name.Length > 0 ? $"{layer.Name} ({layer.TypeName})" : layer.TypeName;
            string body = layer switch
            {
                Dense d => $"{d.Units} units · activation {d.Activation.Name}<br>shape (None, {d.OutputSize}) · {N(d.ParameterCount)} params"
                    + $"<br><span style=\"font-size:11px\">W {d.InputSize}×{d.Units} + b {d.Units}</span>",
                Dropout dr => $"rate {dr.Rate.ToString(CultureInfo.InvariantCulture)} (training only)<br>shape (None, {dr.OutputSize}) · 0 params",
                _ => $"shape (None, {layer.OutputSize}) · {N(layer.ParameterCount)} params",
            };
            string fill = layer switch { Dense => "#dbe9f6", Dropout => "#fde5cc", _ => "#dcefd9" };
            boxes.Add(($"<b>{name}</b>", body, fill, layer.Describe()));
        }

        int n = boxes.Count;
        double boxH = 0.72, step = 1.0;
        int height = (int)(115 * n + 130);
        var fig = new FigureBuilder(title ?? $"Model \"{model.Name}\"", width: 560, height: height);
        fig.Layout.With("margin", Props.Obj(("l", 20), ("r", 20), ("t", 60), ("b", 50))).With("showlegend", false)
            .With("plot_bgcolor", "#ffffff")
            .With("xaxis", Props.Axis().With("range", new[] { 0.0, 1.0 }).With("visible", false).With("fixedrange", true))
            .With("yaxis", Props.Axis().With("range", new[] { -(n - 1) - 0.5, 0.5 }).With("visible", false).With("fixedrange", true));
        for (int i = 0; i < n; i++)
        {
            double yc = -i * step;
            var (head, body, fill, _) = boxes[i];
            fig.Add(Props.Shape("rect", 0.12, yc - boxH / 2, 0.88, yc + boxH / 2, "x", "y", Props.Line("#555", 1.5), fill));
            fig.Add(Props.Annotation($"{head}<br>{body}", 0.5, yc, "x", "y", xanchor: "center", yanchor: "middle", font: Props.Font(13, "#111")));
            if (i > 0)
                fig.Add(Props.Annotation("", 0.5, yc + boxH / 2, "x", "y", showArrow: true)
                    .With("ax", 0.5).With("ay", yc + step - boxH / 2).With("axref", "x").With("ayref", "y")
                    .With("arrowhead", 2).With("arrowsize", 1.3).With("arrowwidth", 1.6).With("arrowcolor", "#555"));
        }
        fig.Add(Props.Trace("scatter").With("x", Enumerable.Repeat(0.5, n).ToArray()).With("y", Enumerable.Range(0, n).Select(i => -i * step).ToArray())
            .With("mode", "markers").With("marker", Props.Obj(("size", 40), ("opacity", 0.0)))
            .With("hovertext", boxes.Select(b => b.Hover).ToArray()).With("hoverinfo", "text").With("name", "layers"));
        fig.Add(Props.Annotation($"Total params: {N(model.ParameterCount)}", 0.5, 0, "paper", "paper", xanchor: "center", yanchor: "top",
            font: Props.Font(13, "#333")).With("yshift", -8));
        return fig.Build();
    }
}
