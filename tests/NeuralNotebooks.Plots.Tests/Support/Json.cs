using System.Text.Json;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>Reads a plot's plotly.js JSON.</summary>
internal sealed class Json
{
    private readonly JsonDocument _doc;

    public Json(Plot plot) => _doc = JsonDocument.Parse(plot.ToJson());

    public JsonElement Layout => _doc.RootElement.GetProperty("layout");

    public JsonElement[] Traces => _doc.RootElement.GetProperty("data").EnumerateArray().ToArray();

    public JsonElement[] TracesOfType(string type) => Traces.Where(t => t.GetProperty("type").GetString() == type).ToArray();

    public JsonElement[] Annotations => Layout.TryGetProperty("annotations", out var a) ? a.EnumerateArray().ToArray() : Array.Empty<JsonElement>();

    public JsonElement[] Shapes => Layout.TryGetProperty("shapes", out var s) ? s.EnumerateArray().ToArray() : Array.Empty<JsonElement>();

    public string AxisTitle(string key) => Layout.GetProperty(key).GetProperty("title").GetProperty("text").GetString()!;

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();
}
