using System.Text;
using NeuralNotebooks.Execution.Outputs;

namespace NeuralNotebooks.Execution.Hosting;

/// <summary>
/// Sends <see cref="Console.Out"/> and <see cref="Console.Error"/> to the outputs of the cell that writes, so that several
/// notebooks may run at once in one process; writes from anywhere else go to the original console. <c>Console.ReadLine()</c>
/// asks the cell's sink when it is an <see cref="ICellInput"/> (the kernel), else reads the process's standard input.
/// </summary>
/// <remarks>
/// <para>Installed once per process (<see cref="Install"/>); the running cell's sink is found through <see cref="RunContext.Current"/>.</para>
/// <para><b>One console lock.</b> <see cref="Console.SetOut"/> wraps a writer in a synchronized writer that locks itself,
/// and on Unix every write to the real console stream locks <see cref="Console.Out"/> too (to keep terminal control
/// sequences whole). With the router installed, that is the routing writer's lock. So every console write of the
/// process takes that one lock <em>first</em> (<see cref="ConsoleLock"/>): cells' writes (they hold it already, through
/// Console.Out), writes that fall back to the original console, and the host's own messages through
/// <see cref="OriginalOut"/>/<see cref="OriginalError"/>. Had the host printed through the original writer directly,
/// it would hold that writer's lock and then wait for Console.Out's, while a background thread of a cell held
/// Console.Out's and waited for the original writer's: a deadlock at 0% CPU. Sinks are called under the console lock, so
/// a sink must never wait for a thread that writes to the console.</para>
/// </remarks>
public static class ConsoleRouter
{
    private static readonly object Gate = new();
    private static TextWriter? _originalOut;
    private static TextWriter? _originalError;
    private static object? _consoleLock;

    /// <summary>The console's standard output as it was before the router was installed (writes take <see cref="ConsoleLock"/>).</summary>
    public static TextWriter OriginalOut => _originalOut ?? Console.Out;

    /// <summary>The console's standard error as it was before the router was installed (writes take <see cref="ConsoleLock"/>).</summary>
    public static TextWriter OriginalError => _originalError ?? Console.Error;

    /// <summary>The lock every console write of the process takes first: the synchronized <see cref="Console.Out"/> (see remarks).</summary>
    public static object ConsoleLock => _consoleLock ?? Console.Out;

    /// <summary>Replaces Console.Out and Console.Error with routing writers (idempotent).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_originalOut is not null) return;
            var consoleOut = Console.Out;
            var consoleError = Console.Error;
            Console.SetOut(new RoutingWriter("stdout", consoleOut, null));
            var consoleLock = Console.Out; // the synchronized wrapper Console made: what Console.Out writers lock
            Console.SetError(new RoutingWriter("stderr", consoleError, consoleLock));
            Console.SetIn(new RoutingReader(Console.In));
            _consoleLock = consoleLock;
            _originalOut = new LockedWriter(consoleOut, consoleLock);
            _originalError = new LockedWriter(consoleError, consoleLock);
        }
    }

    /// <summary>A writer whose every call takes <paramref name="consoleLock"/> before writing to <paramref name="inner"/>.</summary>
    internal sealed class LockedWriter(TextWriter inner, object consoleLock) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => inner.NewLine; set { lock (consoleLock) inner.NewLine = value; } }

        public override void Write(char value) { lock (consoleLock) inner.Write(value); }

        public override void Write(char[] buffer, int index, int count) { lock (consoleLock) inner.Write(buffer, index, count); }

        public override void Write(string? value) { lock (consoleLock) inner.Write(value); }

        public override void WriteLine() { lock (consoleLock) inner.WriteLine(); }

        public override void WriteLine(string? value) { lock (consoleLock) inner.WriteLine(value); }

        public override void Flush() { lock (consoleLock) inner.Flush(); }
    }

    /// <param name="stream">"stdout" or "stderr".</param>
    /// <param name="fallback">The original console writer, for writes outside a running cell.</param>
    /// <param name="consoleLock">Taken before writing to <paramref name="fallback"/>; null for Console.Out's own router, whose callers hold it already.</param>
    private sealed class RoutingWriter(string stream, TextWriter fallback, object? consoleLock) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        private static ICellOutputSink? Target => RunContext.CurrentSink;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null) return;
            if (Target is { } sink) sink.Stream(stream, value);
            else if (consoleLock is null) fallback.Write(value);
            else lock (consoleLock) fallback.Write(value);
        }

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (Target is not null) return;
            if (consoleLock is null) fallback.Flush();
            else lock (consoleLock) fallback.Flush();
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
