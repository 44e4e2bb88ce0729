// The from-scratch engine against libtorch, as the lessons use them, with the ratios the project aims for.
//
//   dotnet run -c Release --project bench/NeuralNotebooks.Benchmarks -- [--repeats R] [--quick] [--allow-unoptimized]
//
// 1. Peak: one 1024³ product (our kernel and torch.matmul) — the hardware bound used below.
// 2. MNIST epochs (784-128-64-10, Adam, accuracy, validation split 0.2 of the 60 000 training images) at batch 32 and
//    256: the scratch model through the public Fit exactly as the lessons call it, and libtorch in this process and in
//    a process of its own, with 1 and 2 threads (and 2 threads with OpenMP's passive wait); all interleaved epoch by
//    epoch, so every engine sees the same load.
//    Reports scratch ÷ the best libtorch configuration, and each epoch against its FLOP count at the peak.
// 3. Where the scratch epoch's time goes (each kind of work timed alone on one thread, in CPU seconds), and the products' own GFLOP/s.
// 4. Peak memory of MNIST run B (load + train 10 epochs + evaluate) in a fresh process.
// The build configuration is printed, and an unoptimised kit is refused (users run Debug: it must be optimised).

using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Benchmarks;
using NeuralNotebooks.Kernels;
using NeuralNotebooks.Torch;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--torch-child", ..]) return TorchProcess.RunChild(args);
if (args is ["--memory-run-b", ..]) return MemoryRun.RunChild(args);
var options = Options.Parse(args, Console.Error);
if (options is null) return 2;
var started = Stopwatch.StartNew();

Console.WriteLine($"# NeuralNotebooks benchmark — {DateTime.Now:yyyy-MM-dd HH:mm}");
var kit = BuildInfo.Kit();
Console.WriteLine($"build: {string.Join(", ", kit)}; benchmark program {BuildInfo.Of(typeof(Options).Assembly).Configuration}");
if (kit.Any(b => !b.Optimized))
{
    Console.WriteLine("WARNING: the kit is compiled without optimisation, so these numbers are not what users get " +
                      "(src/Directory.Build.props sets Optimize=true for every configuration).");
    if (!options.AllowUnoptimized)
    {
        Console.Error.WriteLine("Refusing to measure an unoptimised kit; pass --allow-unoptimized to measure it anyway.");
        return 3;
    }
}
Console.WriteLine($"machine: {Machine.Cpu()}, {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()} at the start; " +
                  $".NET {Environment.Version}; scratch kernel {FastKernel.Instance}");
bool torch = TorchSupport.IsAvailable;
Console.WriteLine(torch
    ? $"libtorch {TorchSupport.LibTorchVersion} (TorchSharp-cpu), threads set per configuration"
    : $"libtorch unavailable, only the scratch engine is measured: {TorchSupport.UnavailableReason?.Split('\n')[0]}");
var (x, y) = MnistRun.Load(options.Samples);
int trainRows = MnistRun.TrainingRows(x.Rows);
Console.WriteLine($"data: the first {x.Rows:N0} MNIST training images; validation split 0.2 → {trainRows:N0} trained + " +
                  $"{x.Rows - trainRows:N0} validated per epoch; 1 warm-up + {options.Repeats} timed epochs per engine, interleaved");
Console.WriteLine();

// 1. Peak.
Console.WriteLine("## Peak: one 1024×1024×1024 product");
double peak;
using (var p = new ProductTimer(ProductShape.Peak, FastKernel.Instance, torch))
{
    var ours = new List<double>();
    var theirs = new List<double>();
    p.Rate(p.Ours, 0.1);
    if (torch) p.Rate(p.Torch, 0.1);
    for (int r = 0; r < Math.Max(3, options.Repeats); r++)
    {
        ours.Add(p.Rate(p.Ours, options.ProductSeconds));
        if (torch) theirs.Add(p.Rate(p.Torch, options.ProductSeconds));
    }
    peak = Stats.Max(ours);
    Console.WriteLine($"scratch ({FastKernel.Instance}): {peak:F0} GFLOP/s best, {Stats.Median(ours):F0} median" +
                      (torch ? $"; torch.matmul ({TorchSupport.Threads} threads): {Stats.Max(theirs):F0} best, {Stats.Median(theirs):F0} median" : ""));
}
// The same product on one thread, per CPU-second: a bound that time slices lost to other processes do not move
// (on a busy machine the wall-clock peak above drops with the load, and so does the wall bound derived from it).
double cpuPeak;
using (var p = new ProductTimer(ProductShape.Peak, new FastKernel(threads: 1), withTorch: false))
{
    p.CpuRate(p.Ours, 0.1);
    cpuPeak = Enumerable.Range(0, 3).Max(_ => p.CpuRate(p.Ours, options.ProductSeconds));
}
Console.WriteLine($"scratch on 1 thread: {cpuPeak:F0} GFLOP per CPU-second (best of 3)");
double flops = MnistRun.EpochFlops(x.Rows);
double bound = flops / (peak * 1e9), cpuBound = flops / (cpuPeak * 1e9);
Console.WriteLine($"one epoch = {flops / 1e9:F1} GFLOP of products → {bound:F3} s at the scratch peak (the wall bound below), " +
                  $"{cpuBound:F3} CPU-s at the one-thread peak (the CPU bound below)");
Console.WriteLine();

// 2. Epochs.
int[] batches = { 32, 256 };
int defaultThreads = Kernel.Threads;
var results = new Dictionary<(string Engine, int Batch), List<Timing>>();
var allocated = new Dictionary<int, long>();
var engines = new List<string>();
string Threads(int n) => $"{n} thread{(n == 1 ? "" : "s")}";
foreach (int batch in batches)
{
    var scratch = new ScratchFit(x, y, batch);
    var runs = new List<(string Name, Func<Timing> Epoch)> { ($"scratch Fit, {Threads(defaultThreads)}", () => scratch.Epoch()) };
    if (defaultThreads != 1) runs.Add(("scratch Fit, 1 thread", () => scratch.Epoch(threads: 1)));
    var disposables = new List<IDisposable>();
    if (torch)
    {
        var inProcess = new TorchTrainer(x, y, batch);
        disposables.Add(inProcess);
        foreach (int threads in new[] { 1, 2 })
            runs.Add(($"libtorch in this process, {Threads(threads)}", () =>
            {
                TorchSupport.SetThreads(threads);
                return inProcess.Epoch();
            }));
        foreach (var (threads, passive) in new[] { (1, false), (2, false), (2, true) })
        {
            var child = TorchProcess.Start(threads, batch, x.Rows, passive);
            disposables.Add(child);
            runs.Add(($"libtorch in its own process, {Threads(threads)}{(passive ? ", OMP_WAIT_POLICY=PASSIVE" : "")}", child.Epoch));
        }
    }
    foreach (var run in runs)
    {
        run.Epoch(); // warm-up: JIT, buffers, optimizer state, libtorch's thread pool
        if (!engines.Contains(run.Name)) engines.Add(run.Name);
        results[(run.Name, batch)] = new List<Timing>();
    }
    for (int r = 0; r < options.Repeats; r++)
        foreach (var run in runs) results[(run.Name, batch)].Add(run.Epoch());
    scratch.Epoch();
    allocated[batch] = scratch.LastAllocatedBytes;
    foreach (var d in disposables) d.Dispose();
}
double Median(string engine, int batch) => Stats.Median(results[(engine, batch)].Select(t => t.Wall));
double Min(string engine, int batch) => Stats.Min(results[(engine, batch)].Select(t => t.Wall));
double CpuMedian(string engine, int batch) => Stats.Median(results[(engine, batch)].Select(t => t.Cpu));

Console.WriteLine("## MNIST epochs: wall s/epoch min / median (CPU s/epoch of the process, median)");
Console.WriteLine($"| engine | {string.Join(" | ", batches.Select(b => $"batch {b}"))} |");
Console.WriteLine($"|---|{string.Concat(batches.Select(_ => "---|"))}");
foreach (var engine in engines)
    Console.WriteLine($"| {engine} | {string.Join(" | ", batches.Select(b => $"{Min(engine, b):F3} / {Median(engine, b):F3} ({CpuMedian(engine, b):F2})"))} |");
string scratchName = engines[0];
var goals = new Dictionary<int, (double Torch, double Bound)> { [32] = (0.5, 3.0), [256] = (0.6, 1.5) };
var verdicts = new List<string>();
if (torch)
{
    var best = batches.ToDictionary(b => b, b => engines.Where(e => e.StartsWith("libtorch", StringComparison.Ordinal)).OrderBy(e => Median(e, b)).First());
    Console.WriteLine($"| best libtorch (by median) | {string.Join(" | ", batches.Select(b => best[b].Replace("libtorch ", "")))} |");
    Console.WriteLine($"| **scratch ÷ best libtorch** (median; min ÷ min) | {string.Join(" | ", batches.Select(b =>
    {
        double ratio = Median(scratchName, b) / Median(best[b], b);
        verdicts.Add($"batch {b}: scratch ÷ best libtorch = {ratio:F2} (goal ≤ {goals[b].Torch}) {(ratio <= goals[b].Torch ? "✓" : "✗")}");
        return $"**{ratio:F2}**; {Min(scratchName, b) / Min(best[b], b):F2} (goal ≤ {goals[b].Torch})";
    }))} |");
    string torchOneThread = "libtorch in its own process, 1 thread";
    if (defaultThreads != 1)
        Console.WriteLine($"| scratch ÷ libtorch, both 1 thread, by CPU s (load-independent) | {string.Join(" | ", batches.Select(b =>
            $"{CpuMedian("scratch Fit, 1 thread", b) / CpuMedian(torchOneThread, b):F2}"))} |");
}
Console.WriteLine($"| **scratch ÷ FLOP bound** ({bound:F3} s; median; min) | {string.Join(" | ", batches.Select(b =>
{
    double ratio = Median(scratchName, b) / bound;
    verdicts.Add($"batch {b}: scratch ÷ FLOP bound = {ratio:F2} (goal ≤ {goals[b].Bound}) {(ratio <= goals[b].Bound ? "✓" : "✗")}");
    return $"**{ratio:F2}**; {Min(scratchName, b) / bound:F2} (goal ≤ {goals[b].Bound})";
}))} |");
if (defaultThreads != 1)
    Console.WriteLine($"| scratch Fit on 1 thread, CPU s ÷ CPU bound ({cpuBound:F3} CPU-s; median; load-independent) | {string.Join(" | ", batches.Select(b =>
    {
        double ratio = CpuMedian("scratch Fit, 1 thread", b) / cpuBound;
        verdicts.Add($"batch {b}: scratch on 1 thread, CPU s ÷ CPU bound = {ratio:F2} (same goal, ≤ {goals[b].Bound}) {(ratio <= goals[b].Bound ? "✓" : "✗")}");
        return $"**{ratio:F2}**";
    }))} |");
Console.WriteLine($"| scratch bytes allocated by one Fit of 1 epoch | {string.Join(" | ", batches.Select(b => $"{allocated[b]:N0}"))} |");
Console.WriteLine();
foreach (var line in verdicts) Console.WriteLine(line);
Console.WriteLine();

// 3. Where the time goes.
string oneThreadName = defaultThreads != 1 ? "scratch Fit, 1 thread" : scratchName;
foreach (int batch in batches)
{
    double epoch = CpuMedian(oneThreadName, batch);
    Console.WriteLine($"## Where a scratch epoch goes, batch {batch} (Fit on 1 thread: median {epoch:F3} CPU-s; each part timed alone on 1 thread, CPU s)");
    Console.WriteLine("| part | CPU s/epoch | share | |");
    Console.WriteLine("|---|---|---|---|");
    var parts = EpochBreakdown.Measure(x, y, batch);
    foreach (var part in parts) Console.WriteLine($"| {part.Name} | {part.Seconds:F3} | {part.Seconds / epoch:P0} | {part.Detail} |");
    double rest = epoch - parts.Sum(p => p.Seconds);
    Console.WriteLine($"| the rest | {rest:F3} | {rest / epoch:P0} | metrics, Fit's bookkeeping, calls and cache misses between the parts |");
    Console.WriteLine();
}
// libtorch on one thread here: this process's OpenMP threads spin (no passive wait policy in-process), and on a busy
// machine 2 spinning threads make small products 10-100x slower than 1 (the epochs above show the same).
if (torch) TorchSupport.SetThreads(1);
Console.WriteLine($"## The products of one training step, GFLOP/s (best of 3; scratch {FastKernel.Instance}, torch.matmul 1 thread)");
Console.WriteLine("| product (m×k×n) | scratch | torch.matmul | scratch ÷ torch |");
Console.WriteLine("|---|---|---|---|");
foreach (var shape in batches.SelectMany(ProductShape.TrainingStep).Where(s => s.M * (long)s.K * s.N >= 100_000))
{
    using var p = new ProductTimer(shape, FastKernel.Instance, torch);
    p.Rate(p.Ours, 0.02);
    double ours = Enumerable.Range(0, 3).Max(_ => p.Rate(p.Ours, options.ProductSeconds / 3));
    double theirs = double.NaN;
    if (torch)
    {
        p.Rate(p.Torch, 0.02);
        theirs = Enumerable.Range(0, 3).Max(_ => p.Rate(p.Torch, options.ProductSeconds / 3));
    }
    Console.WriteLine($"| {shape.Label} | {ours:F0} | {(torch ? theirs.ToString("F0") : "–")} | {(torch ? (ours / theirs).ToString("F2") : "–")} |");
}
Console.WriteLine();

// 4. Memory.
int memoryEpochs = options.Quick ? 1 : 10;
var memory = MemoryRun.InChild(memoryEpochs);
Console.WriteLine($"## MNIST run B in a fresh process (load, {memoryEpochs} epoch{(memoryEpochs == 1 ? "" : "s")} at batch 32 with validation split 0.2, evaluate)");
Console.WriteLine($"peak resident memory {memory.PeakMegabytes:F0} MB (the images as floats: {memory.DataMegabytes:F0} MB); " +
                  $"load {memory.LoadSeconds:F1} s, train + evaluate {memory.TrainSeconds:F1} s, test accuracy {memory.TestAccuracy:F4}");
Console.WriteLine();
Console.WriteLine($"load average at the end: {Machine.LoadAverage()}; the benchmark took {started.Elapsed.TotalSeconds:F0} s");
return 0;
