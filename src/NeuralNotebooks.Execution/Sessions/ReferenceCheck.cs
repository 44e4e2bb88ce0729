using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralNotebooks.Execution.Outputs;
using NeuralNotebooks.Execution.References;

namespace NeuralNotebooks.Execution.Sessions;

/// <summary>Step 1 of a cell: its <c>#r</c> lines, resolved before compiling, for a clear message instead of Roslyn's "metadata file not found".</summary>
internal static class ReferenceCheck
{
    /// <summary>The error of the first <c>#r</c> that does not resolve, or null.</summary>
    public static CellError? FirstError(CompilationUnitSyntax root, ReferenceRules rules, string cellName)
    {
        foreach (var directive in root.GetReferenceDirectives())
        {
            var reference = directive.File.ValueText;
            if (!ReferenceRules.IsNuGet(reference) && !NotebookMetadataResolver.LooksLikePath(reference)) continue;
            var resolution = rules.Resolve(reference);
            if (resolution.Error is null) continue;
            int line = directive.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            return new CellError("ReferenceError", resolution.Error, new[] { $"{cellName}, line {line}: {resolution.Error}" });
        }
        return null;
    }
}
