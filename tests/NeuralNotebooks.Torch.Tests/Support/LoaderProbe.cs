using System.Diagnostics;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;
using NeuralNotebooks.Torch.NativeLoading;
using NeuralNotebooks.Torch.Training;

namespace NeuralNotebooks.Torch.Tests.Support;

/// <summary>
/// The child program of the native-loading tests: this test assembly started as its own process
/// (<c>dotnet NeuralNotebooks.Torch.Tests.dll --loader-probe</c>), because a failed native load cannot be retried in a
/// process. It uses the kit as a user does — a <see cref="TorchSequential"/> twin, one training step on XOR, no setup
/// call — and prints what happened, one fact a line.
/// </summary>
public static class LoaderProbe
{
    private const string Argument = "--loader-probe";

    /// <summary>Runs the probe (or refuses other arguments: the tests themselves run under <c>dotnet test</c>).</summary>
    public static int Main(string[] args)
    {
        if (args is not [Argument])
        {
            Console.Error.WriteLine($"This is a test assembly: run it with `dotnet test`, or with {Argument} as the loader probe.");
            return 64;
        }
        try
        {
            var scratch = new Sequential(seed: 1) { new Input(2), new Dense(4, "tanh"), new Dense(1, "sigmoid") };
            var (x, y) = TestData.Xor();
            using var twin = new TorchSequential(scratch);
            twin.Compile(new Sgd(learningRate: 0.5), Loss.MeanSquaredError);
            double before = twin.TrainOnBatch(x, y);
            double after = twin.Evaluate(x, y).Loss;
            Console.WriteLine($"trained: loss {before:R} -> {after:R}");
        }
        catch (Exception e)
        {
            Console.WriteLine($"failed: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
        var loader = TorchNativeLoader.EnsureLoaded();
        Console.WriteLine($"loader: {loader.Action}");
        Console.WriteLine($"shim: {loader.ShimPath}");
        Console.WriteLine($"message: {loader.Message}");
        return 0;
    }

    /// <summary>What one probe process printed.</summary>
    public sealed record Outcome(string Output, bool Trained, double LossBefore, double LossAfter, string Action, string Shim);

    /// <summary>Starts the probe with the kit's loader on or off and its cache in <paramref name="cacheHome"/> (XDG_CACHE_HOME).</summary>
    public static Outcome Run(bool loader, string cacheHome)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(LoaderProbe).Assembly.Location);
        start.ArgumentList.Add(Argument);
        start.Environment["XDG_CACHE_HOME"] = cacheHome;
        // An empty package folder: the probe must load from the program's own native folder, and TorchSharp's fallback
        // (copying all of libtorch next to TorchSharp.dll when its first load fails) finds nothing to copy.
        start.Environment["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(cacheHome, "no-packages")).FullName;
        start.Environment[TorchNativeLoader.SwitchVariable] = loader ? "on" : "off";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The loader probe did not finish in 5 minutes. Output so far:\n{stdout}");
        }
        string output = stdout + stderr.Result;
        Assert.True(process.ExitCode == 0, $"The loader probe exited with {process.ExitCode}:\n{output}");
        string Line(string key) => stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(key + ": ", StringComparison.Ordinal))?[(key.Length + 2)..] ?? "";
        var losses = Line("trained").Replace("loss ", "").Split(" -> ");
        bool trained = losses.Length == 2;
        return new Outcome(output, trained, trained ? double.Parse(losses[0]) : double.NaN, trained ? double.Parse(losses[1]) : double.NaN,
                           Line("loader"), Line("shim"));
    }
}
