using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using NeuralNotebooks.Execution.Hosting;
using NeuralNotebooks.Execution.Interrupts;
using NeuralNotebooks.Execution.Outputs;
using NeuralNotebooks.Execution.References;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Execution.Sessions;

/// <summary>
/// One notebook's Roslyn scripting session, as the .NET Interactive C# kernel had it: cells run one after the other,
/// each seeing what the earlier ones declared, their outputs going to an <see cref="ICellOutputSink"/>.
/// </summary>
/// <remarks>
/// <para>A cell runs in four steps, each in its own place: its <c>#r</c> lines are resolved offline
/// (<see cref="ReferenceCheck"/>, <see cref="ReferenceRules"/>); it is compiled as the next submission with interrupt
/// points in its loops (<see cref="CellCompiler"/>, <see cref="InterruptPoints"/>); it runs on a thread of its own with
/// a 64 MB stack (<see cref="RunOnThread"/>); a trailing expression's value is formatted as its result
/// (<see cref="OutputFormatter"/>). Console output becomes streams, <c>display()</c> display data.</para>
/// <para><see cref="Interrupt"/> (and <see cref="SessionOptions.CellTimeout"/>, counted from when the compiled cell starts)
/// stop a cell at its next loop iteration, or cancel its compilation;
/// the variables it had set stay, so the session goes on. A cell stuck outside any loop of its own (a library call,
/// <c>Thread.Sleep</c>) is abandoned after <see cref="SessionOptions.InterruptGrace"/>: its thread keeps running in the
/// background, the session continues from the state before it.</para>
/// <para>Each session has a chart session of its own (<see cref="PlotlyJs.NewSession"/>, current around each of its
/// cells): the first chart it shows carries plotly.js, so a saved notebook draws offline, even when other notebooks run
/// in the same process at the same time.</para>
/// </remarks>
public sealed class ScriptSession
{
    /// <summary>The usings every cell starts with (the C# kernel's, plus the namespace of <c>.Display()</c>).</summary>
    public static readonly IReadOnlyList<string> DefaultImports = new[]
    {
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "Microsoft.DotNet.Interactive",
    };

    /// <summary>The longest a timer can wait (<see cref="Task.Delay(TimeSpan)"/>: 2³¹ − 1 ms, about 24.8 days).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(int.MaxValue);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> BaseReferences = new(CreateBaseReferences);
    private readonly SessionOptions _options;
    private readonly ScriptOptions _scriptOptions;
    private readonly ScriptGlobals _globals = new();
    private readonly RunContext _context;
    private readonly object _gate = new();
    private readonly List<Submission> _submissions = new();
    private ScriptState<object>? _state;
    private TaskCompletionSource? _interrupt;

    /// <summary>Creates a session; nothing is compiled until the first cell.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A timeout or grace period is not positive.</exception>
    public ScriptSession(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.NotebookDirectory);
        if (options.CellTimeout is { } t && (t <= TimeSpan.Zero || t > MaxWait))
            throw new ArgumentOutOfRangeException(nameof(options), t, $"CellTimeout must be > 0 and at most {MaxWait.TotalDays:0.#} days (or null for none).");
        if (options.InterruptGrace <= TimeSpan.Zero || options.InterruptGrace > MaxWait)
            throw new ArgumentOutOfRangeException(nameof(options), options.InterruptGrace, $"InterruptGrace must be > 0 and at most {MaxWait.TotalDays:0.#} days.");
        _options = options;
        Rules = new ReferenceRules(options.Catalog, Path.GetFullPath(options.NotebookDirectory), options.HostName);
        _scriptOptions = ScriptOptions.Default
            .WithReferences(BaseReferences.Value)
            .WithImports(DefaultImports)
            .WithMetadataResolver(new NotebookMetadataResolver(Rules))
            .WithSourceResolver(new SourceFileResolver(System.Collections.Immutable.ImmutableArray<string>.Empty, Rules.NotebookDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Release);
        _context = new RunContext(options.DisplayIdPrefix);
        ConsoleRouter.Install();
    }

    /// <summary>This session's charts: current around each of its cells, so a notebook's first chart carries plotly.js
    /// whatever other sessions in the process drew.</summary>
    private readonly PlotlyJsSession _charts = PlotlyJs.NewSession();

    /// <summary>Identifies the session in its cells' interrupt points.</summary>
    public int Id { get; } = InterruptPoint.NewSession();

    /// <summary>How <c>#r</c> resolves in this session.</summary>
    public ReferenceRules Rules { get; }

    /// <summary>True while a cell runs.</summary>
    public bool IsRunning { get { lock (_gate) return _interrupt is not null; } }

    /// <summary>The cells that compiled, in order (the text as written, and the compiled submission).</summary>
    public IReadOnlyList<Submission> Submissions { get { lock (_gate) return _submissions.ToArray(); } }

    /// <summary>The options every submission compiles with (references, usings, resolvers).</summary>
    public ScriptOptions ScriptOptions => _scriptOptions;

    /// <summary>Runs one cell, sending its outputs to <paramref name="sink"/>, and says how it ended.</summary>
    /// <exception cref="InvalidOperationException">Another cell of this session is still running.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting (the cell is abandoned).</exception>
    public async Task<CellOutcome> ExecuteAsync(CellSubmission cell, ICellOutputSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(sink);
        var interrupt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_interrupt is not null) throw new InvalidOperationException("a cell of this session is still running.");
            _interrupt = interrupt;
        }
        using var scope = _context.BeginCell(sink, cell.Name);
        // Cancelled with the interrupt: stops a compilation in progress (the running code stops at its interrupt points).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = RunOnThread(cell, sink, interrupt, started, stop.Token);
            // The time limit counts from when the compiled code starts, not while Roslyn compiles (slow on a busy machine).
            var limit = _options.CellTimeout ?? Timeout.InfiniteTimeSpan;
            var timeout = started.Task.ContinueWith(_ => Task.Delay(limit, cancellationToken), cancellationToken,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
            var first = await Task.WhenAny(run, interrupt.Task, timeout).ConfigureAwait(false);
            if (first == run)
            {
                var result = await run.ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return Finish(result, cell, sink, timedOut: false);
            }
            cancellationToken.ThrowIfCancellationRequested();
            bool timedOut = first == timeout;
            InterruptPoint.Request(Id);
            await stop.CancelAsync().ConfigureAwait(false);
            if (await Task.WhenAny(run, Task.Delay(_options.InterruptGrace, cancellationToken)).ConfigureAwait(false) == run)
                return Finish(await run.ConfigureAwait(false), cell, sink, timedOut);
            cancellationToken.ThrowIfCancellationRequested();
            var error = ErrorReport.Abandoned(cell, timedOut, _options.CellTimeout, _options.InterruptGrace);
            sink.Error(error);
            return new CellOutcome(timedOut ? CellOutcomeStatus.TimedOut : CellOutcomeStatus.Interrupted, error, Abandoned: true);
        }
        finally
        {
            InterruptPoint.Clear(Id);
            lock (_gate) _interrupt = null;
        }
    }

    /// <summary>Asks the running cell to stop (at its next loop iteration); false when no cell is running.</summary>
    public bool Interrupt()
    {
        TaskCompletionSource? interrupt;
        lock (_gate) interrupt = _interrupt;
        if (interrupt is null) return false;
        interrupt.TrySetResult();
        return true;
    }

    /// <summary>A cell as the session keeps it: the text as written and the script it compiled to.</summary>
    public sealed record Submission(string Code, Script Script);

    private sealed record RunResult(CellError? Error, Exception? Exception);

    /// <summary>Steps 1–4 on a thread of the cell's own, so that a runaway cell never blocks the caller.</summary>
    private Task<RunResult> RunOnThread(CellSubmission cell, ICellOutputSink sink, object ticket, TaskCompletionSource started, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                using (PlotlyJs.UseSession(_charts)) done.SetResult(Run(cell, sink, ticket, started, cancellationToken));
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested) { done.SetResult(new RunResult(null, e)); }
            catch (Exception e) { done.SetException(e); }
        }, 64 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"notebook {cell.Name}",
        };
        thread.Start();
        return done.Task;
    }

    private RunResult Run(CellSubmission cell, ICellOutputSink sink, object ticket, TaskCompletionSource started, CancellationToken cancellationToken)
    {
        var parsed = CSharpSyntaxTree.ParseText(cell.Code, CellCompiler.ParseOptions, cell.FilePath, Encoding.UTF8, cancellationToken);
        if (ReferenceCheck.FirstError(parsed.GetCompilationUnitRoot(cancellationToken), Rules, cell.Name) is { } referenceError)
            return new RunResult(referenceError, null);

        ScriptState<object>? previous;
        lock (_gate) previous = _state;
        var options = _scriptOptions.WithFilePath(cell.FilePath);
        var (script, compileError) = CellCompiler.Compile(parsed, previous, options, Id, cell.Name, cancellationToken);
        if (script is null) return new RunResult(compileError, null);
        started.TrySetResult();

        var state = (previous is null
                ? script.RunAsync(_globals, _ => true, cancellationToken)
                : script.RunFromAsync(previous, _ => true, cancellationToken))
            .GetAwaiter().GetResult();
        lock (_gate)
        {
            // An abandoned cell that ends later must not replace the state of the cells run since.
            if (!ReferenceEquals(_interrupt, ticket)) return new RunResult(null, null);
            // Even a cell that threw keeps what it declared before the exception, as in the C# kernel.
            _state = state;
            _submissions.Add(new Submission(cell.Code, state.Script));
        }
        if (state.Exception is { } exception) return new RunResult(null, exception);
        if (CellCompiler.HasTrailingExpression(script, cancellationToken))
            sink.Result(OutputFormatter.Format(state.ReturnValue, null), cell.ExecutionCount);
        return new RunResult(null, null);
    }

    private CellOutcome Finish(RunResult result, CellSubmission cell, ICellOutputSink sink, bool timedOut)
    {
        if (result.Exception is { } exception)
        {
            bool interrupted = InterruptPoint.IsRequested(Id) && (ErrorReport.IsInterrupt(exception) || exception is OperationCanceledException);
            var error = interrupted
                ? ErrorReport.Interrupted(exception, cell, timedOut, _options.CellTimeout)
                : ErrorReport.FromException(exception, cell);
            sink.Error(error);
            var status = !interrupted ? CellOutcomeStatus.Failed : timedOut ? CellOutcomeStatus.TimedOut : CellOutcomeStatus.Interrupted;
            return new CellOutcome(status, error);
        }
        if (result.Error is { } failure)
        {
            sink.Error(failure);
            return new CellOutcome(CellOutcomeStatus.Failed, failure);
        }
        return new CellOutcome(CellOutcomeStatus.Succeeded, null);
    }

    private static IReadOnlyList<MetadataReference> CreateBaseReferences()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        var paths = tpa.Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .ToList();
        paths.Add(typeof(ScriptGlobals).Assembly.Location);
        paths.Add(typeof(Microsoft.AspNetCore.Html.IHtmlContent).Assembly.Location);
        paths.Add(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location);
        return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)DocumentedReference.Create(p)).ToList();
    }
}
