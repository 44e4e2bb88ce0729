using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NeuralNotebooks.Runner.Export;

/// <summary>The course's markdown, rendered by Markdig: CommonMark plus math, pipe tables and auto-links.</summary>
/// <remarks>
/// <para>Math (<c>$…$</c> inline, <c>$$…$$</c> display, as Jupyter writes it) becomes <c>&lt;span class="math"&gt;</c> /
/// <c>&lt;div class="math display"&gt;</c> holding the TeX, which the page's KaTeX typesets (<see cref="SiteAssets"/>).
/// Headings get GitHub-style ids, unique within the page, and are collected for the page's table of contents. Links
/// to other notebooks (<c>02-xor-mlp.ipynb#section</c>) point to their pages. C# code blocks are highlighted like code
/// cells (<see cref="CSharpHighlighter"/>). Raw HTML passes through, as in Jupyter.</para>
/// </remarks>
public sealed class CourseMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<Heading> _headings = new();

    /// <summary>A heading of the page, for its table of contents.</summary>
    /// <param name="Level">1 for <c>#</c>, 2 for <c>##</c>…</param>
    /// <param name="Text">Its text, without markup.</param>
    /// <param name="Id">The element id, unique within the page.</param>
    public sealed record Heading(int Level, string Text, string Id);

    /// <summary>The headings rendered so far, in order.</summary>
    public IReadOnlyList<Heading> Headings => _headings;

    /// <summary>Renders one piece of markdown (a cell) of the page.</summary>
    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            string id = Unique(attributes.Id is { Length: > 0 } given ? given : "section");
            attributes.Id = id;
            _headings.Add(new Heading(heading.Level, PlainText(heading.Inline), id));
        }
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url) link.Url = PageLink(url);

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathInlineRenderer());
        renderer.ObjectRenderers.Replace<HtmlMathBlockRenderer>(new MathBlockRenderer());
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new HighlightedCodeBlockRenderer());
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>A notebook link made a page link: "02-x.ipynb#a" → "02-x.html#a"; other links unchanged.</summary>
    public static string PageLink(string target)
    {
        if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return target;
        var parts = target.Split('#', 2);
        if (!parts[0].EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) return target;
        return Path.GetFileNameWithoutExtension(parts[0]) + ".html" + (parts.Length > 1 ? "#" + parts[1] : "");
    }

    /// <summary>The first sentence of the first paragraph after the title, as plain text (a lesson's summary), or null.</summary>
    public static string? FirstSentence(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null) return null;
        string text = Regex.Replace(PlainText(paragraph.Inline), @"\s+", " ").Trim();
        var end = Regex.Match(text, @"(?<=[.!?])\s");
        return end.Success ? text[..end.Index] : text;
    }

    private string Unique(string id)
    {
        if (_ids.Add(id)) return id;
        for (int n = 1; ; n++)
            if (_ids.Add($"{id}-{n}")) return $"{id}-{n}";
    }

    /// <summary>The text of inline markup: emphasis and links unwrapped, code and math as written.</summary>
    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var sb = new System.Text.StringBuilder();
        foreach (var child in inline)
        {
            switch (child)
            {
                case MathInline math: sb.Append(math.Content.ToString()); break;
                case LiteralInline literal: sb.Append(literal.Content.ToString()); break;
                case CodeInline code: sb.Append(code.Content); break;
                case LineBreakInline: sb.Append(' '); break;
                case HtmlEntityInline entity: sb.Append(entity.Transcoded.ToString()); break;
                case ContainerInline container: sb.Append(PlainText(container)); break;
            }
        }
        return sb.ToString();
    }

    /// <summary><c>$x$</c> → <c>&lt;span class="math"&gt;x&lt;/span&gt;</c>; <c>$$x$$</c> inside a paragraph is display math, as in Jupyter.</summary>
    private sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
    {
        protected override void Write(HtmlRenderer renderer, MathInline math) =>
            renderer.Write(math.DelimiterCount >= 2 ? "<span class=\"math display\">" : "<span class=\"math\">")
                .Write(WebUtility.HtmlEncode(math.Content.ToString())).Write("</span>");
    }

    /// <summary>A <c>$$</c> block → <c>&lt;div class="math display"&gt;…&lt;/div&gt;</c>.</summary>
    private sealed class MathBlockRenderer : HtmlObjectRenderer<MathBlock>
    {
        protected override void Write(HtmlRenderer renderer, MathBlock math)
        {
            renderer.EnsureLine();
            renderer.Write("<div class=\"math display\">").Write(WebUtility.HtmlEncode(math.Lines.ToString())).Write("</div>");
            renderer.EnsureLine();
        }
    }

    /// <summary>Fenced C# blocks highlighted; anything else as Markdig writes it.</summary>
    private sealed class HighlightedCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
    {
        private readonly CodeBlockRenderer _plain = new();

        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            if (block is FencedCodeBlock { Info: { } info } && CSharpHighlighter.IsCSharp(info))
            {
                renderer.EnsureLine();
                renderer.Write("<pre><code class=\"language-csharp\">").Write(CSharpHighlighter.ToHtml(block.Lines.ToString() + "\n")).Write("</code></pre>");
                renderer.EnsureLine();
                return;
            }
            _plain.Write(renderer, block);
        }
    }
}
