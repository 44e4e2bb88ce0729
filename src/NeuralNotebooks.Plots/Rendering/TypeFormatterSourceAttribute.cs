namespace NeuralNotebooks.Plots.Rendering;

/// <summary>
/// Tells .NET Interactive (Polyglot Notebooks) how to display a type, without referencing any .NET Interactive package.
/// </summary>
/// <remarks>Microsoft.DotNet.Interactive.Formatting looks for an attribute with exactly this simple name, reads
/// <see cref="FormatterSourceType"/>, creates it with its parameterless constructor and calls its public
/// <c>CreateTypeFormatters()</c>; each formatter has <c>MimeType</c> and <c>bool Format(object, TextWriter)</c>.</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    public Type FormatterSourceType { get; }

    public string[]? PreferredMimeTypes { get; set; }
}
