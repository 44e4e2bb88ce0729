using System.Text;
using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Hosting;

/// <summary>
/// Sends <see cref="Console.Out"/> and <see cref="Console.Error"/> to the outputs of the cell that writes, so that several
/// notebooks may run at once in one process; writes from anywhere else go to the original console. <c>Console.ReadLine()</c>
/// asks the cell's sink when it is an <see cref="ICellInput"/> (the kernel), else reads the process's standard input.
/// </summary>
/// <remarks>Installed once per process (<see cref="Install"/>); the running cell's sink is found through <see cref="RunContext.Current"/>.</remarks>
public static class ConsoleRouter
{
    private static readonly object Gate = new();
    private static TextWriter? _originalOut;
    private static TextWriter? _originalError;

    /// <summary>The console's standard output as it was before the router was installed.</summary>
    public static TextWriter OriginalOut => _originalOut ?? Console.Out;

    /// <summary>The console's standard error as it was before the router was installed.</summary>
    public static TextWriter OriginalError => _originalError ?? Console.Error;

    /// <summary>Replaces Console.Out and Console.Error with routing writers (idempotent).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_originalOut is not null) return;
            _originalOut = Console.Out;
            _originalError = Console.Error;
            Console.SetOut(new RoutingWriter("stdout", _originalOut));
            Console.SetError(new RoutingWriter("stderr", _originalError));
            Console.SetIn(new RoutingReader(Console.In));
        }
    }

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        private static ICellOutputSink? Target => RunContext.CurrentSink;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null) return;
            if (Target is { } sink) sink.Stream(stream, value);
            else fallback.Write(value);
        }

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (Target is null) fallback.Flush();
        }
    }

    private sealed class RoutingReader(TextReader fallback) : TextReader
    {
        private static ICellInput? Source => RunContext.CurrentSink as ICellInput;

        public override string? ReadLine() => Source is { } input ? input.ReadLine("", password: false) : fallback.ReadLine();

        public override int Peek() => Source is null ? fallback.Peek() : -1;

        public override int Read() => Source is null ? fallback.Read() : -1;
    }
}
