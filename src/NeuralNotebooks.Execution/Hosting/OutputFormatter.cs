using Microsoft.DotNet.Interactive.Formatting;

namespace NeuralNotebooks.Execution.Hosting;

/// <summary>Formats values for notebook outputs the way the .NET Interactive C# kernel does.</summary>
/// <remarks>
/// Uses Microsoft.DotNet.Interactive.Formatting: with no MIME type asked for, strings are text/plain and other objects
/// text/html (tables, or a library's own convention-based <c>TypeFormatterSourceAttribute</c> formatter, e.g. charts).
/// null is shown as "&lt;null&gt;". A string given with explicit MIME types is taken as content in those formats
/// (<c>display("&lt;b&gt;hi&lt;/b&gt;", "text/html")</c> shows bold text).
/// </remarks>
public static class OutputFormatter
{
    /// <summary>MIME type → formatted text for <paramref name="value"/>.</summary>
    public static SortedDictionary<string, string> Format(object? value, IReadOnlyList<string>? mimeTypes)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (value is null)
        {
            result["text/plain"] = "<null>";
            return result;
        }
        if (value is string text && mimeTypes is { Count: > 0 })
        {
            // A string with explicit MIME types is content already in that format (as .NET Interactive's DisplayAs).
            foreach (var mime in mimeTypes) result[mime] = text.Replace("\r\n", "\n");
            return result;
        }
        var mimes = mimeTypes is { Count: > 0 } ? mimeTypes : PreferredMimeTypes(value);
        // The formatter writes \r\n in places; saved notebooks use \n only, so outputs do not change from machine to machine.
        foreach (var mime in mimes) result[mime] = Formatter.ToDisplayString(value, mime).Replace("\r\n", "\n");
        return result;
    }

    /// <summary>The MIME types used when none is asked for: Formatter's preference for the type (text/plain for strings, text/html otherwise).</summary>
    public static IReadOnlyList<string> PreferredMimeTypes(object value) =>
        Formatter.GetPreferredMimeTypesFor(value.GetType()).ToArray() is { Length: > 0 } m ? m : new[] { "text/html" };
}
