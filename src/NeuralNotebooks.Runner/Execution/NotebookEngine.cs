using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using NeuralNotebooks.Checks;
using NeuralNotebooks.Runner.Notebooks;
using NeuralNotebooks.Runner.References;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>
/// Runs a notebook's C# cells in order in one Roslyn scripting session, as the .NET Interactive C# kernel did, and fills in
/// their outputs.
/// </summary>
/// <remarks>
/// <para>Each notebook gets its own session (<c>CSharpScript.Create</c>, then <c>ContinueWith</c> per cell) with the kernel's
/// default usings, <c>display()</c>/<c>HTML()</c> as globals and <c>.Display()</c>. <c>#r</c> resolves offline
/// (<see cref="ReferenceRules"/>). Console output becomes stream outputs, a trailing expression an execute_result, an
/// exception or compilation error an error output naming the cell and line.</para>
/// <para>The first failing cell stops the notebook (later cells are <see cref="CellStatus.NotRun"/>), like "run all".
/// A cell running longer than <see cref="NotebookRunOptions.CellTimeout"/> is reported and stops the notebook; its thread
/// is abandoned (a background thread, so it does not keep the process alive).</para>
/// <para>Every <see cref="Check"/> a cell makes is recorded; a failed check fails the run but does not stop it.</para>
/// </remarks>
public sealed class NotebookEngine
{
    /// <summary>The usings every cell starts with (the C# kernel's, plus the namespace of <c>.Display()</c>).</summary>
    public static readonly IReadOnlyList<string> DefaultImports = new[]
    {
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        "Microsoft.DotNet.Interactive",
    };

    private static readonly Lazy<IReadOnlyList<MetadataReference>> BaseReferences = new(CreateBaseReferences);
    private readonly NotebookRunOptions _options;

    /// <summary>Creates an engine.</summary>
    public NotebookEngine(NotebookRunOptions? options = null)
    {
        _options = options ?? new NotebookRunOptions();
        if (_options.CellTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), _options.CellTimeout, "CellTimeout must be > 0.");
        ConsoleRouter.Install();
    }

    /// <summary>Raised as each code cell starts (Result null) and ends.</summary>
    public event EventHandler<CellProgress>? Progress;

    /// <summary>Reads and runs the notebook at <paramref name="path"/>; a missing or malformed file gives a result with <see cref="NotebookRunResult.Error"/>.</summary>
    public async Task<NotebookRunResult> RunFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Notebook notebook;
        try
        {
            notebook = NotebookReader.Read(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookRunResult(path, null) { Error = e.Message };
        }
        return await RunAsync(notebook, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="notebook"/> (from <paramref name="path"/>, whose folder relative <c>#r</c> paths start from), replacing its outputs.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var result = new NotebookRunResult(path, notebook);
        var total = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(path);
        var rules = new ReferenceRules(_options.Catalog, Path.GetDirectoryName(fullPath)!);
        var context = new RunContext(path);
        RunContext.Set(context);
        ResetChartSessions();
        using var scope = Check.BeginScope();
        void OnCheck(object? sender, CheckResult r)
        {
            if (!ReferenceEquals(Check.CurrentScope, scope)) return;
            lock (result.Checks) result.Checks.Add(new CheckRecord(path, context.CellNumber, r.Name, r.Value, r.Bound, r.Passed, r.Duration));
        }
        Check.Completed += OnCheck;
        try
        {
            var options = ScriptOptions.Default
                .WithReferences(BaseReferences.Value)
                .WithImports(DefaultImports)
                .WithMetadataResolver(new NotebookMetadataResolver(rules))
                .WithSourceResolver(new SourceFileResolver(ImmutableArrayOf<string>(), rules.NotebookDirectory))
                .WithEmitDebugInformation(true)
                .WithFileEncoding(Encoding.UTF8)
                .WithOptimizationLevel(OptimizationLevel.Release);
            ScriptState<object>? state = null;
            var globals = new ScriptGlobals();
            int executionCount = 0;
            bool stopped = false;
            string defaultKernel = notebook.DefaultKernelName;
            for (int i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                if (!cell.IsCode) continue;
                int number = i + 1;
                if (stopped)
                {
                    result.Cells.Add(new CellRunResult(number, cell.Id, cell.FirstLine, CellStatus.NotRun, TimeSpan.Zero, "an earlier cell failed"));
                    continue;
                }
                var code = CellCode.Prepare(cell, defaultKernel, out var skipReason);
                if (code is null || string.IsNullOrWhiteSpace(code))
                {
                    result.Cells.Add(new CellRunResult(number, cell.Id, cell.FirstLine, CellStatus.Skipped, TimeSpan.Zero, skipReason ?? "empty cell"));
                    continue;
                }
                Progress?.Invoke(this, new CellProgress(path, number, notebook.Cells.Count, cell.FirstLine, null));
                cell.ExecutionCount = ++executionCount;
                cell.Outputs.Clear();
                var outputs = new CellOutputs(cell.Outputs);
                context.CellNumber = number;
                context.CurrentCell = outputs;
                var watch = Stopwatch.StartNew();
                var cellOptions = options.WithFilePath(CellFilePath(fullPath, number));
                var outcome = await RunCellAsync(code, cellOptions, state, globals, outputs, executionCount, path, number, cancellationToken).ConfigureAwait(false);
                context.CurrentCell = null;
                watch.Stop();
                if (outcome.State is not null) state = outcome.State;
                var cellResult = new CellRunResult(number, cell.Id, cell.FirstLine, outcome.Status, watch.Elapsed, outcome.Message);
                result.Cells.Add(cellResult);
                Progress?.Invoke(this, new CellProgress(path, number, notebook.Cells.Count, cell.FirstLine, cellResult));
                if (outcome.Status is CellStatus.Failed or CellStatus.TimedOut) stopped = true;
            }
        }
        finally
        {
            Check.Completed -= OnCheck;
            context.CurrentCell = null;
            total.Stop();
            result.Elapsed = total.Elapsed;
        }
        return result;
    }

    private static System.Collections.Immutable.ImmutableArray<T> ImmutableArrayOf<T>() => System.Collections.Immutable.ImmutableArray<T>.Empty;

    /// <summary>The file name a cell's code gets (shows in stack traces): "…/lesson.ipynb#cell3".</summary>
    public static string CellFilePath(string notebookFullPath, int cellNumber) => $"{notebookFullPath}#cell{cellNumber}";

    private sealed record Outcome(CellStatus Status, string? Message, ScriptState<object>? State);

    private async Task<Outcome> RunCellAsync(string code, ScriptOptions options, ScriptState<object>? state, ScriptGlobals globals,
        CellOutputs outputs, int executionCount, string path, int number, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(Execute(code, options, state, globals, outputs, executionCount, path, number, cancellationToken));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, 64 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"notebook cell {number}",
        };
        thread.Start();
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(done.Task, Task.Delay(_options.CellTimeout, delayCancel.Token)).ConfigureAwait(false);
        if (finished == done.Task)
        {
            await delayCancel.CancelAsync().ConfigureAwait(false);
            return await done.Task.ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var message = $"{path}: cell {number} did not finish within {_options.CellTimeout.TotalSeconds:0.###} s; the notebook was stopped.";
        outputs.Add(NotebookOutput.Error("TimeoutException", message, new[] { message }));
        return new Outcome(CellStatus.TimedOut, message, null);
    }

    private static Outcome Execute(string code, ScriptOptions options, ScriptState<object>? state, ScriptGlobals globals,
        CellOutputs outputs, int executionCount, string path, int number, CancellationToken cancellationToken)
    {
        // #r first: a clear message instead of Roslyn's "metadata file not found".
        var rules = ((NotebookMetadataResolver)options.MetadataResolver);
        var parsed = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script), cancellationToken: cancellationToken);
        foreach (var directive in parsed.GetCompilationUnitRoot(cancellationToken).GetReferenceDirectives())
        {
            var reference = directive.File.ValueText;
            if (!ReferenceRules.IsNuGet(reference) && !NotebookMetadataResolver.LooksLikePath(reference)) continue;
            var resolution = rules.Rules.Resolve(reference);
            if (resolution.Error is null) continue;
            int line = directive.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            var message = $"{path}: cell {number}, line {line}: {resolution.Error}";
            outputs.Add(NotebookOutput.Error("ReferenceError", resolution.Error, new[] { message }));
            return new Outcome(CellStatus.Failed, message, null);
        }

        var script = state is null
            ? CSharpScript.Create<object>(code, options, typeof(ScriptGlobals))
            : state.Script.ContinueWith<object>(code, options);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var lines = errors.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return $"cell {number}, line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1}: error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            }).ToList();
            var message = $"{path}: {lines[0]}" + (lines.Count > 1 ? $" (and {lines.Count - 1} more)" : "");
            outputs.Add(NotebookOutput.Error("CompilationError", string.Join("\n", lines), lines));
            return new Outcome(CellStatus.Failed, message, null);
        }

        var newState = (state is null
                ? script.RunAsync(globals, _ => true, cancellationToken)
                : script.RunFromAsync(state, _ => true, cancellationToken))
            .GetAwaiter().GetResult();
        if (newState.Exception is { } exception)
        {
            var cellPath = options.FilePath;
            int? line = new StackTrace(exception, true).GetFrames()
                .FirstOrDefault(f => f.GetFileName() == cellPath && f.GetFileLineNumber() > 0)?.GetFileLineNumber();
            var where = line is null ? $"cell {number}" : $"cell {number}, line {line}";
            var header = $"{where}: {exception.GetType().FullName}: {exception.Message}";
            var traceback = new List<string> { header };
            traceback.AddRange(exception.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Skip(1));
            outputs.Add(NotebookOutput.Error(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback));
            return new Outcome(CellStatus.Failed, $"{path}: {header}", newState);
        }
        if (HasTrailingExpression(script.GetCompilation(), cancellationToken))
        {
            var value = newState.ReturnValue;
            outputs.Add(NotebookOutput.Display(OutputFormatter.Format(value, null), executionCount));
        }
        return new Outcome(CellStatus.Succeeded, null, newState);
    }

    /// <summary>True when the submission ends with an expression without ';' whose type is not void (the kernel shows its value).</summary>
    private static bool HasTrailingExpression(Compilation compilation, CancellationToken cancellationToken)
    {
        var tree = compilation.SyntaxTrees.Last();
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression, cancellationToken).Type;
        return type is null || type.SpecialType != SpecialType.System_Void;
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
        return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    /// <summary>
    /// Each notebook is its own "session" for the chart library: its saved outputs must carry plotly.js themselves
    /// (inlined once), even when an earlier notebook in the same run already sent it. Done by reflection so the runner
    /// does not depend on how the chart library is loaded into the scripting session.
    /// </summary>
    private static void ResetChartSessions()
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.GetName().Name != "NeuralNotebooks.Plots") continue;
            assembly.GetType("NeuralNotebooks.Plots.Rendering.PlotlyJs")?.GetMethod("ResetSession")?.Invoke(null, null);
        }
    }
}
