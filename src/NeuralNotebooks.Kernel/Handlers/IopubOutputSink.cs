using System.Text;
using System.Text.Json.Nodes;
using NeuralNotebooks.Execution.Outputs;
using NeuralNotebooks.Kernel.Protocol;
using NeuralNotebooks.Kernel.Transport;

namespace NeuralNotebooks.Kernel.Handlers;

/// <summary>
/// The outputs of one execute_request, published on iopub with that request as parent: stream, display_data,
/// update_display_data, execute_result, error. <c>Console.ReadLine()</c> becomes an input_request on stdin.
/// </summary>
/// <remarks>Console text is buffered and sent at most every 50 ms (and before any other output, and when the cell
/// ends), so a loop that prints thousands of lines sends a few messages, in order.</remarks>
internal sealed class IopubOutputSink : ICellOutputSink, ICellInput, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);
    private readonly KernelTransport _transport;
    private readonly JupyterMessage _request;
    private readonly string _session;
    private readonly bool _silent;
    private readonly StdinBroker? _stdin;
    private readonly CancellationToken _interrupted;
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly Timer _timer;
    private string? _pendingStream;
    private bool _timerArmed;

    /// <param name="transport">Where messages go.</param>
    /// <param name="request">The execute_request being served (the parent of every output).</param>
    /// <param name="session">The kernel's session id.</param>
    /// <param name="silent">execute_request's <c>silent</c>: nothing is broadcast.</param>
    /// <param name="stdin">Asks the front end for input; null when the request does not allow stdin.</param>
    /// <param name="interrupted">Cancelled when the cell is interrupted (ends a wait for input).</param>
    public IopubOutputSink(KernelTransport transport, JupyterMessage request, string session, bool silent, StdinBroker? stdin, CancellationToken interrupted)
    {
        _transport = transport;
        _request = request;
        _session = session;
        _silent = silent;
        _stdin = stdin;
        _interrupted = interrupted;
        _timer = new Timer(_ => Flush());
    }

    public void Stream(string name, string text)
    {
        if (_silent || text.Length == 0) return;
        lock (_gate)
        {
            if (_pendingStream is not null && _pendingStream != name) FlushLocked();
            _pendingStream = name;
            _pending.Append(text);
            if (!_timerArmed)
            {
                _timerArmed = true;
                _timer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Display(IReadOnlyDictionary<string, string> data, string displayId) =>
        Publish("display_data", new JsonObject { ["data"] = Bundle(data), ["metadata"] = new JsonObject(), ["transient"] = Transient(displayId) });

    public void UpdateDisplay(IReadOnlyDictionary<string, string> data, string displayId) =>
        Publish("update_display_data", new JsonObject { ["data"] = Bundle(data), ["metadata"] = new JsonObject(), ["transient"] = Transient(displayId) });

    public void Result(IReadOnlyDictionary<string, string> data, int executionCount) =>
        Publish("execute_result", new JsonObject { ["execution_count"] = executionCount, ["data"] = Bundle(data), ["metadata"] = new JsonObject() });

    public void Error(CellError error) =>
        Publish("error", new JsonObject { ["ename"] = error.EName, ["evalue"] = error.EValue, ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray()) });

    public string? ReadLine(string prompt, bool password)
    {
        if (_stdin is null)
            throw new InvalidOperationException("Console.ReadLine: this front end does not accept input for this cell (allow_stdin is false).");
        Flush();
        return _stdin.Ask(_request, prompt, password, _interrupted);
    }

    /// <summary>Sends the buffered console text now.</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void FlushLocked()
    {
        _timerArmed = false;
        if (_pendingStream is null || _pending.Length == 0) return;
        var content = new JsonObject { ["name"] = _pendingStream, ["text"] = _pending.ToString() };
        _pending.Clear();
        _pendingStream = null;
        _transport.Send(Channel.IOPub, JupyterMessage.Broadcast(_request, "stream", content, _session));
    }

    private void Publish(string msgType, JsonObject content)
    {
        if (_silent) return;
        lock (_gate)
        {
            FlushLocked();
            _transport.Send(Channel.IOPub, JupyterMessage.Broadcast(_request, msgType, content, _session));
        }
    }

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        // JSON MIME types (a chart's application/vnd.plotly.v1+json) travel as JSON objects, as front ends' renderers expect.
        foreach (var (mime, text) in data)
            bundle[mime] = mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal) ? JsonNode.Parse(text) : text;
        return bundle;
    }

    private static JsonObject Transient(string displayId) => new() { ["display_id"] = displayId };

    public void Dispose()
    {
        Flush();
        _timer.Dispose();
    }
}
