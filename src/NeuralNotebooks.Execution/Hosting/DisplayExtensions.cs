using NeuralNotebooks.Execution.Hosting;

// Same namespace as .NET Interactive's DisplayExtensions, so notebooks that import it compile in both places.
namespace Microsoft.DotNet.Interactive;

/// <summary><c>value.Display()</c>, as in the .NET Interactive C# kernel (this namespace is imported by default).</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> below the running cell; see <see cref="ScriptGlobals.display"/>.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => RunContext.Require().Display(value, mimeTypes);
}
