using System.Net;
using System.Text;

namespace NeuralNotebooks.Runner.Export;

/// <summary>The course's index.html: every lesson's title and one-line summary, in order.</summary>
public static class CourseIndex
{
    /// <summary>The index page of <paramref name="pages"/>.</summary>
    public static string Render(IReadOnlyList<HtmlExporter.ExportedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var sb = new StringBuilder();
        PageChrome.Head(sb, $"{PageChrome.SiteName} — lessons", charts: false);
        PageChrome.SiteHeader(sb, null);
        sb.Append("<div class=\"layout\">\n<main>\n<h1>Neural networks from scratch, in C#</h1>\n")
          .Append("<p>").Append(pages.Count).Append(pages.Count == 1 ? " lesson" : " lessons")
          .Append(". Each builds one idea in plain C#, runs it, draws it, and checks what it claims: ")
          .Append("<span class=\"check pass\">✓</span> lines are numbers measured when the lesson last ran.</p>\n")
          .Append("<ol class=\"lessons\">\n");
        foreach (var p in pages)
        {
            sb.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(p.Href)).Append("\">").Append(WebUtility.HtmlEncode(p.Title)).Append("</a>");
            if (p.Summary.Length > 0) sb.Append("<p>").Append(WebUtility.HtmlEncode(p.Summary)).Append("</p>");
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n</main>\n</div>\n");
        PageChrome.Footer(sb);
        return sb.ToString();
    }
}
