using System.Text.Json.Nodes;

namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>One cell of a notebook: markdown, code or raw.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell of the given type ("markdown", "code" or "raw") with the given source.</summary>
    public NotebookCell(string cellType, string source, string? id = null)
    {
        CellType = cellType;
        Source = source;
        Id = id;
    }

    /// <summary>The nbformat 4.5 cell id (1–64 characters of letters, digits, '-' and '_'); null until created.</summary>
    public string? Id { get; set; }

    /// <summary>"markdown", "code" or "raw".</summary>
    public string CellType { get; }

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell's text, lines joined with '\n'.</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata (e.g. <c>polyglot_notebook.kernelName</c>), kept as JSON.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>Other cell fields kept as they were (e.g. markdown attachments).</summary>
    public JsonObject Extra { get; set; } = new();

    /// <summary>The run counter of a code cell; null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The outputs of a code cell, in order.</summary>
    public List<NotebookOutput> Outputs { get; } = new();

    /// <summary>
    /// The kernel the cell belongs to: its Polyglot metadata (<c>polyglot_notebook.kernelName</c>, or the older
    /// <c>dotnet_interactive.language</c>), else <paramref name="defaultKernel"/>.
    /// </summary>
    public string KernelName(string defaultKernel) =>
        Metadata["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? Metadata["dotnet_interactive"]?["language"]?.GetValue<string>()
        ?? defaultKernel;

    /// <summary>The first non-blank line of the source, trimmed (for progress lines and reports).</summary>
    public string FirstLine =>
        Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
