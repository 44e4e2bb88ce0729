using System.Globalization;
using System.Text.Json.Nodes;

namespace NeuralNotebooks.Kernel.Protocol;

/// <summary>One message of the Jupyter messaging protocol: routing identities, header, parent header, metadata, content, buffers.</summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>Creates a message from its parts.</summary>
    public JupyterMessage(IReadOnlyList<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata, JsonObject content,
        IReadOnlyList<byte[]>? buffers = null)
    {
        Identities = identities;
        Header = header;
        ParentHeader = parentHeader;
        Metadata = metadata;
        Content = content;
        Buffers = buffers ?? Array.Empty<byte[]>();
    }

    /// <summary>ZeroMQ routing frames before the delimiter (for iopub: the topic).</summary>
    public IReadOnlyList<byte[]> Identities { get; }

    /// <summary>msg_id, session, username, date, msg_type, version.</summary>
    public JsonObject Header { get; }

    /// <summary>The header of the request this message answers ({} if none).</summary>
    public JsonObject ParentHeader { get; }

    /// <summary>Free-form metadata.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The message body.</summary>
    public JsonObject Content { get; }

    /// <summary>Extra binary frames.</summary>
    public IReadOnlyList<byte[]> Buffers { get; }

    /// <summary>"execute_request", "kernel_info_reply"…</summary>
    public string MsgType => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>The message's id.</summary>
    public string MsgId => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>A new header: fresh msg_id, the kernel's session id, the current UTC time (ISO 8601).</summary>
    public static JsonObject NewHeader(string msgType, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>A message of type <paramref name="msgType"/> answering <paramref name="parent"/> (same routing identities).</summary>
    public static JupyterMessage Answer(JupyterMessage parent, string msgType, JsonObject content, string session, JsonObject? metadata = null) =>
        new(parent.Identities, NewHeader(msgType, session), (JsonObject)parent.Header.DeepClone(), metadata ?? new JsonObject(), content);

    /// <summary>An iopub broadcast of type <paramref name="msgType"/> caused by <paramref name="parent"/> (null: none).</summary>
    public static JupyterMessage Broadcast(JupyterMessage? parent, string msgType, JsonObject content, string session) =>
        new(new[] { System.Text.Encoding.UTF8.GetBytes($"kernel.{session}.{msgType}") }, NewHeader(msgType, session),
            parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(), new JsonObject(), content);
}
