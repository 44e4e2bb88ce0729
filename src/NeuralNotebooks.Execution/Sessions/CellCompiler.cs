using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using NeuralNotebooks.Execution.Hosting;
using NeuralNotebooks.Execution.Interrupts;
using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Sessions;

/// <summary>Step 2 of a cell: compile it as the next submission of the session, with interrupt points in its loops.</summary>
internal static class CellCompiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    /// <summary>The compiled submission, or the compile errors (positions from the cell as written) as an error.</summary>
    public static (Script<object>? Script, CellError? Error) Compile(SyntaxTree parsed, ScriptState<object>? previous, ScriptOptions options,
        int session, string cellName, CancellationToken cancellationToken)
    {
        var instrumented = InterruptPoints.Insert(parsed, session);
        var script = Create(instrumented, previous, options);
        if (!HasErrors(script, cancellationToken)) return (script, null);
        // Inserted calls shift columns: report the errors of the cell as written.
        var plain = Create(parsed.ToString(), previous, options);
        var errors = Errors(plain, cancellationToken);
        if (errors.Count == 0) errors = Errors(script, cancellationToken);
        var lines = errors.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{cellName}, line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }).ToList();
        return (null, new CellError("CompilationError", string.Join("\n", lines), lines));
    }

    private static Script<object> Create(string code, ScriptState<object>? previous, ScriptOptions options) => previous is null
        ? CSharpScript.Create<object>(code, options, typeof(ScriptGlobals))
        : previous.Script.ContinueWith<object>(code, options);

    private static bool HasErrors(Script script, CancellationToken cancellationToken) => Errors(script, cancellationToken).Count > 0;

    private static List<Diagnostic> Errors(Script script, CancellationToken cancellationToken) =>
        script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>True when the submission ends with an expression without ';' whose type is not void (its value is shown).</summary>
    public static bool HasTrailingExpression(Script script, CancellationToken cancellationToken)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression, cancellationToken).Type;
        return type is null || type.SpecialType != SpecialType.System_Void;
    }
}
