using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Tests;

public class NotebookReaderWriterTests
{
    [Fact]
    public void Missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(TestNotebooks.NewFolder(), "nope.ipynb");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Theory]
    [InlineData("{ \"cells\": [ ", "not valid JSON")]
    [InlineData("[1, 2]", "top level must be a JSON object")]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "nbformat 3 is not supported")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5}", "missing the \"cells\" array")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}", "cell 1 has no \"cell_type\"")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}", "cell 1 source")]
    public void Malformed_notebooks_are_errors_naming_the_file_and_problem(string json, string expected)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(json, "bad.ipynb"));
        Assert.StartsWith("bad.ipynb: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Reads_sources_given_as_strings_or_lists_of_lines()
    {
        var nb = NotebookReader.Parse("""
            {"nbformat": 4, "nbformat_minor": 4, "metadata": {"custom": {"a": 1}},
             "cells": [
               {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "text"]},
               {"cell_type": "code", "metadata": {}, "execution_count": 3, "source": "var x = 1;",
                "outputs": [{"output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"]},
                            {"output_type": "execute_result", "execution_count": 3, "metadata": {}, "data": {"text/plain": ["1"]}}]}
             ]}
            """);
        Assert.Equal("# Title\ntext", nb.Cells[0].Source);
        Assert.Equal("var x = 1;", nb.Cells[1].Source);
        Assert.Equal(3, nb.Cells[1].ExecutionCount);
        Assert.Equal("a\nb\n", nb.Cells[1].Outputs[0].Text);
        Assert.Equal("1", nb.Cells[1].Outputs[1].GetText("text/plain"));
        Assert.Equal(1, nb.Metadata["custom"]!["a"]!.GetValue<int>());
    }

    [Fact]
    public void Writes_jupyter_style_json_with_ids_sorted_keys_one_space_indent_and_trailing_newline()
    {
        var nb = TestNotebooks.Make(TestNotebooks.Markdown("# Hi\nthere"), TestNotebooks.Code("var x = 1;"));
        nb.NbFormatMinor = 4;
        var text = NotebookWriter.Serialize(nb);
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"", text);
        Assert.Contains("\"nbformat_minor\": 5", text);
        Assert.Contains("\"# Hi\\n\",\n    \"there\"", text);
        var root = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(new[] { "cells", "metadata", "nbformat", "nbformat_minor" }, root.Select(p => p.Key));
        var ids = nb.Cells.Select(c => c.Id!).ToList();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Existing_ids_are_kept_and_duplicates_replaced()
    {
        var nb = TestNotebooks.Make(new NotebookCell("code", "1", "same"), new NotebookCell("code", "2", "same"), new NotebookCell("raw", "r", "bad id!"));
        NotebookWriter.EnsureCellIds(nb);
        Assert.Equal("same", nb.Cells[0].Id);
        Assert.NotEqual("same", nb.Cells[1].Id);
        Assert.NotEqual("bad id!", nb.Cells[2].Id);
    }

    [Fact]
    public void Round_trip_gives_the_same_notebook_and_writing_twice_gives_identical_bytes()
    {
        var lesson = Path.Combine(TestNotebooks.RepositoryRoot, "notebooks", "01-perceptron.ipynb");
        var nb = NotebookReader.Read(lesson);
        var folder = TestNotebooks.NewFolder();
        var first = Path.Combine(folder, "a.ipynb");
        var second = Path.Combine(folder, "b.ipynb");
        NotebookWriter.Write(nb, first);
        NotebookWriter.Write(NotebookReader.Read(first), second);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var again = NotebookReader.Read(second);
        Assert.Equal(nb.Cells.Select(c => (c.Id, c.CellType, c.Source, c.Outputs.Count)), again.Cells.Select(c => (c.Id, c.CellType, c.Source, c.Outputs.Count)));
        Assert.Equal(new[] { "a.ipynb", "b.ipynb" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order()); // no temp files left
    }
}
