using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>Reads nbformat 4.x notebooks (.ipynb JSON) with System.Text.Json.</summary>
/// <remarks>
/// Multi-line strings may be a string or a list of lines (both are nbformat); they are joined. Unknown metadata is kept.
/// Every problem is a <see cref="NotebookFormatException"/> naming the file (and the cell, when it is a cell's fault).
/// </remarks>
public static class NotebookReader
{
    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is missing, unreadable, not UTF-8, not JSON (or has a key twice in
    /// one object), or not nbformat 4.</exception>
    public static Notebook Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NotebookFormatException(path, "notebook file not found.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, $"cannot read the notebook: {e.Message}", e);
        }
        return Parse(DecodeUtf8(bytes, path), path);
    }

    /// <summary>The text of a notebook file: UTF-8 (a byte-order mark is skipped), as nbformat requires.</summary>
    /// <remarks>Strict: a byte that is not UTF-8 is an error naming its offset, never a silent U+FFFD that a later
    /// <c>--write</c> would save over the original bytes.</remarks>
    /// <exception cref="NotebookFormatException">The bytes are not valid UTF-8.</exception>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string path = "<notebook>")
    {
        int start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var chars = new char[bytes.Length - start];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes[start..], chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
            throw new NotebookFormatException(path, $"not valid UTF-8 at byte offset {start + read} (byte 0x{bytes[start + read]:X2}); a notebook must be UTF-8 text.");
        return new string(chars, 0, written);
    }

    /// <summary>Parses notebook JSON; <paramref name="path"/> is only used in error messages.</summary>
    /// <exception cref="NotebookFormatException">The text is not JSON or not nbformat 4.</exception>
    public static Notebook Parse(string json, string path = "<notebook>")
    {
        JsonNode? root;
        try
        {
            // Duplicate keys are refused here: JsonObject would throw on first access, far from the file's name.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        if (root is not JsonObject obj) throw new NotebookFormatException(path, "the top level must be a JSON object.");
        int major = Int(obj, "nbformat", path) ?? throw new NotebookFormatException(path, "missing \"nbformat\".");
        if (major != 4) throw new NotebookFormatException(path, $"nbformat {major} is not supported (only 4).");
        var nb = new Notebook
        {
            NbFormat = major,
            NbFormatMinor = Int(obj, "nbformat_minor", path) ?? 0,
            Metadata = obj["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject(),
        };
        if (obj["cells"] is not JsonArray cells) throw new NotebookFormatException(path, "missing the \"cells\" array.");
        for (int i = 0; i < cells.Count; i++) nb.Cells.Add(ReadCell(cells[i], i + 1, path));
        return nb;
    }

    private static NotebookCell ReadCell(JsonNode? node, int number, string path)
    {
        if (node is not JsonObject c) throw new NotebookFormatException(path, $"cell {number} is not a JSON object.");
        string type = Str(c["cell_type"]) ?? throw new NotebookFormatException(path, $"cell {number} has no \"cell_type\".");
        if (type is not ("code" or "markdown" or "raw"))
            throw new NotebookFormatException(path, $"cell {number} has unknown cell_type \"{type}\".");
        var cell = new NotebookCell(type, MultiLine(c["source"], $"cell {number} source", path) ?? "", Str(c["id"]))
        {
            Metadata = c["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : new JsonObject(),
        };
        foreach (var (key, value) in c)
            if (key is not ("cell_type" or "id" or "source" or "metadata" or "outputs" or "execution_count"))
                cell.Extra[key] = value?.DeepClone();
        if (cell.IsCode)
        {
            cell.ExecutionCount = c["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var n) ? n : null;
            if (c["outputs"] is JsonArray outputs)
                for (int k = 0; k < outputs.Count; k++) cell.Outputs.Add(ReadOutput(outputs[k], number, k + 1, path));
        }
        return cell;
    }

    private static NotebookOutput ReadOutput(JsonNode? node, int cell, int number, string path)
    {
        string where = $"cell {cell} output {number}";
        if (node is not JsonObject o) throw new NotebookFormatException(path, $"{where} is not a JSON object.");
        string type = Str(o["output_type"]) ?? throw new NotebookFormatException(path, $"{where} has no \"output_type\".");
        var output = new NotebookOutput(type);
        switch (type)
        {
            case "stream":
                output.Name = Str(o["name"]) ?? "stdout";
                output.Text = MultiLine(o["text"], where, path) ?? "";
                break;
            case "display_data":
            case "execute_result":
                if (o["data"] is JsonObject data)
                    foreach (var (mime, value) in data)
                        output.Data[mime] = value is JsonArray or JsonValue && !NotebookOutput.IsJsonMimeType(mime)
                            ? JsonValue.Create(MultiLine(value, where, path))
                            : value?.DeepClone();
                output.Metadata = o["metadata"] is JsonObject md ? (JsonObject)md.DeepClone() : new JsonObject();
                output.ExecutionCount = o["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var n) ? n : null;
                break;
            case "error":
                output.EName = Str(o["ename"]) ?? "";
                output.EValue = Str(o["evalue"]) ?? "";
                if (o["traceback"] is JsonArray tb) output.Traceback = tb.Select(t => Str(t) ?? "").ToList();
                break;
            default:
                throw new NotebookFormatException(path, $"{where} has unknown output_type \"{type}\".");
        }
        return output;
    }

    private static string? MultiLine(JsonNode? node, string where, string path) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Concat(a.Select(x => Str(x) ?? throw new NotebookFormatException(path, $"{where}: expected a list of strings."))),
        _ => throw new NotebookFormatException(path, $"{where}: expected a string or a list of strings."),
    };

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonObject o, string key, string path)
    {
        if (o[key] is null) return null;
        if (o[key] is JsonValue v && v.TryGetValue<int>(out var n)) return n;
        throw new NotebookFormatException(path, $"\"{key}\" must be an integer.");
    }
}
