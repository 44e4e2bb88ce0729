using System.Text.RegularExpressions;
using NeuralNotebooks.Plots.Rendering;
using NeuralNotebooks.Runner.Cli;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>The exported course as a browser shows it: every formula typeset by KaTeX, every chart drawn by plotly.js.</summary>
public class CourseInBrowserTests
{
    private static readonly Lazy<string> Site = new(() =>
    {
        var site = Path.Combine(TestNotebooks.NewFolder(), "site");
        int code = CommandLine.RunAsync(new[] { "export-html", Path.Combine(TestNotebooks.RepositoryRoot, "notebooks"), "--output", site },
            new StringWriter(), new StringWriter()).GetAwaiter().GetResult();
        Assert.Equal(0, code);
        return site;
    });

    public static TheoryData<string> Lessons() => LessonTests.Lessons();

    /// <summary>The page as Chromium leaves it once its scripts ran (assets found beside it through a base URL).</summary>
    private static string Rendered(string page)
    {
        string html = File.ReadAllText(page);
        string withBase = html.Replace("<head>", $"<head>\n<base href=\"{new Uri(Path.GetDirectoryName(page)! + "/").AbsoluteUri}\">", StringComparison.Ordinal);
        return Chromium.DumpDom(withBase, virtualTimeBudgetMs: 30_000);
    }

    [ChromiumTheory]
    [MemberData(nameof(Lessons))]
    public void Every_formula_is_typeset_and_every_chart_drawn(string lesson)
    {
        string page = Path.Combine(Site.Value, Path.ChangeExtension(lesson, ".html"));
        string source = File.ReadAllText(page);
        int formulas = Regex.Matches(source, "class=\"math( display)?\"").Count;
        int charts = Regex.Matches(source, "<figure class=\"output chart\">").Count;
        Assert.True(formulas > 0, $"{lesson}: no formula found; the lessons use $…$ math");

        string dom = Rendered(page);
        Assert.Contains("data-math=\"typeset\"", dom);
        Assert.Equal(formulas, Regex.Matches(dom, "<span class=\"katex\">").Count);
        Assert.DoesNotContain("math-error", dom);
        Assert.DoesNotContain("katex-error", dom);
        // No raw TeX left in the text a reader sees (code, scripts and KaTeX's own MathML annotation aside).
        string text = Regex.Replace(dom, "<annotation[^>]*>.*?</annotation>|<code[^>]*>.*?</code>|<pre[^>]*>.*?</pre>|<script[^>]*>.*?</script>|<style[^>]*>.*?</style>", "", RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", "");
        int dollar = text.IndexOf('$');
        Assert.True(dollar < 0, $"{lesson}: raw '$' in the page text: …{text[Math.Max(0, dollar - 80)..Math.Min(text.Length, dollar + 80)]}…");

        Assert.Contains("data-charts=\"drawn\"", dom);
        Assert.Equal(charts, Regex.Matches(dom, "<figure class=\"output chart\" data-drawn=\"true\">").Count);
        Assert.True(Regex.Matches(dom, "class=\"plot-container plotly\"").Count >= charts);
    }
}
