using Microsoft.CodeAnalysis;
using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Tests.Support;
using static NeuralNotebooks.Kernel.Tests.Support.KernelUnderTest;

namespace NeuralNotebooks.Kernel.Tests.Protocol;

/// <summary>A kernel of its own: started in a notebook's folder, then shut down.</summary>
public class LifecycleTests
{
    [Fact]
    public void Relative_references_start_at_the_kernels_folder_and_shutdown_ends_the_process()
    {
        var folder = Repo.NewFolder("notebook-folder");
        Directory.CreateDirectory(Path.Combine(folder, "libs"));
        BuildLibrary(Path.Combine(folder, "libs", "Greeter.dll"), "public static class Greeter { public static string Hello => \"hi from libs\"; }");
        using var k = new KernelUnderTest(workingDirectory: folder);

        var (reply, iopub) = k.Execute("#r \"libs/Greeter.dll\"\nGreeter.Hello");
        Assert.True((string?)reply.Content["status"] == "ok", reply.Content.ToJsonString());
        Assert.Equal("hi from libs", (string?)iopub.Single(m => m.MsgType == "execute_result").Content["data"]!["text/plain"]);

        var (missing, _) = k.Execute("#r \"nuget: NoSuchPackage, 1.0.0\"");
        Assert.Equal("ReferenceError", (string?)missing.Content["ename"]);
        Assert.Contains("is not available to the notebook kernel", (string?)missing.Content["evalue"]);

        var shutdown = k.Receive(Channel.Control, k.Send(Channel.Control, "shutdown_request", new JsonObject { ["restart"] = false }));
        Assert.Equal("shutdown_reply", shutdown.MsgType);
        Assert.False((bool)shutdown.Content["restart"]!);
        Assert.True(k.WaitForExit(TimeSpan.FromSeconds(20)), "the kernel did not exit after shutdown_request");
    }

    /// <summary>Compiles <paramref name="source"/> into an assembly at <paramref name="path"/> (a library no host carries).</summary>
    private static void BuildLibrary(string path, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(Path.GetFileNameWithoutExtension(path),
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) }, references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
