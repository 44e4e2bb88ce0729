using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Runner.Export;

/// <summary>The files every exported course carries in <c>assets/</c>: stylesheet, script, KaTeX, plotly.js.</summary>
/// <remarks>
/// <para>All of them come from inside the runner: <c>Export/Assets/</c> is embedded at build time (KaTeX 0.19.1 vendored
/// from npm, MIT; see its README), plotly.js from the copy inside Plotly.NET.dll (MIT). So <c>export-html</c> works
/// on a fresh clone with no npm, and the site reads with no network.</para>
/// </remarks>
public static class SiteAssets
{
    /// <summary>The vendored KaTeX version.</summary>
    public const string KatexVersion = "0.19.1";

    /// <summary>The folder, relative to the site, holding the assets.</summary>
    public const string Folder = "assets";

    /// <summary>The stylesheet and script every page links, relative to the site.</summary>
    public static readonly IReadOnlyList<string> Stylesheets = new[] { "assets/katex/katex.min.css", "assets/course.css" };

    /// <summary>plotly.js, relative to the site (loaded by pages with charts).</summary>
    public const string PlotlyScript = "assets/plotly.min.js";

    /// <summary>Scripts the pages load (deferred, in this order; course.js last).</summary>
    public static readonly IReadOnlyList<string> Scripts = new[] { "assets/katex/katex.min.js", PlotlyScript, "assets/course.js" };

    private const string ResourcePrefix = "course-assets/";

    /// <summary>Writes the assets into <paramref name="siteDirectory"/>/assets; returns the files written (relative paths).</summary>
    public static IReadOnlyList<string> Write(string siteDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteDirectory);
        var written = new List<string>();
        var assembly = typeof(SiteAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            string relative = name.Replace('\\', '/');
            if (!relative.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            relative = Folder + "/" + relative[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            OutputFile.WriteAllBytes(Path.Combine(siteDirectory, relative), bytes.ToArray());
            written.Add(relative);
        }
        if (written.Count == 0) throw new InvalidOperationException("The runner was built without its course assets (Export/Assets).");
        OutputFile.WriteAllText(Path.Combine(siteDirectory, PlotlyScript), PlotlyJs.MinifiedSource);
        written.Add(PlotlyScript);
        return written;
    }
}
