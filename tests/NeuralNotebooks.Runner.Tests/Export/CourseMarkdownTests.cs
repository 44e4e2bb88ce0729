using NeuralNotebooks.Runner.Export;

namespace NeuralNotebooks.Runner.Tests;

public class CourseMarkdownTests
{
    private static string Html(string markdown) => new CourseMarkdown().ToHtml(markdown).TrimEnd('\n');

    [Theory]
    [InlineData("# Title", "<h1 id=\"title\">Title</h1>")]
    [InlineData("one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>")]
    [InlineData("**bold** and _it_ and `x < y`", "<p><strong>bold</strong> and <em>it</em> and <code>x &lt; y</code></p>")]
    [InlineData("sum $w_i x_i * 2$ here", "<p>sum <span class=\"math\">w_i x_i * 2</span> here</p>")]
    [InlineData("inline $$a_1 < b_2$$ display", "<p>inline <span class=\"math display\">a_1 &lt; b_2</span> display</p>")]
    [InlineData("$$\nz = \\sum_i w_i x_i + b\n$$", "<div class=\"math display\">z = \\sum_i w_i x_i + b</div>")]
    [InlineData("costs $5 and $6", "<p>costs $5 and $6</p>")]
    [InlineData("code `$x$` stays", "<p>code <code>$x$</code> stays</p>")]
    [InlineData("see https://a.b/c now", "<p>see <a href=\"https://a.b/c\">https://a.b/c</a> now</p>")]
    [InlineData("[next](02-x.ipynb#part-2) and [web](https://x.org/a.ipynb)", "<p><a href=\"02-x.html#part-2\">next</a> and <a href=\"https://x.org/a.ipynb\">web</a></p>")]
    [InlineData("| a | b |\n|---|--:|\n| `1` | $x^2$ |", "<table>\n<thead>\n<tr>\n<th>a</th>\n<th style=\"text-align: right;\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>1</code></td>\n<td style=\"text-align: right;\"><span class=\"math\">x^2</span></td>\n</tr>\n</tbody>\n</table>")]
    [InlineData("```csharp\nvar x = a < b; // why\n```", "<pre><code class=\"language-csharp\"><span class=\"kw\">var</span> x = a &lt; b; <span class=\"com\">// why</span>\n</code></pre>")]
    [InlineData("```bash\nls <dir>\n```", "<pre><code class=\"language-bash\">ls &lt;dir&gt;\n</code></pre>")]
    public void Renders_markdown_with_math_tables_autolinks_and_page_links(string markdown, string html) =>
        Assert.Equal(html, Html(markdown));

    [Fact]
    public void Headings_get_ids_unique_within_the_page_and_are_collected_for_the_contents()
    {
        var md = new CourseMarkdown();
        md.ToHtml("# Lesson 01 — The perceptron\n\n## 1. The *artificial* neuron");
        string second = md.ToHtml("## Summary\n\n### Summary");
        Assert.Contains("<h2 id=\"summary\">", second);
        Assert.Contains("<h3 id=\"summary-1\">", second);
        Assert.Equal(new[] { (1, "Lesson 01 — The perceptron"), (2, "1. The artificial neuron"), (2, "Summary"), (3, "Summary") },
            md.Headings.Select(h => (h.Level, h.Text)));
        Assert.Equal(4, md.Headings.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public void The_first_sentence_of_the_first_paragraph_is_a_lessons_summary()
    {
        Assert.Equal("A network is built from one part: the neuron z.",
            CourseMarkdown.FirstSentence("# Title\n\nA network is built from **one part**: the *neuron* $z$. In this lesson\nyou meet it."));
        Assert.Equal("No full stop", CourseMarkdown.FirstSentence("No full stop"));
        Assert.Null(CourseMarkdown.FirstSentence("# Only a title"));
    }
}
