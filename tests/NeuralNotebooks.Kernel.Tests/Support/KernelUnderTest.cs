using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using NeuralNotebooks.Kernel.Protocol;

namespace NeuralNotebooks.Kernel.Tests.Support;

/// <summary>
/// The kernel as a real process (<c>dotnet NeuralNotebooks.Kernel.dll --connection-file …</c>) with a small client over
/// NetMQ: shell, control and stdin as DEALER sockets with one identity, iopub as SUB, heartbeat as REQ.
/// </summary>
/// <remarks>Every wait has a limit; disposing kills the process if it is still running.</remarks>
internal sealed class KernelUnderTest : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly DealerSocket _stdin = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly string _session = Guid.NewGuid().ToString("N");

    public KernelUnderTest(string? workingDirectory = null, string key = "test-key-0123456789")
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        Connection = new ConnectionInfo
        {
            Ip = "127.0.0.1", ShellPort = ports[0], ControlPort = ports[1], IopubPort = ports[2], StdinPort = ports[3], HeartbeatPort = ports[4], Key = key,
        };
        Signer = new MessageSigner(key);
        var folder = Repo.NewFolder("kernel");
        var file = Path.Combine(folder, "connection.json");
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(Connection));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = workingDirectory ?? folder };
        start.ArgumentList.Add(Repo.KernelDll);
        start.ArgumentList.Add("--connection-file");
        start.ArgumentList.Add(file);
        start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString(); // the kernel ends if the test run dies
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (Log) Log.Add(e.Data); };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (Log) Log.Add(e.Data); };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var identity = System.Text.Encoding.UTF8.GetBytes(_session);
        _shell.Options.Identity = identity;
        _stdin.Options.Identity = identity;
        foreach (var s in new NetMQSocket[] { _shell, _control, _stdin, _iopub }) s.Options.Linger = TimeSpan.Zero;
        _shell.Connect(Connection.Address(Connection.ShellPort));
        _control.Connect(Connection.Address(Connection.ControlPort));
        _stdin.Connect(Connection.Address(Connection.StdinPort));
        _iopub.Connect(Connection.Address(Connection.IopubPort));
        _iopub.SubscribeToAnyTopic();
        WaitForReady();
    }

    public ConnectionInfo Connection { get; }

    public MessageSigner Signer { get; }

    /// <summary>What the kernel wrote to stdout/stderr (its log).</summary>
    public List<string> Log { get; } = new();

    public bool HasExited => _process.HasExited;

    /// <summary>kernel_info until iopub answers too (a SUB socket misses what was sent before it joined).</summary>
    private void WaitForReady()
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("the kernel exited: " + string.Join("\n", Log));
            Send(Channel.Shell, "kernel_info_request", new JsonObject());
            if (TryReceive(_shell, TimeSpan.FromSeconds(2), out var reply) && reply.MsgType == "kernel_info_reply"
                && TryReceive(_iopub, TimeSpan.FromSeconds(1), out _))
            {
                DrainIopub();
                return;
            }
        }
        throw new TimeoutException("the kernel did not answer kernel_info within " + Wait);
    }

    public enum Channel { Shell, Control, Stdin }

    private DealerSocket Socket(Channel c) => c switch { Channel.Shell => _shell, Channel.Control => _control, _ => _stdin };

    /// <summary>Sends a request; returns its msg_id.</summary>
    public string Send(Channel channel, string msgType, JsonObject content, MessageSigner? signer = null)
    {
        var message = new JupyterMessage(Array.Empty<byte[]>(), JupyterMessage.NewHeader(msgType, _session), new JsonObject(), new JsonObject(), content);
        Socket(channel).SendMultipartBytes(WireFormat.Encode(message, signer ?? Signer));
        return message.MsgId;
    }

    /// <summary>The next message on <paramref name="channel"/>.</summary>
    /// <summary>The next message on <paramref name="channel"/> answering <paramref name="parentId"/> (others, left over from an earlier failed test, are skipped).</summary>
    public JupyterMessage Receive(Channel channel, string parentId, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Wait);
        while (DateTime.UtcNow < deadline)
            if (TryReceive(Socket(channel), TimeSpan.FromMilliseconds(200), out var m) && (string?)m.ParentHeader["msg_id"] == parentId) return m;
        throw new TimeoutException($"no answer to {parentId} on {channel} within {limit ?? Wait}");
    }

    public bool TryReceive(Channel channel, TimeSpan limit, out JupyterMessage message) => TryReceive(Socket(channel), limit, out message!);

    private bool TryReceive(NetMQSocket socket, TimeSpan limit, out JupyterMessage message)
    {
        var frames = new List<byte[]>();
        if (!socket.TryReceiveMultipartBytes(limit, ref frames)) { message = null!; return false; }
        message = WireFormat.Decode(frames, new MessageSigner(Connection.Key)); // the kernel's messages must be signed right
        return true;
    }

    /// <summary>The iopub messages caused by request <paramref name="parentId"/>, up to and including its status idle.</summary>
    public List<JupyterMessage> IopubUntilIdle(string parentId, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Wait);
        var seen = new List<JupyterMessage>();
        while (DateTime.UtcNow < deadline)
        {
            if (!TryReceive(_iopub, TimeSpan.FromMilliseconds(200), out var m)) continue;
            if ((string?)m.ParentHeader["msg_id"] != parentId) continue;
            seen.Add(m);
            if (m.MsgType == "status" && (string?)m.Content["execution_state"] == "idle") return seen;
        }
        throw new TimeoutException($"no idle status for {parentId}; seen: {string.Join(", ", seen.Select(s => s.MsgType))}");
    }

    /// <summary>Reads iopub until a message of request <paramref name="parentId"/> matches <paramref name="match"/>.</summary>
    public JupyterMessage IopubUntil(string parentId, Func<JupyterMessage, bool> match, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Wait);
        while (DateTime.UtcNow < deadline)
            if (TryReceive(_iopub, TimeSpan.FromMilliseconds(200), out var m) && (string?)m.ParentHeader["msg_id"] == parentId && match(m)) return m;
        throw new TimeoutException($"no matching iopub message for {parentId} within {limit ?? Wait}");
    }

    /// <summary>Runs <paramref name="code"/>: the execute_reply and the iopub messages of the request.</summary>
    public (JupyterMessage Reply, List<JupyterMessage> Iopub) Execute(string code, JsonObject? extra = null)
    {
        var content = new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["allow_stdin"] = false, ["stop_on_error"] = true };
        if (extra is not null) foreach (var (k, v) in extra) content[k] = v?.DeepClone();
        var id = Send(Channel.Shell, "execute_request", content);
        var reply = Receive(Channel.Shell, id);
        return (reply, IopubUntilIdle(id));
    }

    public void DrainIopub()
    {
        while (TryReceive(_iopub, TimeSpan.FromMilliseconds(300), out _)) { }
    }

    /// <summary>Sends <paramref name="payload"/> to the heartbeat and returns what came back (null: nothing within the limit).</summary>
    public byte[]? Ping(byte[] payload, TimeSpan limit)
    {
        using var hb = new RequestSocket();
        hb.Options.Linger = TimeSpan.Zero;
        hb.Connect(Connection.Address(Connection.HeartbeatPort));
        hb.SendFrame(payload);
        return hb.TryReceiveFrameBytes(limit, out var echo) ? echo : null;
    }

    public bool WaitForExit(TimeSpan limit) => _process.WaitForExit(limit);

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        foreach (var s in new NetMQSocket[] { _shell, _control, _stdin, _iopub }) s.Dispose();
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
