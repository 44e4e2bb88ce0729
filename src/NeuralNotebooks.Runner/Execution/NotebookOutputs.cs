using NeuralNotebooks.Execution.Outputs;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>
/// The runner's <see cref="ICellOutputSink"/>: writes a notebook's outputs into its cells, in the order they happen
/// (streams merge with the previous chunk of the same stream); <c>Update</c> replaces a display in whichever cell it is.
/// </summary>
internal sealed class NotebookOutputs : ICellOutputSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<NotebookOutput>> _displays = new(StringComparer.Ordinal);
    private List<NotebookOutput>? _cell;

    /// <summary>Outputs go to <paramref name="outputs"/> (the running cell's) until <see cref="EndCell"/>.</summary>
    public void BeginCell(List<NotebookOutput> outputs)
    {
        lock (_gate) _cell = outputs;
    }

    /// <summary>No cell is running.</summary>
    public void EndCell()
    {
        lock (_gate) _cell = null;
    }

    public void Stream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_cell is null) return;
            if (_cell.Count > 0 && _cell[^1] is { OutputType: "stream" } last && last.Name == name)
                last.Text += text;
            else
                _cell.Add(NotebookOutput.Stream(name, text));
        }
    }

    public void Display(IReadOnlyDictionary<string, string> data, string displayId)
    {
        var output = NotebookOutput.Display(data, displayId: displayId);
        lock (_gate)
        {
            if (_cell is null) return;
            _cell.Add(output);
            if (!_displays.TryGetValue(displayId, out var shown)) _displays[displayId] = shown = new List<NotebookOutput>();
            shown.Add(output);
        }
    }

    public void UpdateDisplay(IReadOnlyDictionary<string, string> data, string displayId)
    {
        lock (_gate)
        {
            if (!_displays.TryGetValue(displayId, out var shown)) return;
            foreach (var output in shown) output.SetData(data);
        }
    }

    public void Result(IReadOnlyDictionary<string, string> data, int executionCount) => Add(NotebookOutput.Display(data, executionCount));

    public void Error(CellError error) => Add(NotebookOutput.Error(error.EName, error.EValue, error.Traceback));

    private void Add(NotebookOutput output)
    {
        lock (_gate) _cell?.Add(output);
    }
}
