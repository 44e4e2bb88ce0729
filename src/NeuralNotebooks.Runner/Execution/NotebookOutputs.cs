using System.Text;
using NeuralNotebooks.Execution.Outputs;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Execution;

/// <summary>
/// The runner's <see cref="ICellOutputSink"/>: writes a notebook's outputs into its cells, in the order they happen
/// (streams merge with the previous chunk of the same stream); <c>Update</c> replaces a display in whichever cell it is.
/// </summary>
/// <remarks>
/// <para>The stream output being written collects its text in a <see cref="StringBuilder"/> and gets its
/// <see cref="NotebookOutput.Text"/> when another output follows or the cell ends: a cell printing n lines costs O(n),
/// not the O(n²) of appending to a string per line.</para>
/// <para>After <see cref="Close"/> (the notebook's run ended) nothing changes any more: a thread a cell left behind may
/// still call <c>Update</c> on a handle, but the notebook being saved or sent is never modified under the saver.</para>
/// </remarks>
internal sealed class NotebookOutputs : ICellOutputSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<NotebookOutput>> _displays = new(StringComparer.Ordinal);
    private readonly StringBuilder _openText = new();
    private List<NotebookOutput>? _cell;
    private NotebookOutput? _openStream;
    private bool _closed;

    /// <summary>Outputs go to <paramref name="outputs"/> (the running cell's) until <see cref="EndCell"/>.</summary>
    public void BeginCell(List<NotebookOutput> outputs)
    {
        lock (_gate)
        {
            if (_closed) return;
            _cell = outputs;
        }
    }

    /// <summary>No cell is running.</summary>
    public void EndCell()
    {
        lock (_gate)
        {
            EndStreamLocked();
            _cell = null;
        }
    }

    /// <summary>The notebook's run is over: outputs and displays stay as they are from now on.</summary>
    public void Close()
    {
        lock (_gate)
        {
            EndStreamLocked();
            _cell = null;
            _closed = true;
        }
    }

    public void Stream(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_cell is null) return;
            if (_openStream is not null && _cell.Count > 0 && ReferenceEquals(_cell[^1], _openStream) && _openStream.Name == name)
            {
                _openText.Append(text);
                return;
            }
            EndStreamLocked();
            _openStream = NotebookOutput.Stream(name, "");
            _openText.Append(text);
            _cell.Add(_openStream);
        }
    }

    public void Display(IReadOnlyDictionary<string, string> data, string displayId)
    {
        var output = NotebookOutput.Display(data, displayId: displayId);
        lock (_gate)
        {
            if (_cell is null) return;
            EndStreamLocked();
            _cell.Add(output);
            if (!_displays.TryGetValue(displayId, out var shown)) _displays[displayId] = shown = new List<NotebookOutput>();
            shown.Add(output);
        }
    }

    public void UpdateDisplay(IReadOnlyDictionary<string, string> data, string displayId)
    {
        lock (_gate)
        {
            if (_closed || !_displays.TryGetValue(displayId, out var shown)) return;
            foreach (var output in shown) output.SetData(data);
        }
    }

    public void Result(IReadOnlyDictionary<string, string> data, int executionCount) => Add(NotebookOutput.Display(data, executionCount));

    public void Error(CellError error) => Add(NotebookOutput.Error(error.EName, error.EValue, error.Traceback));

    private void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            if (_cell is null) return;
            EndStreamLocked();
            _cell.Add(output);
        }
    }

    /// <summary>Gives the stream output being written its text.</summary>
    private void EndStreamLocked()
    {
        if (_openStream is null) return;
        _openStream.Text = _openText.ToString();
        _openText.Clear();
        _openStream = null;
    }
}
