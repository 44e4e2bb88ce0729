using System.Net;
using System.Text;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Export;

/// <summary>Exports notebooks as a static, offline course: one HTML page per notebook plus an index.html.</summary>
/// <remarks>
/// Markdown is rendered (<see cref="Markdown"/>), code cells are shown as code, and the saved outputs follow them:
/// text/html inlined as it is (charts included), image/png and image/svg+xml as images, text/plain and streams in
/// <c>&lt;pre&gt;</c>, errors in red. Links to other notebooks (<c>x.ipynb</c>) point to their pages. Files are written atomically.
/// </remarks>
public static class HtmlExporter
{
    /// <summary>One exported page.</summary>
    /// <param name="Notebook">The source notebook path.</param>
    /// <param name="Page">The page written.</param>
    /// <param name="Title">The title (the first heading, else the file name).</param>
    public sealed record ExportedPage(string Notebook, string Page, string Title);

    /// <summary>Writes a page per notebook and index.html into <paramref name="outputDirectory"/>; returns the pages in order.</summary>
    /// <exception cref="NotebookFormatException">A notebook cannot be read (the message names it).</exception>
    public static IReadOnlyList<ExportedPage> Export(IReadOnlyList<(string Path, Notebook Notebook)> notebooks, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var pages = notebooks.Select(n => new ExportedPage(n.Path, Path.Combine(outputDirectory, PageName(n.Path)), Title(n.Notebook, n.Path))).ToList();
        for (int i = 0; i < notebooks.Count; i++)
        {
            var prev = i > 0 ? pages[i - 1] : null;
            var next = i + 1 < pages.Count ? pages[i + 1] : null;
            AtomicFile.WriteAllText(pages[i].Page, RenderPage(notebooks[i].Notebook, pages[i].Title, prev, next));
        }
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "index.html"), RenderIndex(pages));
        return pages;
    }

    /// <summary>The page file name for a notebook: "01-perceptron.ipynb" → "01-perceptron.html".</summary>
    public static string PageName(string notebookPath) => Path.GetFileNameWithoutExtension(notebookPath) + ".html";

    /// <summary>The first Markdown heading of the notebook, else its file name.</summary>
    public static string Title(Notebook notebook, string path)
    {
        foreach (var cell in notebook.Cells.Where(c => c.CellType == "markdown"))
            foreach (var line in cell.Source.Split('\n'))
                if (line.TrimStart().StartsWith('#'))
                    return line.Trim().TrimStart('#').Trim();
        return Path.GetFileNameWithoutExtension(path);
    }

    /// <summary>The HTML of one notebook page.</summary>
    public static string RenderPage(Notebook notebook, string title, ExportedPage? previous = null, ExportedPage? next = null)
    {
        var sb = new StringBuilder();
        Header(sb, title);
        sb.Append(Nav(previous, next));
        sb.Append("<main>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.CellType)
            {
                case "markdown":
                    sb.Append("<section class=\"markdown\">\n").Append(Markdown.ToHtml(cell.Source, RewriteLink)).Append("</section>\n");
                    break;
                case "code":
                    var count = cell.ExecutionCount is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : " ";
                    sb.Append("<section class=\"code-cell\">\n<div class=\"prompt\">[").Append(count).Append("]</div>\n")
                      .Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n");
                    foreach (var output in cell.Outputs) sb.Append(RenderOutput(output));
                    sb.Append("</section>\n");
                    break;
                default:
                    sb.Append("<pre class=\"raw\">").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre>\n");
                    break;
            }
        }
        sb.Append("</main>\n").Append(Nav(previous, next)).Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string RenderOutput(NotebookOutput output)
    {
        switch (output.OutputType)
        {
            case "stream":
                return $"<pre class=\"output {(output.Name == "stderr" ? "stderr" : "stdout")}\">{WebUtility.HtmlEncode(output.Text ?? "")}</pre>\n";
            case "error":
                var text = $"{output.EName}: {output.EValue}\n{string.Join("\n", output.Traceback)}";
                return $"<pre class=\"output error\">{WebUtility.HtmlEncode(text)}</pre>\n";
            default:
                if (output.GetText("text/html") is { } html) return $"<div class=\"output html\">\n{html}\n</div>\n";
                if (output.GetText("image/svg+xml") is { } svg) return $"<div class=\"output image\">{svg}</div>\n";
                if (output.GetText("image/png") is { } png) return $"<div class=\"output image\"><img src=\"data:image/png;base64,{png.Trim()}\" alt=\"\"></div>\n";
                if (output.GetText("text/markdown") is { } md) return $"<div class=\"output markdown\">{Markdown.ToHtml(md, RewriteLink)}</div>\n";
                if (output.GetText("text/plain") is { } plain) return $"<pre class=\"output\">{WebUtility.HtmlEncode(plain)}</pre>\n";
                var json = output.Data.FirstOrDefault();
                return json.Key is null ? "" : $"<pre class=\"output\">{WebUtility.HtmlEncode($"{json.Key}: {json.Value?.ToJsonString()}")}</pre>\n";
        }
    }

    private static string RewriteLink(string target) =>
        !target.Contains("://", StringComparison.Ordinal) && target.Split('#')[0].EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(target.Split('#')[0]) + ".html" + (target.Contains('#') ? "#" + target.Split('#', 2)[1] : "")
            : target;

    private static string RenderIndex(IReadOnlyList<ExportedPage> pages)
    {
        var sb = new StringBuilder();
        Header(sb, "NeuralNotebooks — lessons");
        sb.Append("<main>\n<h1>NeuralNotebooks — lessons</h1>\n<ol class=\"lessons\">\n");
        foreach (var p in pages)
            sb.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(Path.GetFileName(p.Page))).Append("\">")
              .Append(WebUtility.HtmlEncode(p.Title)).Append("</a></li>\n");
        sb.Append("</ol>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Nav(ExportedPage? previous, ExportedPage? next)
    {
        var sb = new StringBuilder("<nav>");
        sb.Append(previous is null ? "<span></span>" : $"<a href=\"{WebUtility.HtmlEncode(Path.GetFileName(previous.Page))}\">← {WebUtility.HtmlEncode(previous.Title)}</a>");
        sb.Append("<a href=\"index.html\">Contents</a>");
        sb.Append(next is null ? "<span></span>" : $"<a href=\"{WebUtility.HtmlEncode(Path.GetFileName(next.Page))}\">{WebUtility.HtmlEncode(next.Title)} →</a>");
        return sb.Append("</nav>\n").ToString();
    }

    private static void Header(StringBuilder sb, string title)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
    }

    private const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; line-height: 1.5; color: #1f2328; }
        nav { display: flex; justify-content: space-between; margin: 1rem 0; font-size: 0.9rem; }
        a { color: #0969da; }
        pre { background: #f6f8fa; padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 6px; font-size: 0.85rem; }
        code { font-family: ui-monospace, "Cascadia Code", Consolas, monospace; }
        p code, li code, td code { background: #f0f2f4; padding: 0.1em 0.3em; border-radius: 4px; }
        .code-cell { margin: 1rem 0; border-left: 3px solid #d0d7de; padding-left: 0.8rem; }
        .prompt { color: #8c959f; font-size: 0.75rem; font-family: ui-monospace, monospace; }
        pre.source { background: #eef3fb; }
        pre.output { background: #fff; border: 1px solid #eaeef2; }
        pre.stderr { background: #fff8e5; }
        pre.error { background: #ffebe9; color: #82071e; }
        .output.html { overflow-x: auto; margin: 0.4rem 0; }
        table { border-collapse: collapse; margin: 0.6rem 0; }
        th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; }
        blockquote { border-left: 4px solid #d0d7de; margin: 0; padding-left: 1rem; color: #59636e; }
        .math { font-family: "Cambria Math", "STIX Two Math", serif; }
        ol.lessons li { margin: 0.3rem 0; }

        """;
}
