using System.Net;
using System.Text;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Runner.Export;

/// <summary>What every course page shares: the head (assets), the site header, previous/next links, the footer.</summary>
internal static class PageChrome
{
    public const string SiteName = "NeuralNotebooks";

    /// <summary>Up to and including &lt;body&gt;; plotly.js (3.6 MB) is loaded only by pages with <paramref name="charts"/>.</summary>
    public static void Head(StringBuilder sb, string title, bool charts)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        foreach (var css in SiteAssets.Stylesheets) sb.Append("<link rel=\"stylesheet\" href=\"").Append(css).Append("\">\n");
        foreach (var js in SiteAssets.Scripts.Where(s => charts || s != SiteAssets.PlotlyScript)) sb.Append("<script defer src=\"").Append(js).Append("\"></script>\n");
        sb.Append("</head>\n<body>\n");
    }

    public static void SiteHeader(StringBuilder sb, string? where)
    {
        sb.Append("<header class=\"site\"><a href=\"index.html\">").Append(SiteName).Append(" course</a>");
        if (where is not null) sb.Append("<span>·</span><span>").Append(WebUtility.HtmlEncode(where)).Append("</span>");
        sb.Append("</header>\n");
    }

    public static void Pager(StringBuilder sb, HtmlExporter.ExportedPage? previous, HtmlExporter.ExportedPage? next)
    {
        sb.Append("<nav class=\"pager\" aria-label=\"lessons\">");
        if (previous is not null)
            sb.Append("<a class=\"prev\" rel=\"prev\" href=\"").Append(WebUtility.HtmlEncode(previous.Href)).Append("\">← ")
              .Append(WebUtility.HtmlEncode(previous.Title)).Append("</a>");
        sb.Append("<a class=\"contents\" href=\"index.html\">All lessons</a>");
        if (next is not null)
            sb.Append("<a class=\"next\" rel=\"next\" href=\"").Append(WebUtility.HtmlEncode(next.Href)).Append("\">")
              .Append(WebUtility.HtmlEncode(next.Title)).Append(" →</a>");
        sb.Append("</nav>\n");
    }

    public static void Footer(StringBuilder sb) =>
        sb.Append("<footer>Made from the lesson notebooks by the NeuralNotebooks runner (<code>export-html</code>); reads offline. ")
          .Append("Math typeset by KaTeX ").Append(SiteAssets.KatexVersion).Append(" (MIT licence, <a href=\"assets/katex/LICENSE\">text</a>), ")
          .Append("charts drawn by plotly.js ").Append(PlotlyJs.Version).Append(" (MIT licence).</footer>\n")
          .Append("</body>\n</html>\n");
}
