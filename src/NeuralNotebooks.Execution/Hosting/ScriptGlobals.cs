using Microsoft.AspNetCore.Html;

namespace NeuralNotebooks.Execution.Hosting;

/// <summary>
/// The globals of a notebook session: what the .NET Interactive C# kernel gives cells through
/// <c>using static Microsoft.DotNet.Interactive.Kernel</c>.
/// </summary>
#pragma warning disable IDE1006 // lower-case names, as in the kernel
public class ScriptGlobals
{
    /// <summary>Shows <paramref name="value"/> below the cell (formatted like the kernel) and returns a handle to update it.</summary>
    /// <param name="value">What to show.</param>
    /// <param name="mimeTypes">The MIME types to format it as; none: text/plain for strings, text/html otherwise.</param>
    public DisplayedValue display(object? value, params string[] mimeTypes) => RunContext.Require().Display(value, mimeTypes);

    /// <summary>Raw HTML: displayed or returned as a cell's value, it is shown as HTML, not as text.</summary>
    public IHtmlContent HTML(string content) => new HtmlString(content);
}
#pragma warning restore IDE1006
