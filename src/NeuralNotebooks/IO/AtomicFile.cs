using System.Text;

namespace NeuralNotebooks.IO;

/// <summary>
/// Writes a file so that nobody ever sees half of it: the content goes to a temporary file in the target's own folder,
/// is flushed to the disk, and then replaces the target in one rename.
/// </summary>
/// <remarks>
/// <para>A reader (or a crash) sees either the old file or the complete new one, never a mix: the rename is atomic
/// because the temporary file is on the same volume as the target. If writing fails (a full disk, a read-only folder),
/// the temporary file is deleted and the old file (if any) is left as it was.</para>
/// <para>Used for everything the kit saves: model weights, executed notebooks, run reports, exported pages and apps,
/// chart pages and pictures. The target's folder is created when missing. The temporary file is hidden
/// (<c>.name.&lt;32 hex digits&gt;.tmp</c>), so a folder listing during the write does not show a second, partial copy.</para>
/// <para><b>Killed saves.</b> A process killed in the middle of a save cannot delete its temporary file. Every save
/// therefore first deletes the temporary files in its folder that no running save owns: a save holds its temporary file
/// open and locked (exclusively) from creation until the rename, so a temporary file that can be locked is stale.</para>
/// <para><b>Errors</b> are <see cref="IOException"/>s naming the target, not the temporary file (the original error is
/// the inner exception); an exception thrown by the caller's own write function is passed on unchanged, unless it is an
/// I/O error.</para>
/// </remarks>
public static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";
    private const int TemporaryIdLength = 32;

    /// <summary>Test seam: called with (temporary file, target) after the content is flushed, just before the rename.</summary>
    internal static readonly AsyncLocal<Action<string, string>?> BeforeReplace = new();

    /// <summary>Writes the bytes that <paramref name="write"/> puts into the stream it is given, then replaces <paramref name="path"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content; it must not dispose the stream (wrap writers with <c>leaveOpen: true</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder (ends with a separator).</exception>
    /// <exception cref="IOException">The file cannot be written or replaced (e.g. a full disk, a read-only folder, a folder
    /// with that name); the message names <paramref name="path"/>, and nothing changed.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string name = Path.GetFileName(full);
        if (name.Length == 0) throw new ArgumentException($"path must name a file, not a folder: '{path}'.", nameof(path));
        string folder = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            Directory.CreateDirectory(folder);
            RemoveStaleTemporaries(folder);
            // Locked from creation until after the rename, so RemoveStaleTemporaries in another save never takes it.
            // (Windows needs FileShare.Delete to rename an open file; on Unix FileShare.None is an exclusive flock.)
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write,
                OperatingSystem.IsWindows() ? FileShare.Delete : FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
            BeforeReplace.Value?.Invoke(temp, full);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e.Message.Replace(temp, full, StringComparison.Ordinal);
            throw new IOException($"Could not save '{full}': {reason} The file was left as it was.", e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark, atomically (see <see cref="Write"/>).</summary>
    /// <exception cref="IOException">The file cannot be written or replaced; nothing changed.</exception>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>Writes <paramref name="bytes"/>, atomically (see <see cref="Write"/>).</summary>
    /// <exception cref="IOException">The file cannot be written or replaced; nothing changed.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>True for the names this class gives its temporary files: <c>.name.&lt;32 hex digits&gt;.tmp</c>.</summary>
    internal static bool IsTemporaryName(string fileName)
    {
        int idEnd = fileName.Length - TemporarySuffix.Length, idStart = idEnd - TemporaryIdLength;
        return idStart >= 3 && fileName[0] == '.' && fileName[idStart - 1] == '.'
               && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal)
               && fileName.AsSpan(idStart, TemporaryIdLength).IndexOfAnyExcept("0123456789abcdef") < 0;
    }

    /// <summary>Deletes the temporary files in <paramref name="folder"/> left by killed saves: those no save holds locked.</summary>
    /// <remarks>Best effort: a file that cannot be opened (in use, no permission, already gone) is left alone.</remarks>
    private static void RemoveStaleTemporaries(string folder)
    {
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFiles(folder, "." + "*" + TemporarySuffix).ToArray(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (string file in candidates)
        {
            if (!IsTemporaryName(Path.GetFileName(file))) continue;
            try
            {
                // Succeeds only when no save holds the file: then it is deleted as the handle closes.
                using var stale = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by a running save, or not ours to delete.
            }
        }
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
