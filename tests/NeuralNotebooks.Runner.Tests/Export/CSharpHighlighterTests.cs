using System.Net;
using System.Text.RegularExpressions;
using NeuralNotebooks.Runner.Export;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Tests;

public class CSharpHighlighterTests
{
    [Fact]
    public void Tokens_are_classified_by_the_compilers_lexer()
    {
        string html = CSharpHighlighter.ToHtml("#r \"nuget: Plotly.NET, 6.0.0\"\nvar m = new Sequential(seed: 1); // model\nConsole.WriteLine($\"loss {h.Loss[^1]:0.000}\" + 'c' + 2.5f);");
        Assert.Contains("<span class=\"pp\">#r &quot;nuget: Plotly.NET, 6.0.0&quot;</span>\n", html);
        Assert.Contains("<span class=\"kw\">var</span> m = <span class=\"kw\">new</span> <span class=\"ty\">Sequential</span>(seed: <span class=\"num\">1</span>);", html);
        Assert.Contains("<span class=\"com\">// model</span>", html);
        Assert.Contains("Console.<span class=\"fn\">WriteLine</span>(", html);
        Assert.Contains("<span class=\"str\">$&quot;</span><span class=\"str\">loss </span>{h.Loss[^<span class=\"num\">1</span>]", html); // holes are code
        Assert.Contains("<span class=\"str\">&#39;c&#39;</span>", html);
        Assert.Contains("<span class=\"num\">2.5f</span>", html);
        Assert.DoesNotContain("<span class=\"kw\">var</span>iable", CSharpHighlighter.ToHtml("var variable = 1;"));
        Assert.Equal("<span class=\"kw\">int</span> var = <span class=\"num\">1</span>;", CSharpHighlighter.ToHtml("int var = 1;")); // a name, not a keyword
    }

    public static TheoryData<string> Lessons() => LessonTests.Lessons();

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Every_code_cell_of_every_lesson_is_shown_exactly_as_written(string lesson)
    {
        var notebook = NotebookReader.Read(Path.Combine(TestNotebooks.RepositoryRoot, "notebooks", lesson));
        int keywords = 0;
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            string html = CSharpHighlighter.ToHtml(cell.Source);
            Assert.Equal(cell.Source, WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")));
            keywords += Regex.Matches(html, "class=\"kw\"").Count;
        }
        Assert.True(keywords > 10, $"{lesson}: only {keywords} keywords highlighted");
    }

    [Fact]
    public void Code_that_does_not_parse_is_still_shown_whole()
    {
        const string broken = "var x = ;\n}} \"unterminated\n#!fsharp\nlet y = 1";
        Assert.Equal(broken, WebUtility.HtmlDecode(Regex.Replace(CSharpHighlighter.ToHtml(broken), "<[^>]+>", "")));
    }
}
