using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NeuralNotebooks.Plots.Rendering;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Export;

/// <summary>A code cell's saved outputs as HTML for the course.</summary>
/// <remarks>
/// <para>Each output shows its richest form the course can draw offline: a chart (<see cref="PlotMimeTypes.PlotlyJson"/>)
/// is drawn by the site's plotly.js, its picture kept for readers without scripts; then text/html as it is (tables),
/// images, markdown, LaTeX, plain text. Streams are preformatted, with check lines ("✓ …", "✗ …") marked pass/fail;
/// errors are red.</para>
/// </remarks>
public static class OutputHtml
{
    /// <summary>The HTML of one output; <paramref name="markdown"/> renders text/markdown outputs.</summary>
    public static string Render(NotebookOutput output, CourseMarkdown markdown)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (output.OutputType)
        {
            case "stream":
                return $"<pre class=\"output {(output.Name == "stderr" ? "stderr" : "stdout")}\">{Stream(output.Text ?? "")}</pre>\n";
            case "error":
                var text = $"{output.EName}: {output.EValue}\n{string.Join("\n", output.Traceback)}";
                return $"<pre class=\"output error\">{WebUtility.HtmlEncode(text)}</pre>\n";
        }
        if (output.GetJson(PlotMimeTypes.PlotlyJson) is JsonObject figure) return Chart(figure, output.GetText("image/png"));
        if (output.GetText("text/html") is { } html) return $"<div class=\"output html\">\n{html}\n</div>\n";
        if (output.GetText("image/svg+xml") is { } svg) return $"<div class=\"output image\">{svg}</div>\n";
        if (output.GetText("image/png") is { } png) return $"<div class=\"output image\"><img src=\"data:image/png;base64,{png.Trim()}\" alt=\"\"></div>\n";
        if (output.GetText("image/jpeg") is { } jpeg) return $"<div class=\"output image\"><img src=\"data:image/jpeg;base64,{jpeg.Trim()}\" alt=\"\"></div>\n";
        if (output.GetText("text/markdown") is { } md) return $"<div class=\"output markdown\">{markdown.ToHtml(md)}</div>\n";
        if (output.GetText("text/latex") is { } latex) return $"<div class=\"output math display\">{WebUtility.HtmlEncode(latex.Trim().Trim('$'))}</div>\n";
        if (output.GetText("text/plain") is { } plain) return $"<pre class=\"output\">{WebUtility.HtmlEncode(plain)}</pre>\n";
        var first = output.Data.FirstOrDefault();
        return first.Key is null ? "" : $"<pre class=\"output\">{WebUtility.HtmlEncode($"{first.Key}: {first.Value?.ToJsonString()}")}</pre>\n";
    }

    /// <summary>True when the output is a chart the page's plotly.js draws.</summary>
    public static bool IsChart(NotebookOutput output) => output.Data.ContainsKey(PlotMimeTypes.PlotlyJson);

    /// <summary>A chart: a div the page script draws the figure into, the figure JSON, and the picture for no-script readers.</summary>
    private static string Chart(JsonObject figure, string? png)
    {
        string title = (figure["layout"] as JsonObject)?["title"] switch
        {
            JsonObject t when t["text"] is JsonValue v && v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => "chart",
        };
        string json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        var sb = new StringBuilder("<figure class=\"output chart\">\n<div class=\"plot\" role=\"img\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(title)).Append("\"></div>\n")
            .Append("<script type=\"application/json\" class=\"figure\">").Append(json).Append("</script>\n");
        if (png is not null)
            sb.Append("<noscript><img src=\"data:image/png;base64,").Append(png.Trim()).Append("\" alt=\"").Append(WebUtility.HtmlEncode(title)).Append("\"></noscript>\n");
        return sb.Append("</figure>\n").ToString();
    }

    /// <summary>Stream text, HTML-encoded, each check line wrapped in <c>&lt;span class="check pass|fail"&gt;</c>.</summary>
    public static string Stream(string text)
    {
        var sb = new StringBuilder(text.Length + 64);
        foreach (var line in text.Split('\n').Select((l, i) => (l, i)))
        {
            if (line.i > 0) sb.Append('\n');
            string encoded = WebUtility.HtmlEncode(line.l);
            string trimmed = line.l.TrimStart();
            if (trimmed.StartsWith('✓')) sb.Append("<span class=\"check pass\">").Append(encoded).Append("</span>");
            else if (trimmed.StartsWith('✗')) sb.Append("<span class=\"check fail\">").Append(encoded).Append("</span>");
            else sb.Append(encoded);
        }
        return sb.ToString();
    }
}
