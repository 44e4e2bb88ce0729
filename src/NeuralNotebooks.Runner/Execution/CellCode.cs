using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>Decides whether a code cell is C#, and gives the C# to compile (magic lines blanked so line numbers still match).</summary>
public static class CellCode
{
    private static readonly HashSet<string> CSharpNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs", "C#" };

    /// <summary>
    /// The C# source of <paramref name="cell"/>, or null with the reason it is skipped: its kernel (cell metadata
    /// <c>polyglot_notebook.kernelName</c>, or a leading magic such as <c>#!fsharp</c>) is not C#, or it starts with a magic
    /// command the runner does not support. <c>#!csharp</c> lines and <c>#i</c> (package source) lines become blank lines.
    /// </summary>
    public static string? Prepare(NotebookCell cell, string defaultKernel, out string? skipReason)
    {
        skipReason = null;
        var kernel = cell.KernelName(defaultKernel);
        var lines = cell.Source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line[2..].Split(' ', 2)[0];
                if (CSharpNames.Contains(magic)) { kernel = "csharp"; lines[i] = ""; continue; }
                skipReason = IsKernelName(magic)
                    ? $"{magic} cell (the runner runs C# only)"
                    : $"magic command #!{magic} is not supported by the runner";
                return null;
            }
            if (line.StartsWith("#i ", StringComparison.Ordinal)) { lines[i] = ""; continue; }
            if (line.Length > 0) break;
        }
        if (!CSharpNames.Contains(kernel))
        {
            skipReason = $"{kernel} cell (the runner runs C# only)";
            return null;
        }
        return string.Join('\n', lines);
    }

    private static bool IsKernelName(string magic) => magic.ToLowerInvariant() is
        "fsharp" or "f#" or "fs" or "pwsh" or "powershell" or "javascript" or "js" or "html" or "markdown" or "md" or
        "sql" or "kql" or "mermaid" or "python" or "r" or "http" or "value" or "typescript";
}
