using System.Text;

namespace NeuralNotebooks.IO;

/// <summary>
/// Writes a file so that nobody ever sees half of it: the content goes to a temporary file in the target's own folder,
/// is flushed to the disk, and then replaces the target in one rename.
/// </summary>
/// <remarks>
/// <para>A reader (or a crash) sees either the old file or the complete new one, never a mix: the rename is atomic
/// because the temporary file is on the same volume as the target. If writing fails, the temporary file is deleted and
/// the old file (if any) is left as it was.</para>
/// <para>Used for everything the kit saves: model weights, executed notebooks, run reports, exported pages and apps,
/// chart pages and pictures. The target's folder is created when missing. The temporary file is hidden
/// (<c>.name.&lt;guid&gt;.tmp</c>), so a folder listing during the write does not show a second, partial copy.</para>
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes the bytes that <paramref name="write"/> puts into the stream it is given, then replaces <paramref name="path"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content; it must not dispose the stream (wrap writers with <c>leaveOpen: true</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written or replaced (e.g. a folder has that name); nothing changed.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
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
}
