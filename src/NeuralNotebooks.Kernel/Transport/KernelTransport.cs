using NetMQ;
using NetMQ.Sockets;
using NeuralNotebooks.Kernel.Protocol;

namespace NeuralNotebooks.Kernel.Transport;

/// <summary>
/// The kernel's five ZeroMQ sockets on one NetMQ poller thread: shell, control and stdin (ROUTER), iopub (PUB) and the
/// heartbeat (REP, echoes every frame it gets).
/// </summary>
/// <remarks>NetMQ sockets belong to one thread: every send goes through a queue that the poller thread drains, so
/// <see cref="Send"/> may be called from anywhere. Messages that fail to decode (no delimiter, bad or replayed signature,
/// malformed JSON) are logged to stderr and dropped, never handled.</remarks>
public sealed class KernelTransport : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<(Channel Channel, List<byte[]> Frames)> _outbox = new();
    private readonly NetMQPoller _poller;
    private long _rejected;

    /// <summary>Binds the sockets of <paramref name="connection"/>; call <see cref="Start"/> to serve them.</summary>
    public KernelTransport(ConnectionInfo connection, MessageSigner signer, TextWriter log)
    {
        _connection = connection;
        _signer = signer;
        _log = log;
        _shell.Bind(connection.Address(connection.ShellPort));
        _control.Bind(connection.Address(connection.ControlPort));
        _stdin.Bind(connection.Address(connection.StdinPort));
        _iopub.Bind(connection.Address(connection.IopubPort));
        _heartbeat.Bind(connection.Address(connection.HeartbeatPort));
        _shell.ReceiveReady += (_, e) => Receive(Channel.Shell, e.Socket);
        _control.ReceiveReady += (_, e) => Receive(Channel.Control, e.Socket);
        _stdin.ReceiveReady += (_, e) => Receive(Channel.Stdin, e.Socket);
        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartBytes(e.Socket.ReceiveMultipartBytes());
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero)) SocketOf(item.Channel).SendMultipartBytes(item.Frames);
        };
        _poller = new NetMQPoller { _shell, _control, _stdin, _heartbeat, _outbox };
    }

    /// <summary>Raised on the poller thread for every accepted message; handlers must not block (queue the work).</summary>
    public event Action<Channel, JupyterMessage>? Received;

    /// <summary>How many messages were refused (bad signature, replay, malformed).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Starts serving the sockets on a background thread.</summary>
    public void Start() => _poller.RunAsync("jupyter sockets", isBackgroundThread: true);

    /// <summary>Signs and queues <paramref name="message"/> for <paramref name="channel"/> (thread-safe).</summary>
    public void Send(Channel channel, JupyterMessage message) => _outbox.Enqueue((channel, WireFormat.Encode(message, _signer)));

    private NetMQSocket SocketOf(Channel channel) => channel switch
    {
        Channel.Shell => _shell,
        Channel.Control => _control,
        Channel.Stdin => _stdin,
        _ => _iopub,
    };

    private void Receive(Channel channel, NetMQSocket socket)
    {
        var frames = socket.ReceiveMultipartBytes();
        JupyterMessage message;
        try
        {
            message = WireFormat.Decode(frames, _signer);
        }
        catch (InvalidMessageException e)
        {
            Interlocked.Increment(ref _rejected);
            _log.WriteLine($"[NeuralNotebooks.Kernel] refused a message on {channel.ToString().ToLowerInvariant()}: {e.Message}");
            return;
        }
        try
        {
            Received?.Invoke(channel, message);
        }
        catch (Exception e)
        {
            _log.WriteLine($"[NeuralNotebooks.Kernel] error handling {message.MsgType} on {channel}: {e}");
        }
    }

    /// <summary>Sends what is queued (up to <paramref name="flush"/>), then closes the sockets.</summary>
    public void Stop(TimeSpan flush)
    {
        var deadline = DateTime.UtcNow + flush;
        while (_outbox.Count > 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        if (_poller.IsRunning) _poller.Stop();
    }

    /// <summary>Closes everything.</summary>
    public void Dispose()
    {
        if (_poller.IsRunning) _poller.Stop();
        _poller.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Dispose();
        }
        _outbox.Dispose();
    }

    /// <summary>The connection served.</summary>
    public ConnectionInfo Connection => _connection;
}
