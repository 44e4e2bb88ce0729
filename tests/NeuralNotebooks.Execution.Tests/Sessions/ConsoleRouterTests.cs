using System.Text;
using NeuralNotebooks.Execution.Hosting;

namespace NeuralNotebooks.Execution.Tests.Sessions;

/// <summary>The router's one lock order: the console lock first, then the original console writer.</summary>
public class ConsoleRouterTests
{
    /// <summary>A console stream stand-in that, as .NET's Unix console stream does, locks the console while it writes.</summary>
    private sealed class LockingConsole(object consoleLock) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public int Writes;

        public override void Write(char value)
        {
            lock (consoleLock) Writes++;
        }
    }

    [Fact]
    public async Task The_hosts_writer_and_a_background_threads_writer_never_deadlock()
    {
        var consoleLock = new object();            // what Console.Out's synchronized router locks
        var original = new LockingConsole(consoleLock);
        var synchronizedOriginal = TextWriter.Synchronized(original); // the original Console.Out: locks itself, then the console
        var host = new ConsoleRouter.LockedWriter(synchronizedOriginal, consoleLock);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        // A cell's background thread: holds the console lock (it writes through Console.Out), then the original writer.
        var background = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                lock (consoleLock) synchronizedOriginal.Write("background\n");
        });
        // The host's progress lines through ConsoleRouter.OriginalOut.
        var progress = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) host.WriteLine("cell 1/1 ok");
        });
        var both = Task.WhenAll(background, progress);
        Assert.True(await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(30))) == both, "the two writers deadlocked");
        Assert.True(original.Writes > 0);
    }

    [Fact]
    public void After_install_the_hosts_writers_take_the_console_lock()
    {
        ConsoleRouter.Install();
        Assert.Same(Console.Out, ConsoleRouter.ConsoleLock);
        Assert.IsType<ConsoleRouter.LockedWriter>(ConsoleRouter.OriginalOut);
        Assert.IsType<ConsoleRouter.LockedWriter>(ConsoleRouter.OriginalError);
    }
}
