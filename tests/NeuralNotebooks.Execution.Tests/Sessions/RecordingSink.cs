using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Tests.Sessions;

/// <summary>Keeps every output event, in order, as "kind: detail".</summary>
internal sealed class RecordingSink : ICellOutputSink
{
    public List<string> Events { get; } = new();

    private void Add(string e) { lock (Events) Events.Add(e); }

    public void Stream(string name, string text) => Add($"stream {name}: {text}");

    public void Display(IReadOnlyDictionary<string, string> data, string displayId) => Add($"display {displayId}: {string.Join(",", data.Select(d => $"{d.Key}={d.Value}"))}");

    public void UpdateDisplay(IReadOnlyDictionary<string, string> data, string displayId) => Add($"update {displayId}: {string.Join(",", data.Select(d => $"{d.Key}={d.Value}"))}");

    public void Result(IReadOnlyDictionary<string, string> data, int executionCount) => Add($"result [{executionCount}]: {string.Join(",", data.Keys)}");

    public void Error(CellError error) => Add($"error {error.EName}: {error.Summary}");
}
