using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NeuralNotebooks.Runner.Execution;

namespace NeuralNotebooks.Runner.Reports;

/// <summary>The JSON report and the console summary of a run over several notebooks.</summary>
/// <remarks>
/// JSON shape: <c>{"passed": bool, "seconds": n, "notebooks": [{"notebook", "passed", "seconds", "error",
/// "cells": [{"cell", "id", "status", "seconds", "firstLine", "message"}]}], "checks": [{"notebook", "cell", "name",
/// "value", "bound", "passed", "seconds"}]}</c>.
/// </remarks>
public static class RunReport
{
    /// <summary>The report as JSON (indented, stable key order).</summary>
    public static string ToJson(IReadOnlyList<NotebookRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var root = new JsonObject
        {
            ["passed"] = results.All(r => r.Passed),
            ["seconds"] = Seconds(TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks))),
            ["notebooks"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["notebook"] = r.Path,
                ["passed"] = r.Passed,
                ["seconds"] = Seconds(r.Elapsed),
                ["error"] = r.Error,
                ["cells"] = new JsonArray(r.Cells.Select(c => (JsonNode)new JsonObject
                {
                    ["cell"] = c.Number,
                    ["id"] = c.Id,
                    ["status"] = c.Status.ToString(),
                    ["seconds"] = Seconds(c.Elapsed),
                    ["firstLine"] = c.FirstLine,
                    ["message"] = c.Message,
                }).ToArray()),
            }).ToArray()),
            ["checks"] = new JsonArray(results.SelectMany(r => r.Checks).Select(c => (JsonNode)new JsonObject
            {
                ["notebook"] = c.Notebook,
                ["cell"] = c.Cell,
                ["name"] = c.Name,
                ["value"] = c.Value,
                ["bound"] = c.Bound,
                ["passed"] = c.Passed,
                ["seconds"] = Seconds(c.Duration),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>Writes the JSON report atomically (<see cref="OutputFile"/>).</summary>
    /// <exception cref="OutputException">The file cannot be written; it is unchanged.</exception>
    public static void Write(IReadOnlyList<NotebookRunResult> results, string path) => OutputFile.WriteAllText(path, ToJson(results));

    /// <summary>A plain-text table of the checks and one line per notebook with its wall time, for the console.</summary>
    /// <param name="results">The notebooks' results, in run order.</param>
    /// <param name="wall">The whole run's wall time (first notebook started → last finished); the sum of the notebooks' when null.</param>
    public static string Summary(IReadOnlyList<NotebookRunResult> results, TimeSpan? wall = null)
    {
        var sb = new StringBuilder();
        var checks = results.SelectMany(r => r.Checks).ToList();
        if (checks.Count > 0)
        {
            var rows = checks.Select(c => new[]
            {
                c.Passed ? "✓" : "✗", Path.GetFileName(c.Notebook), c.Cell.ToString(CultureInfo.InvariantCulture), c.Name, c.Value, c.Bound,
                c.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            }).ToList();
            var header = new[] { "", "notebook", "cell", "check", "value", "expected", "s" };
            var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
            void Row(string[] cells) => sb.AppendLine(string.Join("  ", cells.Select((c, i) => i is 2 or 6 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
            Row(header);
            foreach (var r in rows) Row(r);
            sb.AppendLine();
        }
        foreach (var r in results)
        {
            var skipped = r.Cells.Count(c => c.Status == CellStatus.Skipped);
            sb.Append(r.Passed ? "PASS " : "FAIL ").Append(r.Path)
              .Append(CultureInfo.InvariantCulture, $"  {r.Cells.Count(c => c.Status == CellStatus.Succeeded)} cells ran")
              .Append(skipped > 0 ? $", {skipped} skipped" : "")
              .Append(CultureInfo.InvariantCulture, $", {r.Checks.Count(c => c.Passed)}/{r.Checks.Count} checks passed, ")
              .Append(CultureInfo.InvariantCulture, $"wall {r.Elapsed.TotalSeconds:0.0} s (cells {CellTime(r).TotalSeconds:0.0} s)")
              .AppendLine();
            if (r.FirstFailure is { } failure) sb.Append("     ").AppendLine(failure.Replace("\n", "\n     "));
        }
        var passed = results.Count(r => r.Passed);
        var total = wall ?? TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks));
        sb.Append(CultureInfo.InvariantCulture, $"{passed}/{results.Count} notebooks passed, wall time {total.TotalSeconds:0.0} s");
        return sb.AppendLine().ToString();
    }

    /// <summary>The time the notebook's cells ran (the rest of its wall time is starting the session, loading references).</summary>
    private static TimeSpan CellTime(NotebookRunResult r) => TimeSpan.FromTicks(r.Cells.Sum(c => c.Elapsed.Ticks));

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);
}
