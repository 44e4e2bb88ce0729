using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using NeuralNotebooks.Execution.Hosting;
using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Supervision;

/// <summary>
/// The child process side of <see cref="NotebookSupervisor"/>: runs notebooks one after the other in this process and
/// reports every step on a pipe (<see cref="WorkerMessages"/>).
/// </summary>
/// <remarks>
/// <para>Started as <c>NeuralNotebooks.Runner __worker &lt;pipe handle&gt; &lt;timeout seconds&gt; &lt;notebooks…&gt;</c>;
/// not meant to be typed by hand. Console output that a cell's background thread writes after its cell goes to this
/// process's stdout/stderr, which the supervisor passes on.</para>
/// <para>When a cell is about to take the process down in a way .NET still runs code for — <c>Environment.Exit</c>, an
/// exception on a thread of its own — a last <c>fatal</c> message says what and which cell started that thread. A stack
/// overflow runs no code: the supervisor reads .NET's "Stack overflow." on stderr instead.</para>
/// </remarks>
internal static partial class NotebookWorker
{
    [System.Text.RegularExpressions.GeneratedRegex(@"([^\s]+\.ipynb)#cell(\d+)")]
    private static partial System.Text.RegularExpressions.Regex CellInTrace();

    /// <summary>The hidden command that starts a worker.</summary>
    public const string Command = "__worker";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2) return 2;
        using var pipe = new AnonymousPipeClientStream(PipeDirection.Out, args[0]);
        var channel = new Channel(pipe);
        var timeout = TimeSpan.FromSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        var notebooks = args[2..];
        bool finished = false;
        string? runningCell = null; // "cell 3" while it runs
        string CellInfo(string? owner) => owner is null || owner == runningCell ? owner ?? runningCell ?? "a cell" : $"{owner} (while {runningCell ?? "no cell"} ran)";
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            // The thread's cell is known while its context flows (not always, once the exception left it).
            // Else the stack trace says: a cell's code is compiled with the file name "…/lesson.ipynb#cell3".
            var owner = (RunContext.CurrentCellName is { } scoped ? CellInfo(scoped) : null)
                ?? (e.ExceptionObject is Exception thrown && CellInTrace().Match(thrown.StackTrace ?? "") is { Success: true } m
                    ? $"cell {m.Groups[2].Value} of {m.Groups[1].Value}" : null);
            var running = Volatile.Read(ref runningCell);
            var what = e.ExceptionObject is Exception ex ? $"{ex.GetType().FullName}: {ex.Message}" : e.ExceptionObject.ToString();
            channel.Send(WorkerMessages.Fatal(owner is null && running is null
                ? $"an exception no cell caught ended it: {what}"
                : $"a background thread {(owner is null ? $"threw while {running} ran" : $"that {owner} started threw")}: {what} (an exception on a thread of a cell's own ends the process; catch it inside the thread)"));
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!Volatile.Read(ref finished))
                channel.Send(WorkerMessages.Fatal($"{CellInfo(RunContext.CurrentCellName)} called Environment.Exit({Environment.ExitCode}), which ends the process"));
        };

        var engine = new NotebookEngine(new NotebookRunOptions { CellTimeout = timeout });
        engine.Progress += (_, p) =>
        {
            Volatile.Write(ref runningCell, p.Result is null ? $"cell {p.Number}" : null);
            channel.Send(p.Result is null ? WorkerMessages.CellStarted(p) : WorkerMessages.CellEnded(p.Result));
        };
        engine.Checked += (_, c) => channel.Send(WorkerMessages.Checked(c));
        for (int i = 0; i < notebooks.Length; i++)
        {
            channel.Send(WorkerMessages.NotebookStarted(i));
            var result = await engine.RunFileAsync(notebooks[i]).ConfigureAwait(false);
            channel.Send(WorkerMessages.Done(i, result, result.Notebook is { } nb ? NotebookWriter.Serialize(nb) : null));
        }
        Volatile.Write(ref finished, true);
        channel.Send(WorkerMessages.Bye());
        ConsoleRouter.OriginalOut.Flush();
        ConsoleRouter.OriginalError.Flush();
        // Threads a cell left running (even foreground ones) must not keep the worker alive.
        Environment.Exit(0);
        return 0;
    }

    /// <summary>Sends whole lines, one writer at a time, flushed at once (the process may die right after).</summary>
    private sealed class Channel(Stream pipe)
    {
        private readonly object _gate = new();
        private bool _broken;

        public void Send(JsonObject message)
        {
            var bytes = Encoding.UTF8.GetBytes(WorkerMessages.Line(message));
            lock (_gate)
            {
                if (_broken) return;
                try
                {
                    pipe.Write(bytes);
                    pipe.Flush();
                }
                catch (IOException)
                {
                    _broken = true; // the supervisor is gone; nothing is listening
                }
            }
        }
    }
}
