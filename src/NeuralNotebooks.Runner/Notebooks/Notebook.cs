using System.Text.Json.Nodes;

namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>An nbformat 4 notebook in memory: its metadata and its cells, in order.</summary>
/// <remarks>Metadata the runner does not understand is kept as JSON and written back unchanged.</remarks>
public sealed class Notebook
{
    /// <summary>The major format version (always 4 for the notebooks this runner reads).</summary>
    public int NbFormat { get; set; } = 4;

    /// <summary>The minor format version; cell ids need 5 or more (the writer upgrades older notebooks to 4.5).</summary>
    public int NbFormatMinor { get; set; } = 5;

    /// <summary>The top-level metadata (kernelspec, language_info, polyglot_notebook…).</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; } = new();

    /// <summary>The name of the default kernel (Polyglot <c>polyglot_notebook.kernelInfo.defaultKernelName</c>), "csharp" when absent.</summary>
    public string DefaultKernelName =>
        Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";

    /// <summary>The metadata VS Code's Polyglot Notebooks extension writes for a C# notebook (ENVIRONMENT.md §2).</summary>
    public static JsonObject PolyglotCSharpMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["languageName"] = "C#", ["name"] = "csharp" }),
            },
        },
    };
}
