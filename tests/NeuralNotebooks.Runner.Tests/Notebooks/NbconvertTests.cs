using System.Text;
using System.Text.RegularExpressions;
using NeuralNotebooks.Plots.Rendering;
using NeuralNotebooks.Plots.Tests;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>
/// The saved lessons through a renderer we did not write: Debian's <c>jupyter nbconvert --to html</c> (what nbviewer
/// runs). It runs no kernel and prefers text/html over pictures, so a chart shows there only as its saved image/png.
/// </summary>
public class NbconvertTests
{
    public static TheoryData<string> Lessons() => LessonTests.Lessons();

    [NbconvertTheory]
    [MemberData(nameof(Lessons))]
    public void Nbconvert_shows_every_chart_of_a_saved_lesson_as_its_picture(string lesson)
    {
        string notebook = Path.Combine(TestNotebooks.RepositoryRoot, "notebooks", lesson);
        var charts = NotebookReader.Read(notebook).Cells.SelectMany(c => c.Outputs)
            .Where(o => o.Data.ContainsKey(PlotMimeTypes.PlotlyJson) || (o.GetText("text/html") ?? "").Contains("neuralnotebooks-plot", StringComparison.Ordinal))
            .ToList();
        foreach (var chart in charts)
        {
            Assert.True(chart.GetText("image/png") is { Length: > 0 }, $"{lesson}: a chart was saved without its picture (re-save it: run {lesson} --write)");
            Assert.False(chart.Data.ContainsKey("text/html"), $"{lesson}: a chart was saved with its script-only HTML, which nbconvert would show instead of the picture");
        }

        var folder = TestNotebooks.NewFolder();
        Tools.Run(Tools.Nbconvert!, "--to", "html", "--output-dir", folder, notebook);
        string html = File.ReadAllText(Path.Combine(folder, Path.ChangeExtension(lesson, ".html")));
        var pictures = Regex.Matches(html, "<img src=\"data:image/png;base64,([A-Za-z0-9+/=\\s]+)\"[^>]*>");
        Assert.Equal(charts.Count, pictures.Count);
        if (charts.Count == 0) return;

        // Let Chromium draw nbconvert's images, stacked one under another, and look at each.
        var sizes = charts.Select(c => (W: c.Metadata["image/png"]!["width"]!.GetValue<int>(), H: c.Metadata["image/png"]!["height"]!.GetValue<int>())).ToList();
        for (int start = 0; start < charts.Count;)
        {
            int end = start, height = 0;
            while (end < charts.Count && (end == start || height + sizes[end].H <= 7000)) height += sizes[end++].H;
            int width = sizes.Skip(start).Take(end - start).Max(s => s.W);
            string shot = Path.Combine(folder, $"pictures-{start}.png");
            Chromium.Screenshot(OnlyPictures(html, start, end), shot, width, height);
            var png = Png.Read(shot);
            int top = 0;
            for (int i = start; i < end; i++)
            {
                var (ink, colours) = Look(png, 0, top, sizes[i].W, top + sizes[i].H);
                Assert.True(ink > 0.005 && colours >= 8, $"{lesson}: chart {i + 1} looks blank in nbconvert's page: {ink:P1} ink, {colours} colours");
                top += sizes[i].H;
            }
            start = end;
        }
    }

    /// <summary>nbconvert's page with everything hidden but its output pictures <paramref name="from"/>…<paramref name="to"/>, stacked at their own size.</summary>
    private static string OnlyPictures(string html, int from, int to)
    {
        var script = new StringBuilder()
            .Append("<style>body > * { display: none !important; } body { margin: 0 !important; padding: 0 !important; background: #fff; }")
            .Append(" #nn-pictures { display: block !important; } #nn-pictures img { display: block; margin: 0; }</style>\n")
            .Append("<script>window.addEventListener('load', function () {")
            .Append(" var images = Array.prototype.filter.call(document.querySelectorAll('img'), function (i) { return i.src.indexOf('data:image/png') === 0; });")
            .Append(" var box = document.createElement('div'); box.id = 'nn-pictures';")
            .Append($" images.slice({from}, {to}).forEach(function (i) {{ var c = i.cloneNode(); c.removeAttribute('width'); c.removeAttribute('height'); box.appendChild(c); }});")
            .Append(" document.body.appendChild(box); });</script>\n");
        return html.Replace("</head>", script + "</head>", StringComparison.Ordinal);
    }

    private static (double Ink, int Colours) Look(Png png, int x0, int y0, int x1, int y1)
    {
        long ink = 0;
        var colours = new HashSet<int>();
        for (int y = y0; y < Math.Min(y1, png.Height); y++)
            for (int x = x0; x < Math.Min(x1, png.Width); x++)
            {
                var (r, g, b) = png[x, y];
                if (r < 240 || g < 240 || b < 240) ink++;
                colours.Add((r >> 3) << 10 | (g >> 3) << 5 | (b >> 3));
            }
        return ((double)ink / ((x1 - x0) * (y1 - y0)), colours.Count);
    }
}
