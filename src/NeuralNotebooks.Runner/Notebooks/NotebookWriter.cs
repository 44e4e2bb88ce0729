using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>Writes notebooks as nbformat 4.5 JSON, formatted like Jupyter so diffs stay small.</summary>
/// <remarks>
/// <para>Formatting: one-space indentation, object keys sorted (ordinal), multi-line text as a list of lines, non-ASCII
/// characters kept as they are, '\n' line ends and a trailing newline; JSON outputs (<c>*+json</c>) as JSON, their arrays
/// of numbers on one line each. The same notebook always gives the same bytes.</para>
/// <para>Cells without a valid id get one derived from their position and source (stable across writes); notebooks older
/// than 4.5 are written as 4.5. Files are written to a temporary file first and then renamed, so a notebook is never
/// left half-written.</para>
/// </remarks>
public static partial class NotebookWriter
{
    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> atomically (<see cref="OutputFile"/>).</summary>
    /// <exception cref="OutputException">The file cannot be written; it is unchanged.</exception>
    public static void Write(Notebook notebook, string path) => OutputFile.WriteAllText(path, Serialize(notebook));

    /// <summary>The notebook as nbformat 4.5 JSON text.</summary>
    public static string Serialize(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        EnsureCellIds(notebook);
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(CellToJson).ToArray()),
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = Math.Max(5, notebook.NbFormatMinor),
        };
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 1,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteSorted(writer, root);
        }
        return NumberArray().Replace(Encoding.UTF8.GetString(buffer.ToArray()), m => "[" + string.Join(", ", m.Value.Trim('[', ']').Split(',').Select(n => n.Trim())) + "]") + "\n";
    }

    /// <summary>JSON as the writer stores it, on one line: keys sorted, strings escaped the same way. Two nodes holding
    /// the same JSON give the same text, whatever their key order or escaping was.</summary>
    public static string CanonicalJson(JsonNode? node)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteSorted(writer, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Gives every cell without a valid, unique id a stable one (12 hex digits of a hash of its position and source).</summary>
    public static void EnsureCellIds(Notebook notebook)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Id is { } id && ValidId().IsMatch(id) && seen.Add(id)) continue;
            for (int salt = 0; ; salt++)
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{salt}\n{cell.CellType}\n{cell.Source}"));
                var candidate = Convert.ToHexStringLower(hash)[..12];
                if (seen.Add(candidate)) { cell.Id = candidate; break; }
            }
        }
    }

    /// <summary>An indented array whose items are all numbers (only JSON outputs such as chart data have them). Written
    /// on one line, as a row of numbers, instead of one number per line: chart data stays a fraction of the size.
    /// A raw line break cannot occur inside a JSON string, so this never matches text.</summary>
    [GeneratedRegex(@"\[\n[ ]*-?[0-9][0-9.eE+-]*(,\n[ ]*-?[0-9][0-9.eE+-]*)*\n[ ]*\]")]
    private static partial Regex NumberArray();

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ValidId();

    private static JsonObject CellToJson(NotebookCell cell)
    {
        var o = new JsonObject
        {
            ["cell_type"] = cell.CellType,
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        foreach (var (key, value) in cell.Extra) o[key] = value?.DeepClone();
        if (cell.IsCode)
        {
            o["execution_count"] = cell.ExecutionCount is { } n ? JsonValue.Create(n) : null;
            o["outputs"] = new JsonArray(cell.Outputs.Select(OutputToJson).ToArray());
        }
        return o;
    }

    private static JsonNode OutputToJson(NotebookOutput output)
    {
        var o = new JsonObject { ["output_type"] = output.OutputType };
        switch (output.OutputType)
        {
            case "stream":
                o["name"] = output.Name ?? "stdout";
                o["text"] = Lines(output.Text ?? "");
                break;
            case "display_data":
            case "execute_result":
                var data = new JsonObject();
                foreach (var (mime, value) in output.Data)
                    data[mime] = NotebookOutput.IsJsonMimeType(mime) ? output.GetJson(mime)?.DeepClone()
                        : value is JsonValue v && v.TryGetValue<string>(out var s) ? Lines(s) : value?.DeepClone();
                o["data"] = data;
                o["metadata"] = output.Metadata.DeepClone();
                if (output.OutputType == "execute_result")
                    o["execution_count"] = output.ExecutionCount is { } n ? JsonValue.Create(n) : null;
                break;
            case "error":
                o["ename"] = output.EName ?? "";
                o["evalue"] = output.EValue ?? "";
                o["traceback"] = new JsonArray(output.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
                break;
        }
        return o;
    }

    /// <summary>Splits text into Jupyter's list of lines, each but the last keeping its '\n'.</summary>
    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            array.Add(JsonValue.Create(text[start..end]));
            start = end;
        }
        return array;
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a) WriteSorted(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
