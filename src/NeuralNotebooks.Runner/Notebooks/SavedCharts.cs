using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>
/// Readies a notebook's charts for saving (<c>run --write</c>): each chart output gets a picture, so every front end
/// shows it, and loses its script-only HTML, so the file stays small.
/// </summary>
/// <remarks>
/// <para>A chart output is one carrying <see cref="PlotMimeTypes.PlotlyJson"/> (the figure). Saved, it holds that JSON
/// and an <c>image/png</c> picture of it (with its size in the output metadata) and no <c>text/html</c>: VS Code's and
/// JupyterLab's plotly renderers draw the JSON, interactive and offline; GitHub, nbviewer, nbconvert and any viewer
/// without that renderer show the picture; the HTML course draws the JSON with its own copy of plotly.js. The HTML
/// would have won over the picture in nbconvert and GitHub and drawn nothing there without the 3.6 MB plotly.js it
/// inlines once per session.</para>
/// <para>Pictures are drawn by <see cref="ChartPictures"/> (plotly.js in headless Chromium, one browser run per
/// notebook). A chart whose figure is unchanged from the notebook saved before keeps its old picture, byte for byte,
/// so re-saving leaves it alone even where another machine's fonts would draw different pixels.</para>
/// <para>Without Chromium (or when it fails) the charts keep their HTML and get no picture; <see cref="Result.Problem"/>
/// says why, for the run summary.</para>
/// </remarks>
public static class SavedCharts
{
    /// <summary>What happened to a notebook's charts.</summary>
    /// <param name="Charts">Chart outputs found.</param>
    /// <param name="Drawn">Pictures drawn now.</param>
    /// <param name="Kept">Pictures kept from the previous save (figure unchanged).</param>
    /// <param name="Problem">Why some charts got no picture (e.g. Chromium not found); null when all have one.</param>
    public sealed record Result(int Charts, int Drawn, int Kept, string? Problem)
    {
        /// <summary>A line for the run's output, e.g. "6 charts: 2 pictures drawn, 4 unchanged".</summary>
        public string Describe() =>
            Problem is null
                ? $"{Charts} chart{(Charts == 1 ? "" : "s")}: {Drawn} picture{(Drawn == 1 ? "" : "s")} drawn, {Kept} unchanged"
                : $"{Charts - Drawn - Kept} of {Charts} charts saved without a picture (GitHub and nbviewer will not show them): {Problem}";
    }

    private const string Png = "image/png";

    /// <summary>Bumped when pictures are drawn differently, so old ones are not reused.</summary>
    private const string PictureFormat = "plotly.js " + PlotlyJs.Version + ", Plotly.toImage png, scale 1";

    /// <summary>Adds pictures to <paramref name="notebook"/>'s chart outputs, reusing those of <paramref name="previous"/>
    /// (the notebook as saved before, or null) where the figure is unchanged.</summary>
    public static Result AddPictures(Notebook notebook, Notebook? previous)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var charts = ChartOutputs(notebook).ToList();
        if (charts.Count == 0) return new Result(0, 0, 0, null);

        var old = new Dictionary<string, NotebookOutput>(StringComparer.Ordinal);
        if (previous is not null)
            foreach (var (output, json) in ChartOutputs(previous))
                if (output.GetText(Png) is { Length: > 0 }) old.TryAdd(Key(json), output);

        var pending = new List<(NotebookOutput Output, string Json)>();
        int kept = 0;
        foreach (var (output, json) in charts)
        {
            if (old.TryGetValue(Key(json), out var before))
            {
                SetPicture(output, before.GetText(Png)!, before.Metadata[Png]?.DeepClone());
                kept++;
            }
            else pending.Add((output, json));
        }
        if (pending.Count == 0) return new Result(charts.Count, 0, kept, null);

        IReadOnlyList<ChartPictures.Picture> pictures;
        try
        {
            pictures = ChartPictures.Render(pending.Select(p => p.Json).ToList());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return new Result(charts.Count, 0, kept, e.Message); // ChromiumNotFoundException is an InvalidOperationException
        }
        for (int i = 0; i < pending.Count; i++)
        {
            var p = pictures[i];
            SetPicture(pending[i].Output, Convert.ToBase64String(p.Png), new JsonObject { ["height"] = p.Height, ["width"] = p.Width });
        }
        return new Result(charts.Count, pending.Count, kept, null);
    }

    /// <summary>Every output holding a plotly figure, with the figure as canonical JSON (as saved: keys sorted).</summary>
    private static IEnumerable<(NotebookOutput Output, string Json)> ChartOutputs(Notebook notebook) =>
        from cell in notebook.Cells
        where cell.IsCode
        from output in cell.Outputs
        where output.Data.ContainsKey(PlotMimeTypes.PlotlyJson)
        let json = output.GetJson(PlotMimeTypes.PlotlyJson)
        where json is JsonObject
        select (output, NotebookWriter.CanonicalJson(json));

    private static void SetPicture(NotebookOutput output, string base64, JsonNode? size)
    {
        output.Data[Png] = JsonValue.Create(base64);
        if (size is not null) output.Metadata[Png] = size;
        output.Data.Remove(PlotMimeTypes.Html);
    }

    private static string Key(string figureJson) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PictureFormat + "\n" + figureJson)));
}
