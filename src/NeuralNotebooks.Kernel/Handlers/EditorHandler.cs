using System.Text.Json.Nodes;
using NeuralNotebooks.Execution.Editing;
using NeuralNotebooks.Execution.Sessions;

namespace NeuralNotebooks.Kernel.Handlers;

/// <summary>complete_request, inspect_request and is_complete_request, answered by <see cref="SessionWorkspace"/>.</summary>
/// <remarks>The protocol counts cursor positions in Unicode code points (5.2+); .NET strings in UTF-16 units — converted
/// both ways, so a cell with emoji or other astral characters completes at the right place. A request that takes longer
/// than 10 s (or fails) gets an empty answer rather than blocking the shell.</remarks>
internal sealed class EditorHandler(ScriptSession session)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly SessionWorkspace _workspace = new(session);

    public void WarmUp() => _workspace.WarmUp();

    public JsonObject Complete(JsonObject content)
    {
        var code = content["code"]?.GetValue<string>() ?? "";
        int cursor = ToUtf16(code, content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        Completions? completions = null;
        try
        {
            using var cts = new CancellationTokenSource(Limit);
            completions = _workspace.CompleteAsync(code, cursor, cts.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { }
        completions ??= new Completions(Array.Empty<Completion>(), cursor, cursor);
        int start = ToCodePoints(code, completions.Start), end = ToCodePoints(code, completions.End);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(completions.Items.Select(c => (JsonNode?)c.Text).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray(completions.Items.Select(c => (JsonNode?)new JsonObject
                {
                    ["start"] = start, ["end"] = end, ["text"] = c.Text, ["type"] = c.Kind, ["signature"] = c.Label,
                }).ToArray()),
            },
        };
    }

    public JsonObject Inspect(JsonObject content)
    {
        var code = content["code"]?.GetValue<string>() ?? "";
        int cursor = ToUtf16(code, content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        string? text = null;
        try
        {
            using var cts = new CancellationTokenSource(Limit);
            text = _workspace.DescribeAsync(code, cursor, cts.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException) { }
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    public JsonObject IsComplete(JsonObject content)
    {
        var code = content["code"]?.GetValue<string>() ?? "";
        return SessionWorkspace.IsComplete(code)
            ? new JsonObject { ["status"] = "complete" }
            : new JsonObject { ["status"] = "incomplete", ["indent"] = "    " };
    }

    /// <summary>The UTF-16 offset of the <paramref name="codePoints"/>-th code point of <paramref name="text"/>.</summary>
    internal static int ToUtf16(string text, int codePoints)
    {
        int offset = 0, seen = 0;
        while (seen < codePoints && offset < text.Length)
        {
            offset += char.IsSurrogatePair(text, offset) ? 2 : 1;
            seen++;
        }
        return offset;
    }

    /// <summary>The number of code points in the first <paramref name="utf16"/> units of <paramref name="text"/>.</summary>
    internal static int ToCodePoints(string text, int utf16)
    {
        int count = 0;
        for (int i = 0; i < Math.Min(utf16, text.Length); i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }
}
