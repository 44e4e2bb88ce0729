using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NeuralNotebooks.Execution.Hosting;
using NeuralNotebooks.Execution.Sessions;
using NeuralNotebooks.Kernel.Handlers;
using NeuralNotebooks.Kernel.Protocol;
using NeuralNotebooks.Kernel.Transport;

namespace NeuralNotebooks.Kernel;

/// <summary>
/// The kernel: serves one connection file until a shutdown_request (or the death of the process that started it).
/// </summary>
/// <remarks>
/// <para>Three threads: the socket poller (<see cref="KernelTransport"/>), the shell worker (requests in order; a cell
/// runs on a thread of its own under it) and the control worker (interrupt and shutdown, answered even while a cell
/// runs). Every request handled is bracketed by status busy / idle on iopub, with the request as parent.</para>
/// <para>Interrupts: interrupt_request on control (the kernelspec's <c>interrupt_mode</c> is "message") and SIGINT both
/// stop the running cell (<see cref="ScriptSession.Interrupt"/>). Restart is the front end's: it sends shutdown_request with
/// <c>restart: true</c>, the kernel exits, the front end starts a new process.</para>
/// </remarks>
public sealed class KernelServer : IDisposable
{
    private readonly KernelTransport _transport;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly BlockingCollection<JupyterMessage> _shell = new();
    private readonly BlockingCollection<JupyterMessage> _control = new();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ExecuteHandler _execute;
    private readonly EditorHandler _editor;
    private readonly StdinBroker _stdin;
    private readonly TextWriter _log;

    /// <summary>Binds the sockets of <paramref name="connection"/>; cells run with <paramref name="notebookDirectory"/> as the base of relative paths.</summary>
    public KernelServer(ConnectionInfo connection, string notebookDirectory, TextWriter? log = null)
    {
        ConsoleRouter.Install();
        _log = log ?? ConsoleRouter.OriginalError;
        _transport = new KernelTransport(connection, new MessageSigner(connection.Key), _log);
        var session = new ScriptSession(new SessionOptions
        {
            NotebookDirectory = notebookDirectory,
            HostName = "kernel",
            DisplayIdPrefix = $"nn-{_session[..8]}-",
        });
        _stdin = new StdinBroker(_transport, _session);
        _execute = new ExecuteHandler(_transport, session, _stdin, _session, notebookDirectory);
        _editor = new EditorHandler(session);
        _transport.Received += OnReceived;
    }

    /// <summary>Messages refused so far (bad signature, replay, malformed).</summary>
    public long Rejected => _transport.Rejected;

    /// <summary>Serves until shutdown; returns the process exit code.</summary>
    public Task<int> RunAsync()
    {
        _transport.Start();
        StartWorker("shell worker", _shell, HandleShell);
        StartWorker("control worker", _control, HandleControl);
        _editor.WarmUp();
        Publish(null, "status", new JsonObject { ["execution_state"] = "starting" });
        return _exit.Task;
    }

    /// <summary>Stops the running cell, as an interrupt_request does (used for SIGINT).</summary>
    public void Interrupt() => _execute.Interrupt();

    /// <summary>Ends <see cref="RunAsync"/> with <paramref name="code"/>.</summary>
    public void Stop(int code) => _exit.TrySetResult(code);

    private void OnReceived(Channel channel, JupyterMessage message)
    {
        switch (channel)
        {
            case Channel.Control: _control.Add(message); break;
            case Channel.Stdin when message.MsgType == "input_reply": _stdin.Deliver(message); break;
            case Channel.Shell: _shell.Add(message); break;
            default: _log.WriteLine($"[NeuralNotebooks.Kernel] ignored {message.MsgType} on {channel}"); break;
        }
    }

    private void StartWorker(string name, BlockingCollection<JupyterMessage> queue, Action<JupyterMessage> handle)
    {
        var thread = new Thread(() =>
        {
            foreach (var message in queue.GetConsumingEnumerable())
            {
                try { handle(message); }
                catch (Exception e) { _log.WriteLine($"[NeuralNotebooks.Kernel] {message.MsgType} failed: {e}"); }
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
    }

    private void HandleShell(JupyterMessage message)
    {
        Busy(message, () =>
        {
            switch (message.MsgType)
            {
                case "execute_request":
                    if (_execute.Handle(message)) AbortQueuedExecutions();
                    break;
                case "kernel_info_request": Reply(Channel.Shell, message, "kernel_info_reply", KernelInfo.Reply()); break;
                case "is_complete_request": Reply(Channel.Shell, message, "is_complete_reply", _editor.IsComplete(message.Content)); break;
                case "complete_request": Reply(Channel.Shell, message, "complete_reply", _editor.Complete(message.Content)); break;
                case "inspect_request": Reply(Channel.Shell, message, "inspect_reply", _editor.Inspect(message.Content)); break;
                case "history_request": Reply(Channel.Shell, message, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }); break;
                case "comm_info_request": Reply(Channel.Shell, message, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
                case "shutdown_request": Shutdown(Channel.Shell, message); break;
                default: _log.WriteLine($"[NeuralNotebooks.Kernel] unsupported shell request {message.MsgType}"); break;
            }
        });
    }

    private void HandleControl(JupyterMessage message)
    {
        Busy(message, () =>
        {
            switch (message.MsgType)
            {
                case "interrupt_request":
                    _execute.Interrupt();
                    Reply(Channel.Control, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request": Shutdown(Channel.Control, message); break;
                case "kernel_info_request": Reply(Channel.Control, message, "kernel_info_reply", KernelInfo.Reply()); break;
                default: _log.WriteLine($"[NeuralNotebooks.Kernel] unsupported control request {message.MsgType}"); break;
            }
        });
    }

    /// <summary>After a failed cell: queued execute_requests are answered "aborted", other requests are served.</summary>
    private void AbortQueuedExecutions()
    {
        var keep = new List<JupyterMessage>();
        while (_shell.TryTake(out var queued))
        {
            if (queued.MsgType == "execute_request") Busy(queued, () => _execute.Abort(queued));
            else keep.Add(queued);
        }
        foreach (var other in keep) HandleShell(other);
    }

    private void Shutdown(Channel channel, JupyterMessage message)
    {
        bool restart = message.Content["restart"]?.GetValue<bool>() ?? false;
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(channel, message, "shutdown_reply", content);
        Publish(message, "shutdown_reply", (JsonObject)content.DeepClone());
        _execute.Interrupt();
        Stop(0);
    }

    private void Busy(JupyterMessage parent, Action handle)
    {
        Publish(parent, "status", new JsonObject { ["execution_state"] = "busy" });
        try { handle(); }
        finally { Publish(parent, "status", new JsonObject { ["execution_state"] = "idle" }); }
    }

    private void Reply(Channel channel, JupyterMessage request, string msgType, JsonObject content) =>
        _transport.Send(channel, JupyterMessage.Answer(request, msgType, content, _session));

    private void Publish(JupyterMessage? parent, string msgType, JsonObject content) =>
        _transport.Send(Channel.IOPub, JupyterMessage.Broadcast(parent, msgType, content, _session));

    /// <summary>Sends what is queued and closes the sockets.</summary>
    public void Dispose()
    {
        _shell.CompleteAdding();
        _control.CompleteAdding();
        _transport.Stop(TimeSpan.FromSeconds(1));
        _transport.Dispose();
    }
}
