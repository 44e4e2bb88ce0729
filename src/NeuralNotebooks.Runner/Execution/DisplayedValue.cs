using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>The handle <c>display(…)</c> returns: <see cref="Update"/> replaces what it showed, in place.</summary>
public sealed class DisplayedValue
{
    private readonly NotebookOutput _output;
    private readonly CellOutputs _cell;

    internal DisplayedValue(string displayId, IReadOnlyList<string> mimeTypes, NotebookOutput output, CellOutputs cell)
    {
        DisplayId = displayId;
        MimeTypes = mimeTypes;
        _output = output;
        _cell = cell;
    }

    /// <summary>The display id (unique within the notebook run).</summary>
    public string DisplayId { get; }

    /// <summary>The MIME types asked for (empty: the value's preferred ones).</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Replaces the displayed output with <paramref name="value"/>, formatted with the same MIME types.</summary>
    public void Update(object? value)
    {
        var data = OutputFormatter.Format(value, MimeTypes);
        lock (_cell.Gate)
        {
            _output.Data.Clear();
            foreach (var (mime, text) in data) _output.Data[mime] = System.Text.Json.Nodes.JsonValue.Create(text);
        }
    }
}
