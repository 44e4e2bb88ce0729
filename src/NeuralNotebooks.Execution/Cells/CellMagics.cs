namespace NeuralNotebooks.Execution.Cells;

/// <summary>The Polyglot magic lines at the top of a cell: which kernel it is for, and the C# left to compile.</summary>
public static class CellMagics
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    /// <summary>True for the names Polyglot gives the C# kernel ("csharp", "C#", "cs").</summary>
    public static bool IsCSharp(string kernelName) => CSharpNames.Contains(kernelName);

    /// <summary>
    /// The C# source of a cell, or null with the reason it cannot run here: it starts with another kernel's magic
    /// (<c>#!fsharp</c>, <c>#!pwsh</c>…) or a magic command that is not supported (<c>#!time</c>…). <c>#!csharp</c> lines and
    /// <c>#i</c> (package source) lines become blank lines, so line numbers still match.
    /// </summary>
    /// <param name="source">The cell's text.</param>
    /// <param name="kernel">The cell's kernel from its metadata; set to "csharp" by a leading <c>#!csharp</c>.</param>
    /// <param name="hostName">"runner" or "kernel", for the reason.</param>
    /// <param name="skipReason">Why the cell is not C#, when null is returned.</param>
    public static string? Prepare(string source, ref string kernel, string hostName, out string? skipReason)
    {
        ArgumentNullException.ThrowIfNull(source);
        skipReason = null;
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line[2..].Split(' ', 2)[0];
                if (IsCSharp(magic)) { kernel = "csharp"; lines[i] = ""; continue; }
                skipReason = IsKernelName(magic)
                    ? $"{magic} cell (the {hostName} runs C# only)"
                    : $"magic command #!{magic} is not supported by the {hostName}";
                return null;
            }
            if (line.StartsWith("#i ", StringComparison.Ordinal)) { lines[i] = ""; continue; }
            if (line.Length > 0) break;
        }
        if (!IsCSharp(kernel))
        {
            skipReason = $"{kernel} cell (the {hostName} runs C# only)";
            return null;
        }
        return string.Join('\n', lines);
    }

    private static bool IsKernelName(string magic) => magic.ToLowerInvariant() is
        "fsharp" or "f#" or "fs" or "pwsh" or "powershell" or "javascript" or "js" or "html" or "markdown" or "md" or
        "sql" or "kql" or "mermaid" or "python" or "r" or "http" or "value" or "typescript";
}
