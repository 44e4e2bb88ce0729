using System.Text.Json.Nodes;

namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>One output of a code cell: a stream, a displayed value, the cell's result, or an error.</summary>
/// <remarks>
/// <para><see cref="OutputType"/> is "stream" (<see cref="Name"/> stdout/stderr, <see cref="Text"/>), "display_data" or
/// "execute_result" (<see cref="Data"/>: MIME type → content), or "error" (<see cref="EName"/>, <see cref="EValue"/>,
/// <see cref="Traceback"/>).</para>
/// <para><see cref="DisplayId"/> is transient: it lets a display handle update this output while the notebook runs and is
/// never saved (nbformat does not store it).</para>
/// </remarks>
public sealed class NotebookOutput
{
    /// <summary>Creates an output of the given nbformat type.</summary>
    public NotebookOutput(string outputType) => OutputType = outputType;

    /// <summary>"stream", "display_data", "execute_result" or "error".</summary>
    public string OutputType { get; }

    /// <summary>For streams: "stdout" or "stderr".</summary>
    public string? Name { get; set; }

    /// <summary>For streams: the text written.</summary>
    public string? Text { get; set; }

    /// <summary>For display_data and execute_result: MIME type → content (a JSON string for text types).</summary>
    public SortedDictionary<string, JsonNode?> Data { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For display_data and execute_result: output metadata.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>For execute_result: the execution count of its cell.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>For errors: the exception type name.</summary>
    public string? EName { get; set; }

    /// <summary>For errors: the message.</summary>
    public string? EValue { get; set; }

    /// <summary>For errors: the lines of the traceback.</summary>
    public List<string> Traceback { get; set; } = new();

    /// <summary>Transient display id (not saved).</summary>
    public string? DisplayId { get; set; }

    /// <summary>True for MIME types whose content nbformat stores as JSON, not text: <c>application/json</c> and <c>*+json</c>
    /// (e.g. <c>application/vnd.plotly.v1+json</c>).</summary>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>The JSON stored for <paramref name="mimeType"/> (parsed, when it was given as JSON text), or null.</summary>
    /// <exception cref="System.Text.Json.JsonException">The content is text that is not JSON.</exception>
    public JsonNode? GetJson(string mimeType) =>
        Data.TryGetValue(mimeType, out var node)
            ? node is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text) : node
            : null;

    /// <summary>The text stored for <paramref name="mimeType"/>, or null.</summary>
    public string? GetText(string mimeType) =>
        Data.TryGetValue(mimeType, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A stream output.</summary>
    public static NotebookOutput Stream(string name, string text) => new("stream") { Name = name, Text = text };

    /// <summary>A display_data (or, with <paramref name="executionCount"/>, execute_result) output holding text contents
    /// (JSON MIME types, see <see cref="IsJsonMimeType"/>, are parsed and kept as JSON).</summary>
    public static NotebookOutput Display(IReadOnlyDictionary<string, string> data, int? executionCount = null, string? displayId = null)
    {
        var o = new NotebookOutput(executionCount is null ? "display_data" : "execute_result")
        {
            ExecutionCount = executionCount,
            DisplayId = displayId,
        };
        o.SetData(data);
        return o;
    }

    /// <summary>Replaces <see cref="Data"/> with <paramref name="data"/> (MIME type → text; JSON MIME types are parsed and kept as JSON).</summary>
    /// <exception cref="System.Text.Json.JsonException">Text given for a JSON MIME type is not JSON.</exception>
    public void SetData(IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data.Clear();
        foreach (var (mime, text) in data) Data[mime] = IsJsonMimeType(mime) ? JsonNode.Parse(text) : JsonValue.Create(text);
    }

    /// <summary>An error output.</summary>
    public static NotebookOutput Error(string ename, string evalue, IEnumerable<string> traceback) =>
        new("error") { EName = ename, EValue = evalue, Traceback = traceback.ToList() };
}
