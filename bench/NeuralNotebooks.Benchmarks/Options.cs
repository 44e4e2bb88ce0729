namespace NeuralNotebooks.Benchmarks;

/// <summary>What the benchmark was asked to do (see <see cref="Usage"/>).</summary>
internal sealed record Options
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/NeuralNotebooks.Benchmarks -- [--repeats R] [--samples N] [--quick] [--allow-unoptimized]\n" +
        "  --repeats R          timed epochs per engine and batch size, after one warm-up epoch (default 5)\n" +
        "  --samples N          train on the first N MNIST images, 1 000 ≤ N ≤ 60 000 (default 60 000: the lessons' epoch)\n" +
        "  --quick              a smoke run: 6 000 samples, 1 timed epoch, short product timings, 1-epoch memory run\n" +
        "  --allow-unoptimized  measure even when the kit's assemblies were compiled without optimisation";

    /// <summary>Timed epochs per engine and batch size.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>A smoke run on a fraction of the data.</summary>
    public bool Quick { get; init; }

    /// <summary>Measure an unoptimised build anyway (the numbers are then labelled as such).</summary>
    public bool AllowUnoptimized { get; init; }

    /// <summary>MNIST training images used (the validation split takes the last fifth of them).</summary>
    public int Samples { get; init; } = 60_000;

    /// <summary>Seconds per product timing window.</summary>
    public double ProductSeconds => Quick ? 0.05 : 0.3;

    /// <summary>Parses the command line; null (after printing why) when it is wrong.</summary>
    public static Options? Parse(string[] args, TextWriter error)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeats" when i + 1 < args.Length && int.TryParse(args[i + 1], out int r) && r > 0:
                    options = options with { Repeats = r };
                    i++;
                    break;
                case "--samples" when i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n is >= 1_000 and <= 60_000:
                    options = options with { Samples = n };
                    i++;
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--allow-unoptimized":
                    options = options with { AllowUnoptimized = true };
                    break;
                default:
                    error.WriteLine($"Unknown or invalid argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return null;
            }
        }
        return options.Quick ? options with { Repeats = 1, Samples = Math.Min(options.Samples, 6_000) } : options;
    }
}
