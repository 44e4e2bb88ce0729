// Side-by-side timing of the from-scratch engine (NeuralNotebooks, FastKernel) and libtorch (TorchSharp-cpu 0.107.0),
// in one process, on the same data, with the same thread count.
//
//   dotnet run -c Release --project bench/NeuralNotebooks.Benchmarks -- [--threads N] [--repeats R] [--samples S] [--quick]
//
// Prints seconds per epoch (min and median over R timed epochs after one warm-up epoch) for the MNIST network
// 784-128-64-10 (relu, relu, softmax + sparse categorical cross-entropy) trained with Adam at batch 32 and 256,
// and the GFLOP/s of a single matrix product against torch.matmul.

using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Benchmarks;
using NeuralNotebooks.Kernels;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
if (options is null) return 1;

Kernel.Threads = options.Threads;
TorchSharp.torch.set_num_threads(options.Threads);
TorchSharp.torch.manual_seed(42);

Console.WriteLine($"# NeuralNotebooks vs libtorch — {DateTime.Now:yyyy-MM-dd HH:mm}");
Console.WriteLine($"kernel: {Kernel.Current}, torch {TorchSharp.torch.__version__} with {TorchSharp.torch.get_num_threads()} threads, " +
                  $".NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"data: {options.Samples} synthetic MNIST-shaped samples (784 pixels in [0,1), 10 classes), " +
                  $"1 warm-up epoch + {options.Repeats} timed epochs per engine, interleaved");
Console.WriteLine();

var data = SyntheticMnist.Create(options.Samples, seed: 7);

Console.WriteLine("| network 784-128-64-10, Adam | scratch s/epoch (min / median) | torch s/epoch (min / median) | scratch ÷ torch (min / median) |");
Console.WriteLine("|---|---|---|---|");
foreach (int batch in new[] { 32, 256 })
{
    var scratch = new ScratchTrainer(data, batch);
    using var torchTrainer = new TorchTrainer(data, batch);
    scratch.Epoch();          // warm-up (JIT, buffers, optimizer state)
    torchTrainer.Epoch();
    var s = new List<double>();
    var t = new List<double>();
    for (int r = 0; r < options.Repeats; r++)
    {
        s.Add(scratch.Epoch());
        t.Add(torchTrainer.Epoch());
    }
    Console.WriteLine($"| batch {batch} | {Stats.Min(s):F3} / {Stats.Median(s):F3} | {Stats.Min(t):F3} / {Stats.Median(t):F3} | " +
                      $"{Stats.Min(s) / Stats.Min(t):F2} / {Stats.Median(s) / Stats.Median(t):F2} |");
    Console.Out.Flush();
}
Console.WriteLine();

Console.WriteLine("| product (m×k×n) | scratch GFLOP/s (best / median) | torch GFLOP/s (best / median) | scratch ÷ torch (best) |");
Console.WriteLine("|---|---|---|---|");
foreach (var shape in MatMulBench.Shapes(options.Quick))
{
    var (ours, torch) = MatMulBench.Measure(shape, options.Quick ? 0.05 : 0.4, options.Quick ? 2 : options.Repeats);
    Console.WriteLine($"| {shape.Label} | {Stats.Max(ours):F1} / {Stats.Median(ours):F1} | {Stats.Max(torch):F1} / {Stats.Median(torch):F1} | " +
                      $"{Stats.Max(ours) / Stats.Max(torch):F2} |");
}
Console.WriteLine();
Console.WriteLine($"load average at the end: {LoadAverage()}");
return 0;

static string LoadAverage()
{
    try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
    catch (IOException) { return "n/a"; }
    catch (UnauthorizedAccessException) { return "n/a"; }
}
