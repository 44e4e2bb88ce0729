using NeuralNotebooks.Runner.Cli;

namespace NeuralNotebooks.Runner.Saving;

/// <summary>Checks, before anything runs, that the files a command will write can be written and are all different.</summary>
/// <remarks>
/// A problem here is an input error (exit code 2) and nothing has changed yet: two notebooks that would be saved to one
/// file (<c>a/lesson.ipynb</c> and <c>b/lesson.ipynb</c> into one <c>--output</c> folder), an output folder that is a
/// file, a report path that is a folder, a folder nobody may write to. Checking writability means creating and deleting
/// a hidden temporary file in the nearest folder that exists.
/// </remarks>
public static class OutputTargets
{
    /// <summary>Paths compare as the file system does: case-sensitively on Linux, not on Windows and macOS.</summary>
    public static StringComparer PathComparer { get; } = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>Throws when two inputs give one target (or a target is <paramref name="reserved"/>); names both.</summary>
    /// <param name="targets">Input → the file it will be written to.</param>
    /// <param name="what">What the targets are, for the message ("saved", "exported").</param>
    /// <param name="reserved">Files the command writes for itself (e.g. index.html), which no input may take.</param>
    /// <exception cref="CommandLine.UsageException">Two inputs collide.</exception>
    public static void RequireDistinct(IEnumerable<(string Input, string Target)> targets, string what, params string[] reserved)
    {
        var seen = new Dictionary<string, string>(PathComparer);
        foreach (var r in reserved) seen[Path.GetFullPath(r)] = "";
        foreach (var (input, target) in targets)
        {
            var full = Path.GetFullPath(target);
            if (seen.TryGetValue(full, out var other))
                throw new CommandLine.UsageException(other.Length == 0
                    ? $"{input} would be {what} as {target}, a file the command writes for itself; rename the notebook."
                    : $"{other} and {input} would both be {what} as {target}; give notebooks with different names (or run them separately).");
            seen[full] = input;
        }
    }

    /// <summary>Throws unless files can be created in <paramref name="folder"/> (it may not exist yet).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="option">How the command line named it, for the message ("--output").</param>
    public static void RequireWritableFolder(string folder, string option)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full)) throw new CommandLine.UsageException($"{option} {folder} is a file, not a folder.");
        RequireWritable(full, option, folder);
    }

    /// <summary>Throws unless <paramref name="file"/> can be written: not a folder, its folder creatable and writable.</summary>
    public static void RequireWritableFile(string file, string option)
    {
        var full = Path.GetFullPath(file);
        if (Directory.Exists(full)) throw new CommandLine.UsageException($"{option} {file} is a folder, not a file.");
        RequireWritable(Path.GetDirectoryName(full)!, option, file);
    }

    private static void RequireWritable(string folder, string option, string given)
    {
        // The nearest folder that exists is where a file (or the missing folders) would be created.
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing)) throw new CommandLine.UsageException($"{option} {given}: {existing} is a file, not a folder.");
            existing = Path.GetDirectoryName(existing) ?? throw new CommandLine.UsageException($"{option} {given}: no such drive.");
        }
        var probe = Path.Combine(existing, $".nn-write-check.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLine.UsageException($"{option} {given}: cannot write in {existing} ({(e is UnauthorizedAccessException ? "permission denied" : e.Message)}).");
        }
    }
}
