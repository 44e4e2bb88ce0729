namespace NeuralNotebooks.Runner.Saving;

/// <summary>Every file the runner saves (notebooks, reports, pages, assets, apps) goes through here.</summary>
/// <remarks>
/// <para>The write itself is the core's <see cref="AtomicFile"/>: a temporary file in the target's own folder, flushed,
/// then renamed over the target — a reader or a crash sees the old file or the whole new one.</para>
/// <para>AtomicFile also deletes the temporary files killed saves left in the target's folder (those no running save
/// holds locked).</para>
/// <para>Failures are one exception type, <see cref="OutputException"/>, naming the target (not the temporary file).</para>
/// </remarks>
public static class OutputFile
{
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
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new OutputException(path, e);
        }
    }
}

/// <summary>A file the runner was asked to write could not be written; the message names the file and the reason.</summary>
public sealed class OutputException(string path, Exception inner)
    : IOException($"cannot write {path}: {Reason(inner)}", inner)
{
    /// <summary>The file that was to be written.</summary>
    public string TargetPath { get; } = path;

    // AtomicFile wraps file-system errors in an IOException naming the target; the reason is the original error.
    private static string Reason(Exception e) => (e is IOException { InnerException: { } original } && e.GetType() == typeof(IOException) ? original : e) switch
    {
        UnauthorizedAccessException => "permission denied (is the folder read-only?)",
        DirectoryNotFoundException => "its folder does not exist and cannot be created",
        _ => e.Message,
    };
}
