using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>Builds small notebooks in temporary folders, and finds the repository.</summary>
internal static class TestNotebooks
{
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NeuralNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("NeuralNotebooks.sln not found above " + AppContext.BaseDirectory);
    }

    public static string NewFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nn-runner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static NotebookCell Code(string source, string? kernel = "csharp")
    {
        var cell = new NotebookCell("code", source);
        if (kernel is not null) cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
        return cell;
    }

    public static NotebookCell Markdown(string source) => new("markdown", source);

    public static Notebook Make(params NotebookCell[] cells)
    {
        var nb = new Notebook { Metadata = Notebook.PolyglotCSharpMetadata() };
        nb.Cells.AddRange(cells);
        return nb;
    }

    /// <summary>Writes the notebook into a new temporary folder and returns its path.</summary>
    public static string Save(Notebook notebook, string? folder = null, string name = "test.ipynb")
    {
        var path = Path.Combine(folder ?? NewFolder(), name);
        NotebookWriter.Write(notebook, path);
        return path;
    }

    /// <summary>A cell drawing a chart (its output carries text/html and the plotly figure).</summary>
    public const string ChartCell = "#r \"../src/NeuralNotebooks.Plots/bin/Debug/net8.0/NeuralNotebooks.Plots.dll\"\n"
        + "NeuralNotebooks.Plots.Charts.Activations(NeuralNotebooks.Activations.Activation.Sigmoid, NeuralNotebooks.Activations.Activation.ReLU)";

    public const string LoadLibrary = "#r \"../src/NeuralNotebooks/bin/Debug/net8.0/NeuralNotebooks.dll\"\nusing NeuralNotebooks.Checks;";
}
