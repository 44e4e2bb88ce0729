using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuralNotebooks.Kernel.Protocol;

/// <summary>
/// The multipart ZeroMQ form of a message: identities…, "&lt;IDS|MSG&gt;", signature, header, parent header, metadata,
/// content, buffers….
/// </summary>
public static class WireFormat
{
    /// <summary>The frame that separates routing identities from the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The frames of <paramref name="message"/>, signed by <paramref name="signer"/>.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        var header = Json(message.Header);
        var parent = Json(message.ParentHeader);
        var metadata = Json(message.Metadata);
        var content = Json(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Reads a message from its frames, verifying its signature.</summary>
    /// <exception cref="InvalidMessageException">No delimiter, too few frames, a bad signature, a replayed message, or a part that is not a JSON object.</exception>
    public static JupyterMessage Decode(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) throw new InvalidMessageException("no <IDS|MSG> delimiter frame");
        if (frames.Count - delimiter - 1 < 5) throw new InvalidMessageException($"{frames.Count - delimiter - 1} frames after the delimiter, at least 5 expected");
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var (header, parent, metadata, content) = (frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5]);
        if (!signer.Verify(signature, header, parent, metadata, content))
            throw new InvalidMessageException("bad or replayed signature");
        return new JupyterMessage(
            frames.Take(delimiter).ToArray(),
            Object(header, "header"), Object(parent, "parent_header"), Object(metadata, "metadata"), Object(content, "content"),
            frames.Skip(delimiter + 6).ToArray());
    }

    private static byte[] Json(JsonObject value) => JsonSerializer.SerializeToUtf8Bytes(value, Compact);

    private static JsonObject Object(byte[] frame, string part)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new InvalidMessageException($"{part} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"{part} is not valid JSON ({e.Message})");
        }
    }
}

/// <summary>A message that cannot be accepted; the kernel logs it and drops it.</summary>
public sealed class InvalidMessageException(string reason) : Exception(reason);
