using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Export;

/// <summary>Exports notebooks as a static, offline course: a page per notebook, an index, and the assets they need.</summary>
/// <remarks>
/// <para>The site is <c>index.html</c> (every lesson's title and one-line summary, in order), one page per notebook
/// (<see cref="LessonPage"/>: contents, previous/next links, markdown by <see cref="CourseMarkdown"/>, highlighted code,
/// outputs by <see cref="OutputHtml"/>) and <c>assets/</c> (<see cref="SiteAssets"/>: KaTeX, plotly.js, stylesheet,
/// script). Nothing is fetched from the network, to make or to read it. Files are written atomically.</para>
/// <para>A lesson's summary is its notebook metadata <c>neuralnotebooks.summary</c> when set, else the first sentence
/// of its first paragraph.</para>
/// </remarks>
public static class HtmlExporter
{
    /// <summary>One exported page.</summary>
    /// <param name="Notebook">The source notebook path.</param>
    /// <param name="Page">The page written.</param>
    /// <param name="Title">The title (the first heading, else the file name).</param>
    /// <param name="Summary">The one-line summary shown in the index ("" when the notebook has no text).</param>
    public sealed record ExportedPage(string Notebook, string Page, string Title, string Summary)
    {
        /// <summary>The page's file name, as links write it.</summary>
        public string Href => System.IO.Path.GetFileName(Page);
    }

    /// <summary>Writes the assets, a page per notebook and index.html into <paramref name="outputDirectory"/>; returns the pages in order.</summary>
    /// <exception cref="OutputException">A file cannot be written (those written before it stay).</exception>
    public static IReadOnlyList<ExportedPage> Export(IReadOnlyList<(string Path, Notebook Notebook)> notebooks, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var pages = notebooks.Select(n => new ExportedPage(n.Path, Path.Combine(outputDirectory, PageName(n.Path)),
            Title(n.Notebook, n.Path), Summary(n.Notebook))).ToList();
        SiteAssets.Write(outputDirectory);
        for (int i = 0; i < notebooks.Count; i++)
            OutputFile.WriteAllText(pages[i].Page, LessonPage.Render(notebooks[i].Notebook, pages, i));
        OutputFile.WriteAllText(Path.Combine(outputDirectory, "index.html"), CourseIndex.Render(pages));
        return pages;
    }

    /// <summary>The page file name for a notebook: "01-perceptron.ipynb" → "01-perceptron.html".</summary>
    public static string PageName(string notebookPath) => Path.GetFileNameWithoutExtension(notebookPath) + ".html";

    /// <summary>The first Markdown heading of the notebook, else its file name.</summary>
    public static string Title(Notebook notebook, string path)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        foreach (var cell in notebook.Cells.Where(c => c.CellType == "markdown"))
        {
            var markdown = new CourseMarkdown();
            markdown.ToHtml(cell.Source);
            if (markdown.Headings.Count > 0) return markdown.Headings[0].Text;
        }
        return Path.GetFileNameWithoutExtension(path);
    }

    /// <summary>The lesson's one-line summary: metadata <c>neuralnotebooks.summary</c>, else the first sentence of its first paragraph, else "".</summary>
    public static string Summary(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.Metadata["neuralnotebooks"] is JsonObject meta && meta["summary"] is JsonValue v && v.TryGetValue<string>(out var given)
            && !string.IsNullOrWhiteSpace(given))
            return given.Trim();
        foreach (var cell in notebook.Cells.Where(c => c.CellType == "markdown"))
            if (CourseMarkdown.FirstSentence(cell.Source) is { Length: > 0 } sentence) return sentence;
        return "";
    }
}
