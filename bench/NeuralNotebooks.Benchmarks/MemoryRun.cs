using System.Diagnostics;
using System.Globalization;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Benchmarks;

/// <summary>
/// MNIST run B of the lessons (curriculum item 14) in a fresh process, to measure its peak resident memory: load the
/// data, train 784-128-64-10 for 10 epochs at batch 32 with validation split 0.2, evaluate on the test set.
/// </summary>
internal static class MemoryRun
{
    public sealed record Result(double PeakMegabytes, double LoadSeconds, double TrainSeconds, double TestAccuracy, double DataMegabytes);

    /// <summary>Runs it in a child process (<c>--memory-run-b EPOCHS</c>) and returns what the child measured.</summary>
    public static Result InChild(int epochs)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this program's executable.");
        info.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") info.ArgumentList.Add(typeof(MemoryRun).Assembly.Location);
        info.ArgumentList.Add("--memory-run-b");
        info.ArgumentList.Add(epochs.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the memory run.");
        string? line = process.StandardOutput.ReadLine();
        process.WaitForExit();
        var v = (line ?? "").Split(' ').Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        if (process.ExitCode != 0 || v.Length != 5 || v.Any(double.IsNaN)) throw new InvalidOperationException($"The memory run failed: {line}");
        return new Result(v[0], v[1], v[2], v[3], v[4]);
    }

    /// <summary>The child's side; prints "peakMB loadSeconds trainSeconds testAccuracy dataMB".</summary>
    public static int RunChild(string[] args)
    {
        int epochs = int.Parse(args[1], CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var (train, test) = NeuralNotebooks.Datasets.Mnist.Load();
        double load = watch.Elapsed.TotalSeconds;
        var model = new Sequential(seed: 42) { new Input(784), new Dense(128, "relu"), new Dense(64, "relu"), new Dense(10, "softmax") };
        model.Compile(new Adam(), Loss.SparseCategoricalCrossEntropy, "accuracy");
        watch.Restart();
        model.Fit(train.Images, Matrix.Column(train.Labels), epochs: epochs, batchSize: 32, validationSplit: 0.2);
        double accuracy = model.Evaluate(test.Images, Matrix.Column(test.Labels)).Accuracy;
        double trainSeconds = watch.Elapsed.TotalSeconds;
        double data = (train.Images.Data.Length + test.Images.Data.Length) * 4.0 / 1048576;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Machine.PeakResidentMegabytes():F1} {load:F3} {trainSeconds:F3} {accuracy:F4} {data:F1}"));
        return 0;
    }
}
