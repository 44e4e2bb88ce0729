using System.Diagnostics;
using System.Reflection;

namespace NeuralNotebooks.Benchmarks;

/// <summary>How an assembly was compiled: its configuration and whether the JIT optimises it.</summary>
internal sealed record BuildInfo(string Name, string Configuration, bool Optimized)
{
    /// <summary>The kit's assemblies the benchmark times (the core and the TorchSharp twins).</summary>
    public static IReadOnlyList<BuildInfo> Kit() => new[]
    {
        Of(typeof(NeuralNotebooks.Tensors.Matrix).Assembly),
        Of(typeof(NeuralNotebooks.Torch.TorchSupport).Assembly),
    };

    public static BuildInfo Of(Assembly assembly) => new(
        assembly.GetName().Name ?? "?",
        assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?",
        assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true);

    public override string ToString() => $"{Name} {Configuration} ({(Optimized ? "optimised" : "NOT optimised")})";
}

/// <summary>The machine's state, for the report.</summary>
internal static class Machine
{
    public static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    public static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "cpu n/a" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { return "cpu n/a"; }
        catch (UnauthorizedAccessException) { return "cpu n/a"; }
    }

    /// <summary>The process's peak resident memory (Linux VmHWM) in MB, or the peak working set elsewhere.</summary>
    public static double PeakResidentMegabytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null) return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    }
}

/// <summary>One epoch's wall-clock seconds and the CPU seconds its process used meanwhile (all threads). On a busy
/// machine the wall time grows with the load; the CPU time of a single-threaded run hardly does.</summary>
internal readonly record struct Timing(double Wall, double Cpu)
{
    /// <summary>Times <paramref name="work"/>.</summary>
    public static Timing Of(Action work)
    {
        double cpu = ProcessCpuSeconds();
        var watch = Stopwatch.StartNew();
        work();
        watch.Stop();
        return new Timing(watch.Elapsed.TotalSeconds, ProcessCpuSeconds() - cpu);
    }

    /// <summary>CPU seconds this process has used: clock_gettime(CLOCK_PROCESS_CPUTIME_ID) on Linux (nanoseconds;
    /// /proc counts in 10 ms ticks), the runtime's figure elsewhere.</summary>
    public static double ProcessCpuSeconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(2, out var t) == 0) return t.Seconds + t.Nanoseconds * 1e-9;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

internal static class Stats
{
    public static double Min(IEnumerable<double> v) => v.Min();
    public static double Max(IEnumerable<double> v) => v.Max();

    public static double Median(IEnumerable<double> values)
    {
        var s = values.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>"min / median" with 3 decimals.</summary>
    public static string MinMedian(IReadOnlyCollection<double> v) => v.Count == 0 ? "–" : $"{Min(v):F3} / {Median(v):F3}";
}
