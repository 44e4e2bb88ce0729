using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Torch;

namespace NeuralNotebooks.Benchmarks;

/// <summary>
/// libtorch in a process of its own: a copy of this program started with <c>--torch-child THREADS BATCH SAMPLES</c>,
/// which loads the same data, then trains one epoch per "epoch" line on its standard input and answers with the
/// epoch's wall-clock and CPU seconds. The parent asks for epochs in turn with everything else, so all engines see the same machine load.
/// </summary>
internal sealed class TorchProcess : IDisposable
{
    private readonly Process _process;

    private TorchProcess(Process process) => _process = process;

    public int Threads { get; private init; }

    /// <summary>Starts the child and waits until it has loaded the data and built the model.</summary>
    /// <param name="passiveWait">Sets OMP_WAIT_POLICY=PASSIVE: libtorch's OpenMP threads sleep between operations
    /// instead of spinning (slower on an idle machine, much faster on a busy one).</param>
    public static TorchProcess Start(int threads, int batch, int samples, bool passiveWait = false)
    {
        var info = new ProcessStartInfo { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (passiveWait) info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this program's executable.");
        info.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(TorchProcess).Assembly.Location);
        foreach (var a in new[] { "--torch-child", threads.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture), samples.ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the libtorch child process.");
        var child = new TorchProcess(process) { Threads = threads };
        string? ready = process.StandardOutput.ReadLine();
        if (ready != "ready") throw new InvalidOperationException($"The libtorch child process failed to start: {ready}");
        return child;
    }

    /// <summary>One epoch in the child, timed by the child.</summary>
    public Timing Epoch()
    {
        _process.StandardInput.WriteLine("epoch");
        _process.StandardInput.Flush();
        string? line = _process.StandardOutput.ReadLine();
        var parts = (line ?? "").Split(' ');
        return parts.Length == 2
               && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double wall)
               && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double cpu)
            ? new Timing(wall, cpu)
            : throw new InvalidOperationException($"The libtorch child process answered '{line}'.");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.WriteLine("quit");
            _process.StandardInput.Flush();
            if (!_process.WaitForExit(10_000)) _process.Kill();
        }
        catch (IOException) { }
        _process.Dispose();
    }

    /// <summary>The child's side: <c>--torch-child THREADS BATCH SAMPLES</c>.</summary>
    public static int RunChild(string[] args)
    {
        int threads = int.Parse(args[1], CultureInfo.InvariantCulture), batch = int.Parse(args[2], CultureInfo.InvariantCulture);
        int samples = int.Parse(args[3], CultureInfo.InvariantCulture);
        if (!TorchSupport.IsAvailable)
        {
            Console.WriteLine($"libtorch unavailable: {TorchSupport.UnavailableReason?.Split('\n')[0]}");
            return 1;
        }
        TorchSupport.SetThreads(threads);
        TorchSupport.ManualSeed(42);
        var (x, y) = MnistRun.Load(samples);
        using var trainer = new TorchTrainer(x, y, batch);
        Console.WriteLine("ready");
        while (Console.ReadLine() is { } command && command == "epoch")
        {
            var t = trainer.Epoch();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Wall:R} {t.Cpu:R}"));
        }
        return 0;
    }
}
