using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Plotly.NET;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>A chart serialised once: the plotly.js figure JSON, its three parts, and a key derived from its content.</summary>
/// <remarks>
/// <para><see cref="Json"/> is <c>{"data": [...], "layout": {...}, "config": {...}}</c>, the payload of the
/// <see cref="PlotMimeTypes.PlotlyJson"/> output and what every page and picture is drawn from.</para>
/// <para><see cref="Key"/> depends on nothing but that JSON (no counter, no clock), so the same chart gives the same
/// HTML whatever was drawn before it — saved notebooks diff cleanly.</para>
/// </remarks>
internal sealed class FigureJson
{
    private FigureJson(string json, string data, string layout, string config)
    {
        Json = json;
        Data = ScriptSafe(data);
        Layout = ScriptSafe(layout);
        Config = ScriptSafe(config);
        Key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16].ToLowerInvariant();
    }

    /// <summary>The whole figure as JSON.</summary>
    public string Json { get; }

    /// <summary>The traces, a JSON array (safe to put inside a script element, as are <see cref="Layout"/> and <see cref="Config"/>).</summary>
    public string Data { get; }

    /// <summary>The layout, a JSON object.</summary>
    public string Layout { get; }

    /// <summary>The plotly.js config, a JSON object.</summary>
    public string Config { get; }

    /// <summary>16 hex digits of the SHA-256 of <see cref="Json"/>.</summary>
    public string Key { get; }

    /// <summary>Serialises <paramref name="chart"/> (once).</summary>
    public static FigureJson Of(GenericChart chart) => Parse(GenericChart.toJson(chart));

    /// <summary>Reads figure JSON (e.g. a notebook's <see cref="PlotMimeTypes.PlotlyJson"/> output).</summary>
    /// <exception cref="ArgumentException">The text is not a JSON object.</exception>
    public static FigureJson Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new ArgumentException($"figure JSON is not valid JSON: {e.Message}", nameof(json), e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ArgumentException($"figure JSON must be an object, not {root.ValueKind}.", nameof(json));
            string Part(string name, string empty) => root.TryGetProperty(name, out var v) ? v.GetRawText() : empty;
            return new FigureJson(json, Part("data", "[]"), Part("layout", "{}"), Part("config", "{}"));
        }
    }

    /// <summary>JSON that cannot end its script element: "&lt;/" becomes the equivalent JSON escape "&lt;\/".</summary>
    private static string ScriptSafe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>The layout's width/height in pixels when it fixes them.</summary>
    public (int? Width, int? Height) LayoutSize()
    {
        using var doc = JsonDocument.Parse(Layout);
        int? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? (int)Math.Round(v.GetDouble()) : null;
        return (Get("width"), Get("height"));
    }

    /// <summary>The figure title, when it has one.</summary>
    public string? Title()
    {
        using var doc = JsonDocument.Parse(Layout);
        if (!doc.RootElement.TryGetProperty("title", out var t)) return null;
        if (t.ValueKind == JsonValueKind.String) return t.GetString();
        return t.ValueKind == JsonValueKind.Object && t.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString() : null;
    }
}
