using System.Text.Json;
using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Execution;

namespace NeuralNotebooks.Runner.Supervision;

/// <summary>What a <see cref="NotebookWorker"/> tells its <see cref="NotebookSupervisor"/>: one JSON object per line.</summary>
/// <remarks>
/// <code>
/// {"t":"notebook","index":i}                               a notebook starts (index into the worker's list)
/// {"t":"cell","number":n,"count":c,"firstLine":s}          a code cell starts
/// {"t":"cellEnd","cell":{…}}                               it ended (a <see cref="CellRunResult"/>)
/// {"t":"check","check":{…}}                                a check was made (a <see cref="CheckRecord"/>)
/// {"t":"done","index":i,"result":{…},"ipynb":s|null}       the notebook ended: its whole result and the notebook with its outputs
/// {"t":"fatal","message":s}                                the process is about to die (Environment.Exit, a background thread's exception)
/// {"t":"bye"}                                              every notebook ran
/// </code>
/// Durations travel as ticks, so they come back exactly.
/// </remarks>
internal static class WorkerMessages
{
    public static JsonObject NotebookStarted(int index) => new() { ["t"] = "notebook", ["index"] = index };

    public static JsonObject CellStarted(CellProgress p) => new() { ["t"] = "cell", ["number"] = p.Number, ["count"] = p.Count, ["firstLine"] = p.FirstLine };

    public static JsonObject CellEnded(CellRunResult cell) => new() { ["t"] = "cellEnd", ["cell"] = ToJson(cell) };

    public static JsonObject Checked(CheckRecord check) => new() { ["t"] = "check", ["check"] = ToJson(check) };

    public static JsonObject Done(int index, NotebookRunResult result, string? ipynb) => new()
    {
        ["t"] = "done",
        ["index"] = index,
        ["result"] = new JsonObject
        {
            ["error"] = result.Error,
            ["ticks"] = result.Elapsed.Ticks,
            ["cells"] = new JsonArray(result.Cells.Select(c => (JsonNode)ToJson(c)).ToArray()),
            ["checks"] = new JsonArray(result.Checks.Select(c => (JsonNode)ToJson(c)).ToArray()),
        },
        ["ipynb"] = ipynb,
    };

    public static JsonObject Fatal(string message) => new() { ["t"] = "fatal", ["message"] = message };

    public static JsonObject Bye() => new() { ["t"] = "bye" };

    /// <summary>One line of the protocol (no line break inside: JSON escapes them).</summary>
    public static string Line(JsonObject message) => message.ToJsonString(LineOptions) + "\n";

    private static readonly JsonSerializerOptions LineOptions = new() { WriteIndented = false };

    public static JsonObject ToJson(CellRunResult c) => new()
    {
        ["number"] = c.Number, ["id"] = c.Id, ["firstLine"] = c.FirstLine, ["status"] = c.Status.ToString(),
        ["ticks"] = c.Elapsed.Ticks, ["message"] = c.Message,
    };

    public static CellRunResult Cell(JsonNode node) => new(
        node["number"]!.GetValue<int>(), (string?)node["id"], (string)node["firstLine"]!,
        Enum.Parse<CellStatus>((string)node["status"]!), TimeSpan.FromTicks(node["ticks"]!.GetValue<long>()), (string?)node["message"]);

    public static JsonObject ToJson(CheckRecord c) => new()
    {
        ["notebook"] = c.Notebook, ["cell"] = c.Cell, ["name"] = c.Name, ["value"] = c.Value, ["bound"] = c.Bound,
        ["passed"] = c.Passed, ["ticks"] = c.Duration.Ticks,
    };

    public static CheckRecord Check(JsonNode node) => new(
        (string)node["notebook"]!, node["cell"]!.GetValue<int>(), (string)node["name"]!, (string)node["value"]!, (string)node["bound"]!,
        node["passed"]!.GetValue<bool>(), TimeSpan.FromTicks(node["ticks"]!.GetValue<long>()));
}
