using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Protocol;

namespace NeuralNotebooks.Kernel.Handlers;

/// <summary>The kernel_info_reply: who we are and the language we run.</summary>
internal static class KernelInfo
{
    /// <summary>The implementation name front ends see.</summary>
    public const string Implementation = "neuralnotebooks";

    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (NeuralNotebooks) — Roslyn scripting on .NET {Environment.Version}; the same engine as the NeuralNotebooks runner.",
        ["help_links"] = new JsonArray(
            new JsonObject { ["text"] = "C# language", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" }),
        ["debugger"] = false,
    };
}
