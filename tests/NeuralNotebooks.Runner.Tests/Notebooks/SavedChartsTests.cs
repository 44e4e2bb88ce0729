using System.Text.Json.Nodes;
using NeuralNotebooks.Plots.Rendering;
using NeuralNotebooks.Plots.Tests;
using NeuralNotebooks.Runner.Cli;
using NeuralNotebooks.Runner.Notebooks;
using static NeuralNotebooks.Runner.Tests.TestNotebooks;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>What <c>run --write</c> saves for a chart: the plotly figure and its picture, no script-only HTML.</summary>
public class SavedChartsTests
{
    private static Notebook TwoCharts() => Make(
        Markdown("# Charts"),
        Code(ChartCell),
        Code("#r \"../src/NeuralNotebooks.Plots/bin/Debug/net8.0/NeuralNotebooks.Plots.dll\"\n"
             + "var h = new NeuralNotebooks.Models.History();\n"
             + "for (int e = 1; e <= 3; e++) h.RecordEpoch(new Dictionary<string, double> { [\"loss\"] = 1.0 / e }, TimeSpan.Zero);\n"
             + "display(NeuralNotebooks.Plots.Charts.History(h, \"three epochs\"));"));

    [ChromiumFact]
    public async Task Each_chart_is_saved_as_its_figure_and_a_picture_and_resaving_changes_nothing()
    {
        var path = Save(TwoCharts());
        var log = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(new[] { "run", path, "--write" }, log, new StringWriter()));
        Assert.Contains("2 charts: 2 pictures drawn, 0 unchanged", log.ToString());

        var saved = NotebookReader.Read(path);
        var charts = saved.Cells.SelectMany(c => c.Outputs).Where(o => o.Data.ContainsKey(PlotMimeTypes.PlotlyJson)).ToList();
        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            Assert.Equal(new[] { "application/vnd.plotly.v1+json", "image/png" }, chart.Data.Keys);   // no text/html
            var figure = Assert.IsType<JsonObject>(chart.GetJson(PlotMimeTypes.PlotlyJson));
            Assert.IsType<JsonArray>(figure["data"]);
            var file = Path.Combine(NewFolder(), "chart.png");
            File.WriteAllBytes(file, Convert.FromBase64String(chart.GetText("image/png")!));
            var png = Png.Read(file);
            Assert.Equal(chart.Metadata["image/png"]!["width"]!.GetValue<int>(), png.Width);
            Assert.Equal(chart.Metadata["image/png"]!["height"]!.GetValue<int>(), png.Height);
            Assert.True(png.NonWhiteFraction() > 0.005 && png.ColourCount() >= 8, $"a blank picture: {png.NonWhiteFraction():P1} ink, {png.ColourCount()} colours");
        }
        Assert.Equal(ChartPictures.DefaultWidth, charts[1].Metadata["image/png"]!["width"]!.GetValue<int>()); // the history chart sets no width
        string text = File.ReadAllText(path);
        Assert.True(text.Length < 150_000, $"the notebook is {text.Length} characters");
        Assert.DoesNotContain("if (!window.Plotly)", text);

        byte[] before = File.ReadAllBytes(path);
        log = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(new[] { "run", path, "--write" }, log, new StringWriter()));
        Assert.Contains("2 charts: 0 pictures drawn, 2 unchanged", log.ToString());
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Without_Chromium_the_charts_keep_their_html_and_the_summary_says_so()
    {
        var path = Save(TwoCharts());
        var log = new StringWriter();
        using (Chromium.SearchOnly("/nonexistent/chromium"))
        {
            Assert.Equal(0, await CommandLine.RunAsync(new[] { "run", path, "--write" }, log, new StringWriter()));
        }
        string summary = log.ToString()[log.ToString().LastIndexOf("1/1 notebooks passed", StringComparison.Ordinal)..];
        Assert.Contains("note: " + path + ": 2 of 2 charts saved without a picture (GitHub and nbviewer will not show them): ", summary);
        Assert.Contains("apt-get install chromium", summary);
        var charts = NotebookReader.Read(path).Cells.SelectMany(c => c.Outputs).Where(o => o.Data.ContainsKey(PlotMimeTypes.PlotlyJson)).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, c => Assert.Equal(new[] { "application/vnd.plotly.v1+json", "text/html" }, c.Data.Keys));
        Assert.Contains("if (!window.Plotly)", charts[0].GetText("text/html"));   // still drawn offline where scripts run
    }

    [Fact]
    public void Numbers_in_chart_json_are_saved_a_row_per_line_and_read_back_the_same()
    {
        var nb = Make(Code("x"));
        var output = NotebookOutput.Display(new Dictionary<string, string>
        {
            [PlotMimeTypes.PlotlyJson] = "{\"data\":[{\"z\":[[0.5,1e-05,-2],[3,4,5]],\"x\":[1,2],\"name\":\"a [1,\\n2]\"}],\"layout\":{}}",
        });
        nb.Cells[0].Outputs.Add(output);
        string text = NotebookWriter.Serialize(nb);
        Assert.Matches("\"z\": \\[\n +\\[0.5, 1e-05, -2\\],\n +\\[3, 4, 5\\]\n +\\]", text);
        Assert.Contains("\"x\": [1, 2]", text);
        Assert.Contains("\"name\": \"a [1,\\n2]\"", text);   // text is never touched
        Assert.Equal(text, NotebookWriter.Serialize(NotebookReader.Parse(text)));
        Assert.Equal(NotebookWriter.CanonicalJson(output.GetJson(PlotMimeTypes.PlotlyJson)),
            NotebookWriter.CanonicalJson(NotebookReader.Parse(text).Cells[0].Outputs[0].GetJson(PlotMimeTypes.PlotlyJson)));
    }
}
