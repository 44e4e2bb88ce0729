using System.Text.Json.Nodes;
using NeuralNotebooks.Execution.Cells;
using NeuralNotebooks.Execution.Sessions;
using NeuralNotebooks.Kernel.Protocol;
using NeuralNotebooks.Kernel.Transport;

namespace NeuralNotebooks.Kernel.Handlers;

/// <summary>execute_request: runs the code in the kernel's one <see cref="ScriptSession"/> and replies ok / error.</summary>
/// <remarks>
/// <para>The execution count goes up for every request that is not <c>silent</c> and has <c>store_history</c>; the cell is
/// named "cell [n]" in errors (the number front ends show beside it). A cell starting with another Polyglot kernel's magic
/// (<c>#!fsharp</c>) is an error saying this kernel runs C# only.</para>
/// <para>After an error with <c>stop_on_error</c> (the default), execute requests already queued are answered "aborted"
/// without running, as ipykernel does: "run all" stops at the first failing cell.</para>
/// </remarks>
internal sealed class ExecuteHandler(KernelTransport transport, ScriptSession session, StdinBroker stdin, string kernelSession, string notebookDirectory)
{
    private readonly object _gate = new();
    private CancellationTokenSource? _running;

    /// <summary>The count of the last stored execution.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>Stops the running cell (its loops reach an interrupt point; a pending input wait ends).</summary>
    public bool Interrupt()
    {
        lock (_gate) _running?.Cancel();
        return session.Interrupt();
    }

    /// <summary>Runs <paramref name="request"/>; returns true when the queue after it must be aborted.</summary>
    public bool Handle(JupyterMessage request)
    {
        var content = request.Content;
        var code = content["code"]?.GetValue<string>() ?? "";
        bool silent = content["silent"]?.GetValue<bool>() ?? false;
        bool storeHistory = !silent && (content["store_history"]?.GetValue<bool>() ?? true);
        bool allowStdin = content["allow_stdin"]?.GetValue<bool>() ?? true;
        bool stopOnError = content["stop_on_error"]?.GetValue<bool>() ?? true;
        if (storeHistory) ExecutionCount++;
        int count = Math.Max(ExecutionCount, 1);
        if (!silent)
            transport.Send(Channel.IOPub, JupyterMessage.Broadcast(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, kernelSession));

        using var interrupted = new CancellationTokenSource();
        lock (_gate) _running = interrupted;
        CellOutcome outcome;
        using (var sink = new IopubOutputSink(transport, request, kernelSession, silent, allowStdin ? stdin : null, interrupted.Token))
        {
            outcome = Run(code, count, sink);
        }
        lock (_gate) _running = null;

        JsonObject reply = outcome.Error is { } error
            ? new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = count,
                ["ename"] = error.EName,
                ["evalue"] = error.EValue,
                ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray()),
            }
            : new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        var metadata = new JsonObject { ["status"] = reply["status"]!.GetValue<string>() };
        transport.Send(Channel.Shell, JupyterMessage.Answer(request, "execute_reply", reply, kernelSession, metadata));
        return outcome.Error is not null && stopOnError;
    }

    /// <summary>The reply to an execute_request skipped after an earlier error.</summary>
    public void Abort(JupyterMessage request) =>
        transport.Send(Channel.Shell, JupyterMessage.Answer(request, "execute_reply",
            new JsonObject { ["status"] = "aborted", ["execution_count"] = ExecutionCount }, kernelSession, new JsonObject { ["status"] = "aborted" }));

    private CellOutcome Run(string code, int count, IopubOutputSink sink)
    {
        if (string.IsNullOrWhiteSpace(code)) return new CellOutcome(CellOutcomeStatus.Succeeded, null);
        var name = $"cell [{count}]";
        string kernel = "csharp";
        var csharp = CellMagics.Prepare(code, ref kernel, "kernel", out var reason);
        if (csharp is null)
        {
            var error = new Execution.Outputs.CellError("UnsupportedCell", reason!, new[] { $"{name}: {reason}" });
            sink.Error(error);
            return new CellOutcome(CellOutcomeStatus.Failed, error);
        }
        var submission = new CellSubmission(csharp, name, Path.Combine(notebookDirectory, $"cell[{count}]"), count);
        return session.ExecuteAsync(submission, sink).GetAwaiter().GetResult();
    }
}
