using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NeuralNotebooks.Runner.Export;

/// <summary>A small Markdown → HTML converter for lesson text (no dependencies).</summary>
/// <remarks>
/// <para>Blocks: ATX headings (<c>#</c>…<c>######</c>, with an id), paragraphs, bullet and numbered lists (nested by
/// indentation), fenced code (<c>```</c>), block quotes, pipe tables (with alignment), horizontal rules and raw HTML
/// blocks. Inline: <c>`code`</c>, <c>**bold**</c>, <c>*italic*</c>/<c>_italic_</c>, <c>~~strike~~</c>, links, images,
/// and line breaks (two trailing spaces or a backslash).</para>
/// <para>Math (<c>$…$</c>, <c>$$…$$</c>) is left as text, HTML-escaped, inside <c>&lt;span class="math"&gt;</c>, and is
/// never touched by the emphasis rules. Everything else is HTML-escaped.</para>
/// </remarks>
public static partial class Markdown
{
    /// <summary>Converts <paramref name="markdown"/> to HTML; <paramref name="rewriteLink"/>, if given, maps each link target.</summary>
    public static string ToHtml(string markdown, Func<string, string>? rewriteLink = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n").Replace('\t', ' ').Split('\n');
        var sb = new StringBuilder();
        RenderBlocks(lines, sb, rewriteLink ?? (s => s));
        return sb.ToString();
    }

    private static void RenderBlocks(IReadOnlyList<string> lines, StringBuilder sb, Func<string, string> link)
    {
        int i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0) { i++; continue; }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var fence = trimmed[..3];
                var lang = trimmed[3..].Trim();
                var code = new List<string>();
                i++;
                while (i < lines.Count && !lines[i].Trim().StartsWith(fence, StringComparison.Ordinal)) code.Add(lines[i++]);
                i++;
                sb.Append(lang.Length > 0 ? $"<pre><code class=\"language-{Attr(lang)}\">" : "<pre><code>")
                  .Append(WebUtility.HtmlEncode(string.Join('\n', code))).Append("</code></pre>\n");
                continue;
            }
            if (Heading().Match(trimmed) is { Success: true } h)
            {
                int level = h.Groups[1].Length;
                var text = h.Groups[2].Value.TrimEnd('#', ' ');
                sb.Append($"<h{level} id=\"{Slug(text)}\">").Append(Inline(text, link)).Append($"</h{level}>\n");
                i++;
                continue;
            }
            if (Rule().IsMatch(trimmed)) { sb.Append("<hr>\n"); i++; continue; }
            if (trimmed.StartsWith('>'))
            {
                var inner = new List<string>();
                while (i < lines.Count && lines[i].Trim().StartsWith('>'))
                {
                    var t = lines[i].Trim()[1..];
                    inner.Add(t.StartsWith(' ') ? t[1..] : t);
                    i++;
                }
                sb.Append("<blockquote>\n");
                RenderBlocks(inner, sb, link);
                sb.Append("</blockquote>\n");
                continue;
            }
            if (trimmed.StartsWith('|') && i + 1 < lines.Count && TableSeparator().IsMatch(lines[i + 1].Trim()))
            {
                i = RenderTable(lines, i, sb, link);
                continue;
            }
            if (ListItem().IsMatch(line))
            {
                i = RenderList(lines, i, sb, link);
                continue;
            }
            if (trimmed.StartsWith('<') && HtmlBlock().IsMatch(trimmed))
            {
                while (i < lines.Count && lines[i].Trim().Length > 0) sb.Append(lines[i++]).Append('\n');
                continue;
            }
            var para = new List<string>();
            while (i < lines.Count && lines[i].Trim().Length > 0 && !StartsBlock(lines, i)) para.Add(lines[i++]);
            if (para.Count == 0) para.Add(lines[i++]);
            sb.Append("<p>").Append(InlineLines(para, link)).Append("</p>\n");
        }
    }

    private static bool StartsBlock(IReadOnlyList<string> lines, int i)
    {
        var t = lines[i].Trim();
        return t.StartsWith("```", StringComparison.Ordinal) || t.StartsWith("~~~", StringComparison.Ordinal) || Heading().IsMatch(t)
            || Rule().IsMatch(t) || t.StartsWith('>') || ListItem().IsMatch(lines[i])
            || (t.StartsWith('|') && i + 1 < lines.Count && TableSeparator().IsMatch(lines[i + 1].Trim()));
    }

    private static int RenderList(IReadOnlyList<string> lines, int i, StringBuilder sb, Func<string, string> link)
    {
        var first = ListItem().Match(lines[i]);
        int indent = first.Groups[1].Length;
        bool ordered = char.IsDigit(first.Groups[2].Value[0]);
        string startAttr = ordered && int.TryParse(first.Groups[2].Value.TrimEnd('.', ')'), out var start) && start != 1 ? $" start=\"{start}\"" : "";
        sb.Append(ordered ? $"<ol{startAttr}>\n" : "<ul>\n");
        while (i < lines.Count)
        {
            var m = ListItem().Match(lines[i]);
            if (!m.Success || m.Groups[1].Length != indent || char.IsDigit(m.Groups[2].Value[0]) != ordered) break;
            int contentIndent = m.Groups[1].Length + m.Groups[2].Length + 1;
            var item = new List<string> { m.Groups[3].Value };
            i++;
            bool loose = false;
            while (i < lines.Count)
            {
                var l = lines[i];
                if (l.Trim().Length == 0)
                {
                    // A blank line continues the item only if the next non-blank line is indented under it.
                    int j = i + 1;
                    while (j < lines.Count && lines[j].Trim().Length == 0) j++;
                    if (j < lines.Count && Indent(lines[j]) > indent && !(ListItem().Match(lines[j]) is { Success: true } n && n.Groups[1].Length == indent))
                    {
                        loose = true;
                        item.Add("");
                        i++;
                        continue;
                    }
                    break;
                }
                if (Indent(l) > indent) { item.Add(l.Length >= contentIndent && l[..contentIndent].Trim().Length == 0 ? l[contentIndent..] : l.TrimStart()); i++; continue; }
                if (ListItem().IsMatch(l) || StartsBlock(lines, i)) break;
                item.Add(l.Trim()); // lazy continuation of the paragraph
                i++;
            }
            sb.Append("<li>");
            int split = item.FindIndex(1, l => l.Length == 0 || ListItem().IsMatch(l) || l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (split < 0) sb.Append(InlineLines(item, link));
            else if (!loose)
            {
                sb.Append(InlineLines(item.Take(split).ToList(), link)).Append('\n');
                RenderBlocks(item.Skip(split).ToList(), sb, link);
            }
            else RenderBlocks(item, sb, link);
            sb.Append("</li>\n");
            while (i < lines.Count && lines[i].Trim().Length == 0 && i + 1 < lines.Count && ListItem().Match(lines[i + 1]) is { Success: true } next && next.Groups[1].Length == indent) i++;
        }
        sb.Append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static int RenderTable(IReadOnlyList<string> lines, int i, StringBuilder sb, Func<string, string> link)
    {
        var header = Cells(lines[i]);
        var aligns = Cells(lines[i + 1]).Select(c =>
        {
            c = c.Trim();
            return c.StartsWith(':') && c.EndsWith(':') ? "center" : c.EndsWith(':') ? "right" : c.StartsWith(':') ? "left" : null;
        }).ToList();
        string Align(int k) => k < aligns.Count && aligns[k] is { } a ? $" style=\"text-align:{a}\"" : "";
        sb.Append("<table>\n<thead><tr>");
        for (int k = 0; k < header.Count; k++) sb.Append($"<th{Align(k)}>").Append(Inline(header[k].Trim(), link)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        i += 2;
        while (i < lines.Count && lines[i].Trim().StartsWith('|'))
        {
            var row = Cells(lines[i]);
            sb.Append("<tr>");
            for (int k = 0; k < header.Count; k++) sb.Append($"<td{Align(k)}>").Append(k < row.Count ? Inline(row[k].Trim(), link) : "").Append("</td>");
            sb.Append("</tr>\n");
            i++;
        }
        sb.Append("</tbody>\n</table>\n");
        return i;
    }

    private static List<string> Cells(string row)
    {
        var t = row.Trim();
        if (t.StartsWith('|')) t = t[1..];
        if (t.EndsWith('|') && !t.EndsWith("\\|", StringComparison.Ordinal)) t = t[..^1];
        var cells = new List<string>();
        var current = new StringBuilder();
        bool inCode = false;
        for (int k = 0; k < t.Length; k++)
        {
            char c = t[k];
            if (c == '`') inCode = !inCode;
            if (c == '\\' && k + 1 < t.Length && t[k + 1] == '|') { current.Append('|'); k++; continue; }
            if (c == '|' && !inCode) { cells.Add(current.ToString()); current.Clear(); continue; }
            current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }

    private static string InlineLines(IReadOnlyList<string> lines, Func<string, string> link)
    {
        var sb = new StringBuilder();
        for (int k = 0; k < lines.Count; k++)
        {
            var l = lines[k];
            bool hardBreak = k < lines.Count - 1 && (l.EndsWith("  ", StringComparison.Ordinal) || l.EndsWith('\\'));
            var text = l.Trim();
            if (hardBreak && text.EndsWith('\\')) text = text[..^1];
            sb.Append(Inline(text, link));
            if (k < lines.Count - 1) sb.Append(hardBreak ? "<br>\n" : "\n");
        }
        return sb.ToString();
    }

    /// <summary>Renders inline Markdown (code spans, math, emphasis, links) of one line or paragraph.</summary>
    public static string Inline(string text, Func<string, string>? rewriteLink = null)
    {
        var link = rewriteLink ?? (s => s);
        var sb = new StringBuilder();
        int pos = 0;
        foreach (Match m in Protected().Matches(text))
        {
            sb.Append(Emphasis(text[pos..m.Index], link));
            if (m.Groups["code"].Success)
                sb.Append("<code>").Append(WebUtility.HtmlEncode(m.Groups["code"].Value.Trim())).Append("</code>");
            else
                sb.Append("<span class=\"math\">").Append(WebUtility.HtmlEncode(m.Value)).Append("</span>");
            pos = m.Index + m.Length;
        }
        sb.Append(Emphasis(text[pos..], link));
        return sb.ToString();
    }

    private static string Emphasis(string text, Func<string, string> link)
    {
        if (text.Length == 0) return text;
        var s = WebUtility.HtmlEncode(text).Replace("&#39;", "'").Replace("&quot;", "\"");
        s = Image().Replace(s, m => $"<img src=\"{Attr(link(WebUtility.HtmlDecode(m.Groups[2].Value)))}\" alt=\"{m.Groups[1].Value}\">");
        s = Link().Replace(s, m => $"<a href=\"{Attr(link(WebUtility.HtmlDecode(m.Groups[2].Value)))}\">{m.Groups[1].Value}</a>");
        s = AutoLink().Replace(s, m => $"<a href=\"{Attr(WebUtility.HtmlDecode(m.Groups[1].Value))}\">{m.Groups[1].Value}</a>");
        s = Bold().Replace(s, "<strong>$2</strong>");
        s = ItalicStar().Replace(s, "<em>$1</em>");
        s = ItalicUnderscore().Replace(s, "<em>$1</em>");
        s = Strike().Replace(s, "<del>$1</del>");
        return s;
    }

    private static string Attr(string value) => WebUtility.HtmlEncode(value);

    /// <summary>A heading's id: lower case, letters and digits kept, runs of anything else turned into '-'.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")] private static partial Regex Heading();
    [GeneratedRegex(@"^([-*_])(\s*\1){2,}$")] private static partial Regex Rule();
    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")] private static partial Regex TableSeparator();
    [GeneratedRegex(@"^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$")] private static partial Regex ListItem();
    [GeneratedRegex(@"^</?[a-zA-Z][a-zA-Z0-9-]*(\s|>|/>|$)")] private static partial Regex HtmlBlock();
    [GeneratedRegex(@"(?<tick>`+)(?<code>.+?)\k<tick>|\$\$.+?\$\$|(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\w$])")] private static partial Regex Protected();
    [GeneratedRegex(@"!\[([^\]]*)\]\(([^)\s]+)\)")] private static partial Regex Image();
    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")] private static partial Regex Link();
    [GeneratedRegex(@"&lt;(https?://[^\s&]+)&gt;")] private static partial Regex AutoLink();
    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")] private static partial Regex Bold();
    [GeneratedRegex(@"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")] private static partial Regex ItalicStar();
    [GeneratedRegex(@"(?<![\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w])")] private static partial Regex ItalicUnderscore();
    [GeneratedRegex(@"~~(?=\S)(.+?)(?<=\S)~~")] private static partial Regex Strike();
}
