using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuralNotebooks.Kernel.Protocol;

/// <summary>The connection file a Jupyter front end writes for the kernel: where to listen and the key to sign with.</summary>
/// <remarks>See "Connection files" in the Jupyter client documentation. Only <c>tcp</c> and <c>hmac-sha256</c> are
/// supported; an empty key means messages are not signed (and then not verified).</remarks>
public sealed class ConnectionInfo
{
    /// <summary>"tcp".</summary>
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";

    /// <summary>The address to bind, e.g. "127.0.0.1".</summary>
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";

    /// <summary>Shell (requests/replies) port.</summary>
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }

    /// <summary>Control (interrupt, shutdown) port.</summary>
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }

    /// <summary>IOPub (broadcast outputs and status) port.</summary>
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }

    /// <summary>Stdin (input requests) port.</summary>
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }

    /// <summary>Heartbeat port.</summary>
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }

    /// <summary>"hmac-sha256".</summary>
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>The HMAC key (UTF-8 text); empty disables signing.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";

    /// <summary>"tcp://127.0.0.1:PORT".</summary>
    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not JSON, or asks for something unsupported; the message names the file.</exception>
    public static ConnectionInfo Read(string path)
    {
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidDataException($"{path}: cannot read the connection file: {e.Message}", e);
        }
        if (info is null) throw new InvalidDataException($"{path}: the connection file is empty.");
        if (info.Transport != "tcp") throw new InvalidDataException($"{path}: transport \"{info.Transport}\" is not supported (only tcp).");
        if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
            throw new InvalidDataException($"{path}: signature_scheme \"{info.SignatureScheme}\" is not supported (only hmac-sha256).");
        foreach (var (name, port) in new[] { ("shell_port", info.ShellPort), ("control_port", info.ControlPort), ("iopub_port", info.IopubPort), ("stdin_port", info.StdinPort), ("hb_port", info.HeartbeatPort) })
            if (port is <= 0 or > 65535) throw new InvalidDataException($"{path}: {name} must be a port number 1–65535 (was {port}).");
        return info;
    }
}
