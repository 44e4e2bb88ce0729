using NeuralNotebooks.Plots;
using NeuralNotebooks.Settings;
using System.Reflection;
using Plotly.NET;

namespace NeuralNotebooks.Plots.Rendering;

/// <summary>plotly.js itself: the copy embedded in Plotly.NET.dll, and whether this session has sent it to the notebook.</summary>
/// <remarks>
/// <para>Offline by default: a notebook's first chart inlines plotly.js; later ones find <c>window.Plotly</c> and
/// only draw. "Once per session" means once per process — the notebook kernel. If the notebook page is reloaded
/// while the kernel keeps running (say, VS Code reopened), call <see cref="ResetSession"/> so the next chart carries
/// the library again. A block of code can have a session of its own: <c>using (PlotlyJs.UseSession()) { … }</c>.</para>
/// <para>Saved pages (<see cref="Plot.SaveHtml"/>, <see cref="Plot.SavePng"/>) always inline it: they must work alone.</para>
/// </remarks>
public static class PlotlyJs
{
    private const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string> Source = new(Load);
    private static readonly ScopedSetting<PlotlyJsSession> CurrentSession = new(new PlotlyJsSession(PlotlyJsMode.Inline));

    /// <summary>The plotly.js version Plotly.NET 6.0.0 carries and targets.</summary>
    public const string Version = "2.28.0";

    /// <summary>The CDN address used in <see cref="PlotlyJsMode.Cdn"/> mode.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-2.28.0.min.js";

    /// <summary>How notebook charts of the current session get plotly.js (default <see cref="PlotlyJsMode.Inline"/>: offline).</summary>
    /// <remarks>Setting it changes the current session's mode: the process's, or inside <see cref="UseSession(PlotlyJsMode)"/> that
    /// scope's.</remarks>
    public static PlotlyJsMode Mode
    {
        get => CurrentSession.Value.Mode;
        set => CurrentSession.Value.Mode = value;
    }

    /// <summary>The minified plotly.js source (about 3.6 MB).</summary>
    public static string MinifiedSource => Source.Value;

    /// <summary>True once a notebook chart carrying plotly.js was rendered in the current session.</summary>
    public static bool SentToNotebook => Volatile.Read(ref CurrentSession.Value.Sent) == 1;

    /// <summary>Makes the next notebook chart carry plotly.js again (after the notebook page was reloaded).</summary>
    public static void ResetSession() => Volatile.Write(ref CurrentSession.Value.Sent, 0);

    /// <summary>Starts a session of its own, in <paramref name="mode"/>, for this thread and the async code it starts,
    /// until the result is disposed: its first notebook chart carries plotly.js, and what it draws does not change
    /// what the process's session (or another scope) sends.</summary>
    /// <remarks>For a host that runs several notebooks in one process, and for tests that run in parallel
    /// (see <see cref="ScopedSetting{T}"/>).</remarks>
    public static IDisposable UseSession(PlotlyJsMode mode = PlotlyJsMode.Inline) => UseSession(NewSession(mode));

    /// <summary>A session that is nobody's current one yet: a host that runs a notebook's cells on threads of their own
    /// keeps one per notebook and makes it current around each cell (<see cref="UseSession(PlotlyJsSession)"/>).</summary>
    public static PlotlyJsSession NewSession(PlotlyJsMode mode = PlotlyJsMode.Inline) => new(mode);

    /// <summary>Makes <paramref name="session"/> the current one for this thread and the async code it starts, until the
    /// result is disposed; what it sent stays with it from one use to the next.</summary>
    public static IDisposable UseSession(PlotlyJsSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return CurrentSession.Use(session);
    }

    /// <summary>Claims the right to inline plotly.js: true exactly once per session.</summary>
    internal static bool ClaimNotebookInline() => Interlocked.Exchange(ref CurrentSession.Value.Sent, 1) == 0;

    /// <summary>A script element defining <c>window.Plotly</c> unless it exists.</summary>
    /// <remarks>The library is a UMD bundle: with require.js (classic Jupyter) or CommonJS around, it would register a
    /// module instead of the global, so <c>define</c>, <c>module</c> and <c>exports</c> are shadowed by undefined
    /// parameters. plotly.min.js contains no "&lt;/script" sequence (checked when loading), so it can be inlined as is.</remarks>
    internal static string InlineScriptTag() =>
        "<script type=\"text/javascript\">if (!window.Plotly) { (function (define, module, exports) {\n"
        + MinifiedSource
        + "\n}).call(window); }</script>";

    /// <summary>A script that adds the CDN script element once per page.</summary>
    internal static string CdnScriptTag() =>
        "<script type=\"text/javascript\">(function () { if (window.Plotly || document.getElementById('neuralnotebooks-plotlyjs')) return;"
        + " var s = document.createElement('script'); s.id = 'neuralnotebooks-plotlyjs'; s.src = '" + CdnUrl + "';"
        + " document.head.appendChild(s); })();</script>";

    private static string Load()
    {
        Assembly asm = typeof(GenericChart).Assembly;
        using var stream = asm.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Plotly.NET {asm.GetName().Version} does not embed '{ResourceName}'; NeuralNotebooks.Plots expects Plotly.NET 6.0.0.");
        using var reader = new StreamReader(stream);
        string js = reader.ReadToEnd();
        if (js.Contains("</script", StringComparison.OrdinalIgnoreCase))
            js = js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return js;
    }
}

/// <summary>One notebook's chart session: its <see cref="PlotlyJsMode"/> and whether plotly.js was sent to it
/// (see <see cref="PlotlyJs.NewSession"/>).</summary>
public sealed class PlotlyJsSession
{
    internal PlotlyJsSession(PlotlyJsMode mode) => Mode = mode;

    internal PlotlyJsMode Mode;

    /// <summary>0 or 1, for <see cref="Interlocked"/>.</summary>
    internal int Sent;
}
