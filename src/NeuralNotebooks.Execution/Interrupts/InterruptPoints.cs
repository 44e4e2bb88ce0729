using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace NeuralNotebooks.Execution.Interrupts;

/// <summary>
/// Rewrites a cell so that every loop body begins with <c>InterruptPoint.Poll(session)</c>: that is how an interrupt
/// stops <c>while (true) { }</c> and leaves the session usable.
/// </summary>
/// <remarks>
/// <para>Covers <c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c> (and <c>await foreach</c>) anywhere in the cell:
/// top level, methods, local functions, lambdas, classes. A body that is a single statement becomes a block.</para>
/// <para>Nothing is added on a new line, so line numbers in stack traces stay those of the cell; columns after an
/// inserted call shift, which is why compile errors are reported from the original text (<see cref="Sessions.CellCompiler"/>).</para>
/// <para>Not covered: code in libraries the cell calls (a long <c>model.Fit</c>), blocking calls (<c>Thread.Sleep</c>),
/// backward <c>goto</c>. For those the host abandons the cell's thread after a grace period.</para>
/// </remarks>
public static class InterruptPoints
{
    /// <summary>The instrumented text of <paramref name="tree"/> for session <paramref name="session"/>.</summary>
    public static string Insert(SyntaxTree tree, int session)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var root = tree.GetRoot();
        var rewritten = new Rewriter(session).Visit(root)!;
        return rewritten.ToFullString();
    }

    private sealed class Rewriter(int session) : CSharpSyntaxRewriter
    {
        private StatementSyntax Poll() =>
            ExpressionStatement(InvocationExpression(
                    ParseExpression("global::NeuralNotebooks.Execution.Interrupts.InterruptPoint.Poll"),
                    ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(session)))))));

        private StatementSyntax WithPoll(StatementSyntax body)
        {
            if (body is BlockSyntax block)
            {
                // Right after "{", on its line: "{ Poll(n);⏎" — never before a directive that must start a line.
                var open = block.OpenBraceToken;
                return block.WithOpenBraceToken(open.WithTrailingTrivia(Space))
                    .WithStatements(block.Statements.Insert(0, Poll().WithTrailingTrivia(open.TrailingTrivia)));
            }
            // A single statement keeps its own trivia (its line breaks) outside the new braces.
            var inner = body.WithoutLeadingTrivia().WithoutTrailingTrivia();
            return Block(Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space), List(new[] { Poll().WithTrailingTrivia(Space), inner }),
                    Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space))
                .WithLeadingTrivia(body.GetLeadingTrivia())
                .WithTrailingTrivia(body.GetTrailingTrivia());
        }

        public override SyntaxNode? Visit(SyntaxNode? node) => base.Visit(node) switch
        {
            WhileStatementSyntax loop => loop.WithStatement(WithPoll(loop.Statement)),
            DoStatementSyntax loop => loop.WithStatement(WithPoll(loop.Statement)),
            ForStatementSyntax loop => loop.WithStatement(WithPoll(loop.Statement)),
            CommonForEachStatementSyntax loop => loop.WithStatement(WithPoll(loop.Statement)),
            var other => other,
        };
    }
}
