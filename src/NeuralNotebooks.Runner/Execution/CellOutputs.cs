using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>Collects the outputs of the running cell in the order they happen (streams merge with the previous chunk).</summary>
internal sealed class CellOutputs
{
    private readonly List<NotebookOutput> _outputs;

    public CellOutputs(List<NotebookOutput> outputs) => _outputs = outputs;

    public object Gate { get; } = new();

    public void AppendStream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (Gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is { OutputType: "stream" } last && last.Name == name)
                last.Text += text;
            else
                _outputs.Add(NotebookOutput.Stream(name, text));
        }
    }

    public void Add(NotebookOutput output)
    {
        lock (Gate) _outputs.Add(output);
    }
}
