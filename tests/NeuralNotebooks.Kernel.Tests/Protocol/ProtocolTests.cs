using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Protocol;
using NeuralNotebooks.Kernel.Tests.Support;
using static NeuralNotebooks.Kernel.Tests.Support.KernelUnderTest;

namespace NeuralNotebooks.Kernel.Tests.Protocol;

/// <summary>One kernel process for the class (its tests run one after another).</summary>
public sealed class SharedKernel : IDisposable
{
    internal KernelUnderTest Kernel { get; } = new();

    public void Dispose() => Kernel.Dispose();
}

/// <summary>The messaging protocol, message by message, against the kernel process.</summary>
public class ProtocolTests(SharedKernel shared) : IClassFixture<SharedKernel>
{
    private KernelUnderTest K => shared.Kernel;

    private static string[] Types(IEnumerable<JupyterMessage> messages) => messages.Select(m => m.MsgType).ToArray();

    [Fact]
    public void Kernel_info_names_protocol_5_3_and_CSharp_between_busy_and_idle()
    {
        var id = K.Send(Channel.Shell, "kernel_info_request", new JsonObject());
        var reply = K.Receive(Channel.Shell, id);
        Assert.Equal("kernel_info_reply", reply.MsgType);
        Assert.Equal(id, (string?)reply.ParentHeader["msg_id"]);
        Assert.Equal("5.3", (string?)reply.Content["protocol_version"]);
        Assert.Equal("C#", (string?)reply.Content["language_info"]!["name"]);
        Assert.Equal(".cs", (string?)reply.Content["language_info"]!["file_extension"]);
        var iopub = K.IopubUntilIdle(id);
        Assert.Equal(new[] { "busy", "idle" }, iopub.Select(m => (string?)m.Content["execution_state"]));
    }

    [Fact]
    public void Execute_sends_input_stream_and_result_in_order_and_counts_only_stored_runs()
    {
        var (first, iopub) = K.Execute("var answer = 40;\nConsole.WriteLine(\"hello\");\nanswer + 2");
        Assert.Equal("ok", (string?)first.Content["status"]);
        int n = (int)first.Content["execution_count"]!;
        Assert.Equal(new[] { "status", "execute_input", "stream", "execute_result", "status" }, Types(iopub));
        Assert.Equal(n, (int)iopub[1].Content["execution_count"]!);
        Assert.Equal("hello\n", (string?)iopub[2].Content["text"]);
        Assert.Contains("42", (string?)iopub[3].Content["data"]!["text/html"]);
        Assert.Equal(n, (int)iopub[3].Content["execution_count"]!);

        var (silent, silentIopub) = K.Execute("Console.WriteLine(\"quiet\");", new JsonObject { ["silent"] = true });
        Assert.Equal(new[] { "status", "status" }, Types(silentIopub));
        var (unstored, _) = K.Execute("answer++;", new JsonObject { ["store_history"] = false });
        var (next, _) = K.Execute("answer");
        Assert.Equal(n, (int)unstored.Content["execution_count"]!);
        Assert.Equal(n + 1, (int)next.Content["execution_count"]!);
        _ = silent;
    }

    [Fact]
    public void Errors_name_the_cell_and_line_in_the_reply_and_on_iopub()
    {
        var (thrown, iopub) = K.Execute("var a = 1;\nthrow new ArgumentException(\"bad\");");
        Assert.Equal("error", (string?)thrown.Content["status"]);
        int n = (int)thrown.Content["execution_count"]!;
        Assert.Equal("System.ArgumentException", (string?)thrown.Content["ename"]);
        Assert.Equal($"cell [{n}], line 2: System.ArgumentException: bad", (string?)thrown.Content["traceback"]![0]);
        Assert.Single(iopub, m => m.MsgType == "error");

        var (compile, _) = K.Execute("var b = 1;\nvar c = missing + 1;");
        Assert.Equal("CompilationError", (string?)compile.Content["ename"]);
        Assert.StartsWith($"cell [{n + 1}], line 2, column 9: error CS0103", (string?)compile.Content["traceback"]![0]);

        var (fsharp, _) = K.Execute("#!fsharp\nprintfn \"hi\"");
        Assert.Equal("error", (string?)fsharp.Content["status"]);
        Assert.Contains("the kernel runs C# only", (string?)fsharp.Content["evalue"]);
    }

    [Fact]
    public void After_an_error_queued_executions_are_aborted_unless_stop_on_error_is_false()
    {
        JsonObject Request(string code, bool stop = true) => new() { ["code"] = code, ["silent"] = false, ["stop_on_error"] = stop, ["allow_stdin"] = false };
        // The first request sleeps so the next two are queued behind it.
        var ids = new[]
        {
            K.Send(Channel.Shell, "execute_request", Request("System.Threading.Thread.Sleep(1500); throw new Exception(\"first\");")),
            K.Send(Channel.Shell, "execute_request", Request("Console.WriteLine(\"second\");")),
            K.Send(Channel.Shell, "execute_request", Request("Console.WriteLine(\"third\");")),
        };
        Assert.Equal(new[] { "error", "aborted", "aborted" }, ids.Select(id => (string?)K.Receive(Channel.Shell, id).Content["status"]));

        var failing = K.Send(Channel.Shell, "execute_request", Request("System.Threading.Thread.Sleep(1500); throw new Exception(\"first\");", stop: false));
        var next = K.Send(Channel.Shell, "execute_request", Request("1 + 1"));
        Assert.Equal("error", (string?)K.Receive(Channel.Shell, failing).Content["status"]);
        Assert.Equal("ok", (string?)K.Receive(Channel.Shell, next).Content["status"]);
        K.DrainIopub();
    }

    [Fact]
    public void Display_and_update_carry_one_display_id()
    {
        var (reply, iopub) = K.Execute("var handle = display(\"one\");\nhandle.Update(\"two\");");
        Assert.Equal("ok", (string?)reply.Content["status"]);
        var shown = Assert.Single(iopub, m => m.MsgType == "display_data");
        var updated = Assert.Single(iopub, m => m.MsgType == "update_display_data");
        var id = (string?)shown.Content["transient"]!["display_id"];
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, (string?)updated.Content["transient"]!["display_id"]);
        Assert.Equal("one", (string?)shown.Content["data"]!["text/plain"]);
        Assert.Equal("two", (string?)updated.Content["data"]!["text/plain"]);
    }

    [Fact]
    public void Completion_sees_earlier_cells_and_counts_code_points()
    {
        K.Execute("var numbers = new List<int> { 1, 2 };");
        var id = K.Send(Channel.Shell, "complete_request", new JsonObject { ["code"] = "numbers.Ad", ["cursor_pos"] = 10 });
        var reply = K.Receive(Channel.Shell, id);
        K.IopubUntilIdle(id);
        var matches = reply.Content["matches"]!.AsArray().Select(m => (string?)m).ToList();
        Assert.Contains("Add", matches);
        Assert.Contains("AddRange", matches);
        Assert.DoesNotContain("Clear", matches);
        Assert.Equal((8, 10), ((int)reply.Content["cursor_start"]!, (int)reply.Content["cursor_end"]!));

        // "😀" is one code point (two UTF-16 units): positions count it once.
        var code = "var s = \"😀\"; s.Len";
        var cursor = code.EnumerateRunes().Count();
        var emoji = K.Receive(Channel.Shell, K.Send(Channel.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = cursor }));
        Assert.Contains("Length", emoji.Content["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Equal((cursor - 3, cursor), ((int)emoji.Content["cursor_start"]!, (int)emoji.Content["cursor_end"]!));
        K.DrainIopub();
    }

    [Fact]
    public void Inspect_gives_the_signature_and_the_summary_of_a_symbol()
    {
        K.Execute(TestNotebook.LoadLibraries);
        var id = K.Send(Channel.Shell, "inspect_request", new JsonObject { ["code"] = "Check.AtLeast(\"x\", 1, 0)", ["cursor_pos"] = 10, ["detail_level"] = 0 });
        var reply = K.Receive(Channel.Shell, id);
        K.IopubUntilIdle(id);
        Assert.True((bool)reply.Content["found"]!);
        var text = (string?)reply.Content["data"]!["text/plain"];
        Assert.Contains("CheckResult Check.AtLeast(string name, double value, double bound)", text);
        Assert.Contains("value ≥ bound", text); // the XML doc summary
    }

    [Fact]
    public void Is_complete_tells_an_open_block_from_a_complete_statement()
    {
        string Status(string code) => (string?)K.Receive(Channel.Shell, K.Send(Channel.Shell, "is_complete_request", new JsonObject { ["code"] = code })).Content["status"] ?? "";
        Assert.Equal("incomplete", Status("for (int i = 0; i < 3; i++)\n{"));
        Assert.Equal("complete", Status("var done = 1;"));
        K.DrainIopub();
    }

    [Fact]
    public void Console_ReadLine_asks_the_front_end_over_stdin()
    {
        var id = K.Send(Channel.Shell, "execute_request", new JsonObject
        {
            ["code"] = "var name = Console.ReadLine();\nConsole.WriteLine(\"hello \" + name);", ["silent"] = false, ["allow_stdin"] = true,
        });
        var request = K.Receive(Channel.Stdin, id);
        Assert.Equal("input_request", request.MsgType);
        Assert.Equal(id, (string?)request.ParentHeader["msg_id"]);
        K.Send(Channel.Stdin, "input_reply", new JsonObject { ["value"] = "Ada" });
        Assert.Equal("ok", (string?)K.Receive(Channel.Shell, id).Content["status"]);
        Assert.Contains(K.IopubUntilIdle(id), m => m.MsgType == "stream" && (string?)m.Content["text"] == "hello Ada\n");
    }

    [Fact]
    public void Heartbeat_echoes_what_it_gets()
    {
        var payload = "ping-42"u8.ToArray();
        Assert.Equal(payload, K.Ping(payload, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Interrupt_request_on_control_stops_a_runaway_cell_and_the_session_goes_on()
    {
        K.Execute("long spins = 0;");
        var id = K.Send(Channel.Shell, "execute_request", new JsonObject { ["code"] = "Console.WriteLine(\"go\");\nwhile (true) { spins++; }", ["silent"] = false });
        K.IopubUntil(id, m => m.MsgType == "stream"); // running, not compiling: the loop is what gets interrupted
        var interrupt = K.Send(Channel.Control, "interrupt_request", new JsonObject());
        Assert.Equal("interrupt_reply", K.Receive(Channel.Control, interrupt).MsgType);
        var reply = K.Receive(Channel.Shell, id, TimeSpan.FromSeconds(30));
        Assert.Equal("Interrupted", (string?)reply.Content["ename"]);
        Assert.EndsWith("line 2: interrupted", (string?)reply.Content["traceback"]![0]);
        K.IopubUntilIdle(id);
        var (after, iopub) = K.Execute("Console.WriteLine(spins > 0);");
        Assert.Equal("ok", (string?)after.Content["status"]);
        Assert.Contains(iopub, m => m.MsgType == "stream" && (string?)m.Content["text"] == "True\n");
    }

    [Fact]
    public void Badly_signed_and_replayed_messages_are_refused()
    {
        var wrong = K.Send(Channel.Shell, "kernel_info_request", new JsonObject(), new MessageSigner("wrong-key"));
        Assert.Throws<TimeoutException>(() => K.Receive(Channel.Shell, wrong, TimeSpan.FromSeconds(3)));
        var unsigned = K.Send(Channel.Shell, "kernel_info_request", new JsonObject(), new MessageSigner(""));
        Assert.Throws<TimeoutException>(() => K.Receive(Channel.Shell, unsigned, TimeSpan.FromSeconds(3)));
        lock (K.Log) Assert.Contains(K.Log, l => l.Contains("refused a message on shell: bad or replayed signature"));
        var (reply, _) = K.Execute("1");
        Assert.Equal("ok", (string?)reply.Content["status"]);
        K.DrainIopub();
    }
}
