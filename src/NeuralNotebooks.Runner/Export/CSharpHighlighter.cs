using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NeuralNotebooks.Runner.Export;

/// <summary>Highlights C# for the HTML course with Roslyn's own lexer (the compiler the runner already carries).</summary>
/// <remarks>
/// <para>The code is parsed as a script (a notebook cell: top-level statements, <c>#r</c> lines) and every token and
/// trivia is written back in order, so the text is exactly the source. Classes: <c>kw</c> keywords (and <c>var</c>,
/// <c>await</c>, <c>record</c>… where the compiler reads them as such), <c>str</c> string and character literals
/// (interpolation holes are code), <c>num</c> numbers, <c>com</c> comments, <c>pp</c> directives (<c>#r</c>,
/// <c>#!fsharp</c>, <c>#if</c>), <c>fn</c> a name followed by <c>(</c>, <c>ty</c> a name after <c>new</c>.
/// Code that does not parse is still shown whole, highlighted as far as the lexer goes.</para>
/// </remarks>
public static class CSharpHighlighter
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>True for the fence names of C#: csharp, cs, c#, C#.</summary>
    public static bool IsCSharp(string info) =>
        info.Trim().ToLowerInvariant() is "csharp" or "cs" or "c#";

    /// <summary>The code as HTML-encoded text with <c>&lt;span class="…"&gt;</c> around its tokens.</summary>
    public static string ToHtml(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var sb = new StringBuilder(code.Length * 2);
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            Trivia(sb, token.LeadingTrivia);
            Span(sb, ClassOf(token), token.Text);
            Trivia(sb, token.TrailingTrivia);
        }
        return sb.ToString();
    }

    private static void Trivia(StringBuilder sb, SyntaxTriviaList list)
    {
        foreach (var trivia in list)
        {
            string? css = trivia.Kind() switch
            {
                SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                    or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia
                    or SyntaxKind.DisabledTextTrivia => "com",
                _ when trivia.IsDirective || trivia.IsKind(SyntaxKind.ShebangDirectiveTrivia) => "pp",
                _ => null,
            };
            string text = trivia.ToFullString();
            if (css is "pp" && text.EndsWith('\n'))
            {
                Span(sb, css, text.TrimEnd('\n', '\r'));
                sb.Append(text[text.TrimEnd('\n', '\r').Length..]);
            }
            else Span(sb, css, text);
        }
    }

    private static string? ClassOf(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind)) return "kw";
        switch (kind)
        {
            case SyntaxKind.NumericLiteralToken: return "num";
            case SyntaxKind.CharacterLiteralToken: return "str";
            case SyntaxKind.IdentifierToken:
                if (SyntaxFacts.GetContextualKeywordKind(token.Text) != SyntaxKind.None && token.Parent is not null && ReadsAsKeyword(token)) return "kw";
                if (token.GetPreviousToken().IsKind(SyntaxKind.NewKeyword)) return "ty";
                if (token.GetNextToken().IsKind(SyntaxKind.OpenParenToken)) return "fn";
                return null;
        }
        string name = kind.ToString();
        return name.Contains("String", StringComparison.Ordinal) && (name.EndsWith("Token", StringComparison.Ordinal)) ? "str" : null;
    }

    /// <summary>Contextual keywords are names too: <c>var</c> is a keyword only where it is the declared type.</summary>
    private static bool ReadsAsKeyword(SyntaxToken token) => token.Text switch
    {
        "var" or "dynamic" => token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.DeclarationExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax },
        "await" or "async" or "record" or "init" or "required" or "yield" or "when" or "nameof" or "partial" => true,
        _ => false,
    };

    private static void Span(StringBuilder sb, string? css, string text)
    {
        if (text.Length == 0) return;
        if (css is null) { sb.Append(WebUtility.HtmlEncode(text)); return; }
        sb.Append("<span class=\"").Append(css).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
    }
}
