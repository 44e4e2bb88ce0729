using System.Text.Json.Nodes;

namespace NeuralNotebooks.Kernel.Tests.Support;

/// <summary>Writes small Polyglot C# notebooks (the lessons' metadata: kernelspec ".net-csharp") into temporary folders.</summary>
internal static class TestNotebook
{
    public const string LoadLibraries =
        "#r \"../src/NeuralNotebooks/bin/Debug/net8.0/NeuralNotebooks.dll\"\n" +
        "#r \"../src/NeuralNotebooks.Plots/bin/Debug/net8.0/NeuralNotebooks.Plots.dll\"\n" +
        "using NeuralNotebooks.Checks;\nusing NeuralNotebooks.Plots;";

    /// <summary>A code cell; <paramref name="tags"/> go into its metadata (nbclient reads "raises-exception").</summary>
    public static JsonObject Code(string source, params string[] tags)
    {
        var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        return new JsonObject
        {
            ["cell_type"] = "code", ["id"] = Guid.NewGuid().ToString("N")[..12], ["metadata"] = metadata,
            ["source"] = source, ["outputs"] = new JsonArray(), ["execution_count"] = null,
        };
    }

    /// <summary>Saves the cells as an nbformat 4.5 notebook in a new folder; returns its path.</summary>
    public static string Save(params JsonObject[] cells)
    {
        var nb = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
            },
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
        };
        var path = Path.Combine(Repo.NewFolder("notebook"), "test.ipynb");
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }

    /// <summary>The text of every stream output of code cell <paramref name="index"/> (counting code cells only).</summary>
    public static string Streams(JsonObject notebook, int index) =>
        string.Concat(CodeCells(notebook).ElementAt(index)["outputs"]!.AsArray()
            .Where(o => (string?)o!["output_type"] == "stream")
            .Select(o => o!["text"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)o!["text"]));

    public static IEnumerable<JsonObject> CodeCells(JsonObject notebook) =>
        notebook["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == "code");

    public static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
