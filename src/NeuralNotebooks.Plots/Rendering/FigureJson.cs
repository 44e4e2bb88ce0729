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
/// <para>Numbers are written with at most <see cref="SignificantDigits"/> significant digits (<see cref="Compact"/>):
/// Plotly.NET writes every double with 17, which made a chart of a 100 × 100 probability grid 300 KB of figure. Seven
/// digits are float32 precision — the precision of every number the library computes — and far finer than a
/// chart or its hover labels show. Integers (|n| &lt; 2⁵³) are written exactly.</para>
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
    public static FigureJson Of(GenericChart chart) => Parse(Compact(GenericChart.toJson(chart)));

    /// <summary>Significant digits kept for non-integer numbers: float32 precision.</summary>
    public const int SignificantDigits = 7;

    /// <summary><paramref name="json"/> with every non-integer number rounded to <see cref="SignificantDigits"/>
    /// significant digits; everything else (order, strings, structure) unchanged.</summary>
    /// <exception cref="ArgumentException">The text is not valid JSON.</exception>
    public static string Compact(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var output = new System.Buffers.ArrayBufferWriter<byte>(json.Length);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                        case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                        case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                        case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                        case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                        case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
                        case JsonTokenType.Number when reader.TryGetDouble(out double value) && !IsExactInteger(value):
                            double rounded = double.Parse(value.ToString("G" + SignificantDigits, invariant), invariant);
                            writer.WriteRawValue(rounded.ToString("R", invariant), skipInputValidation: true);
                            break;
                        default: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;  // true, false, null, integers
                    }
                }
            }
            catch (JsonException e) { throw new ArgumentException($"figure JSON is not valid JSON: {e.Message}", nameof(json), e); }
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static bool IsExactInteger(double value) => Math.Abs(value) < 9007199254740992.0 && value == Math.Floor(value);

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
