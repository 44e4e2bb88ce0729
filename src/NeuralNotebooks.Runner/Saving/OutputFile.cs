using System.Text.RegularExpressions;

namespace NeuralNotebooks.Runner.Saving;

/// <summary>Every file the runner saves (notebooks, reports, pages, assets, apps) goes through here.</summary>
/// <remarks>
/// <para>The write itself is the core's <see cref="AtomicFile"/>: a temporary file in the target's own folder, flushed,
/// then renamed over the target — a reader or a crash sees the old file or the whole new one.</para>
/// <para>Before writing, temporary files that a killed save left next to the target (<c>.name.&lt;32 hex&gt;.tmp</c>)
/// are deleted: one that no process holds open (AtomicFile keeps its temporary file open, unshared, until it renames
/// it) and that has not changed for a minute. A save in progress elsewhere is left alone.</para>
/// <para>Failures are one exception type, <see cref="OutputException"/>, naming the target (not the temporary file).</para>
/// </remarks>
public static partial class OutputFile
{
    /// <summary>A temporary file untouched this long, and open nowhere, is a killed save's.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="OutputException">The file cannot be written; the target is unchanged.</exception>
    public static void WriteAllText(string path, string text) => Write(path, () => AtomicFile.WriteAllText(path, text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="OutputException">The file cannot be written; the target is unchanged.</exception>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, () => AtomicFile.WriteAllBytes(path, bytes));

    private static void Write(string path, Action write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            DeleteStaleTemporaryFiles(path);
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OutputException(path, e);
        }
    }

    /// <summary>Deletes the temporary files killed saves of <paramref name="path"/> left in its folder; returns how many.</summary>
    public static int DeleteStaleTemporaryFiles(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder)) return 0;
        var prefix = "." + Path.GetFileName(full) + ".";
        int deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !TemporarySuffix().IsMatch(name[prefix.Length..])) continue;
            try
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < StaleAfter) continue;
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { } // fails while a save holds it
                File.Delete(file);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // in use, or not ours to delete: leave it
            }
        }
        return deleted;
    }

    /// <summary>What <see cref="AtomicFile"/> appends to a target's name for its temporary file: a GUID's 32 hex digits.</summary>
    [GeneratedRegex("^[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TemporarySuffix();
}

/// <summary>A file the runner was asked to write could not be written; the message names the file and the reason.</summary>
public sealed class OutputException(string path, Exception inner)
    : IOException($"cannot write {path}: {Reason(inner)}", inner)
{
    /// <summary>The file that was to be written.</summary>
    public string TargetPath { get; } = path;

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied (is the folder read-only?)",
        DirectoryNotFoundException => "its folder does not exist and cannot be created",
        _ => e.Message,
    };
}
