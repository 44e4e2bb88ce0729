using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Protocol;
using NeuralNotebooks.Kernel.Transport;

namespace NeuralNotebooks.Kernel.Handlers;

/// <summary>Asks a front end for a line of input: input_request on stdin (routed to the client that sent the execute_request), then waits for its input_reply.</summary>
internal sealed class StdinBroker(KernelTransport transport, string session)
{
    private readonly BlockingCollection<JupyterMessage> _replies = new();

    /// <summary>Called with each input_reply the transport receives.</summary>
    public void Deliver(JupyterMessage reply) => _replies.Add(reply);

    /// <summary>The line typed, waiting until it comes or <paramref name="cancelled"/> (an interrupt: throws OperationCanceledException).</summary>
    public string Ask(JupyterMessage request, string prompt, bool password, CancellationToken cancelled)
    {
        while (_replies.TryTake(out _)) { } // a stale reply to an earlier, interrupted request
        transport.Send(Channel.Stdin, JupyterMessage.Answer(request, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password }, session));
        var reply = _replies.Take(cancelled);
        return reply.Content["value"]?.GetValue<string>() ?? "";
    }
}
