using System.Net;
using System.Text;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Export;

/// <summary>One lesson's page: its cells in order, a table of contents, previous/next links.</summary>
/// <remarks>
/// Markdown cells through <see cref="CourseMarkdown"/>; code cells highlighted (<see cref="CSharpHighlighter"/>; cells of
/// other kernels shown plain) with their saved outputs (<see cref="OutputHtml"/>). The contents list the page's
/// <c>##</c> and <c>###</c> headings: a collapsible box under the lesson's introduction on a narrow screen, a sidebar
/// on a wide one.
/// </remarks>
public static class LessonPage
{
    /// <summary>The page of <paramref name="notebook"/>, lesson <paramref name="index"/> of <paramref name="course"/>.</summary>
    public static string Render(Notebook notebook, IReadOnlyList<HtmlExporter.ExportedPage> course, int index)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(course);
        if (index < 0 || index >= course.Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {course.Count}).");
        var page = course[index];
        var markdown = new CourseMarkdown();
        var cells = notebook.Cells.Select(cell => Cell(cell, notebook.DefaultKernelName, markdown)).ToList();
        string toc = Contents(markdown.Headings);

        var sb = new StringBuilder();
        PageChrome.Head(sb, page.Title, charts: notebook.Cells.Any(c => c.Outputs.Any(OutputHtml.IsChart)));
        PageChrome.SiteHeader(sb, $"Lesson {index + 1} of {course.Count}");
        sb.Append("<div class=\"layout lesson\">\n");
        if (toc.Length > 0) sb.Append("<nav class=\"toc toc-side\" aria-label=\"contents\"><div class=\"toc-title\">On this page</div>\n").Append(toc).Append("</nav>\n");
        sb.Append("<main>\n");
        PageChrome.Pager(sb, index > 0 ? course[index - 1] : null, index + 1 < course.Count ? course[index + 1] : null);
        for (int i = 0; i < cells.Count; i++)
        {
            sb.Append(cells[i]);
            bool afterIntroduction = i == 0 && notebook.Cells[0].CellType == "markdown" || i == cells.Count - 1 && notebook.Cells[0].CellType != "markdown";
            if (afterIntroduction && toc.Length > 0)
                sb.Append("<details class=\"toc toc-top\"><summary>On this page</summary>\n").Append(toc).Append("</details>\n");
        }
        PageChrome.Pager(sb, index > 0 ? course[index - 1] : null, index + 1 < course.Count ? course[index + 1] : null);
        sb.Append("</main>\n</div>\n");
        PageChrome.Footer(sb);
        return sb.ToString();
    }

    private static string Cell(NotebookCell cell, string defaultKernel, CourseMarkdown markdown)
    {
        switch (cell.CellType)
        {
            case "markdown":
                return "<section class=\"markdown\">\n" + markdown.ToHtml(cell.Source) + "</section>\n";
            case "code":
                bool csharp = cell.KernelName(defaultKernel) is "csharp" or "C#";
                var sb = new StringBuilder("<section class=\"code-cell\">\n<pre class=\"source\"><code")
                    .Append(csharp ? " class=\"language-csharp\">" + CSharpHighlighter.ToHtml(cell.Source) : ">" + WebUtility.HtmlEncode(cell.Source))
                    .Append("</code></pre>\n");
                foreach (var output in cell.Outputs) sb.Append(OutputHtml.Render(output, markdown));
                return sb.Append("</section>\n").ToString();
            default:
                return "<pre class=\"raw\">" + WebUtility.HtmlEncode(cell.Source) + "</pre>\n";
        }
    }

    /// <summary>The <c>##</c>/<c>###</c> headings as nested lists of links; "" when there are none.</summary>
    private static string Contents(IReadOnlyList<CourseMarkdown.Heading> headings)
    {
        var entries = headings.Where(h => h.Level is 2 or 3).ToList();
        if (entries.Count == 0) return "";
        var sb = new StringBuilder("<ol>\n");
        bool nested = false;
        for (int i = 0; i < entries.Count; i++)
        {
            var h = entries[i];
            bool sub = h.Level == 3 && i > 0;         // a ### before any ## stays at the top level
            if (sub && !nested) { sb.Append("\n<ol>\n"); nested = true; }          // inside the open ## item
            else if (!sub && nested) { sb.Append("</li>\n</ol></li>\n"); nested = false; }
            else if (i > 0) sb.Append("</li>\n");
            sb.Append("<li><a href=\"#").Append(WebUtility.HtmlEncode(h.Id)).Append("\">").Append(WebUtility.HtmlEncode(h.Text)).Append("</a>");
        }
        sb.Append(nested ? "</li>\n</ol></li>\n" : "</li>\n");
        return sb.Append("</ol>\n").ToString();
    }
}
