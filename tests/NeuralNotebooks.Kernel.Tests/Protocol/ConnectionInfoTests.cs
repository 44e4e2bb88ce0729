using NeuralNotebooks.Kernel.Handlers;
using NeuralNotebooks.Kernel.Protocol;
using NeuralNotebooks.Kernel.Tests.Support;

namespace NeuralNotebooks.Kernel.Tests.Protocol;

public class ConnectionInfoTests
{
    private static string Write(string json)
    {
        var path = Path.Combine(Repo.NewFolder("connection"), "kernel.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_connection_file_as_jupyter_client_writes_it_is_read()
    {
        var info = ConnectionInfo.Read(Write("""
            {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "ip": "127.0.0.1",
             "key": "a-b", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": ".net-csharp"}
            """));
        Assert.Equal(("tcp://127.0.0.1:1", "tcp://127.0.0.1:5", "a-b"), (info.Address(info.ShellPort), info.Address(info.HeartbeatPort), info.Key));
    }

    [Theory]
    [InlineData("{ not json", "cannot read the connection file")]
    [InlineData("""{"transport": "ipc", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "transport \"ipc\" is not supported")]
    [InlineData("""{"key": "k", "signature_scheme": "hmac-md5", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "signature_scheme \"hmac-md5\"")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4}""", "hb_port must be a port number")]
    public void A_bad_connection_file_is_an_error_naming_it_and_the_problem(string json, string problem)
    {
        var path = Write(json);
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Read(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_missing_connection_file_is_an_error_naming_it()
    {
        var path = Path.Combine(Repo.NewFolder("connection"), "missing.json");
        Assert.Contains("missing.json: cannot read", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Read(path)).Message);
    }

    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("a😀b", 2, 3)]  // the emoji is one code point, two UTF-16 units
    [InlineData("😀😀x", 3, 5)]
    public void Cursor_positions_convert_between_code_points_and_UTF16(string text, int codePoints, int utf16)
    {
        Assert.Equal(utf16, EditorHandler.ToUtf16(text, codePoints));
        Assert.Equal(codePoints, EditorHandler.ToCodePoints(text, utf16));
    }
}
