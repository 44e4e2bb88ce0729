namespace NeuralNotebooks.Datasets;

/// <summary>
/// A dataset file could not be loaded: it is missing, damaged, or not what the manifest says it is.
/// </summary>
/// <remarks>
/// Loaders throw this instead of returning partial data. The message names the file and what was expected;
/// <see cref="Kind"/> tells the cause apart without parsing the message, and <see cref="FilePath"/> is the file
/// (or folder) concerned, when there is one.
/// </remarks>
public sealed class DatasetException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The cause.</param>
    /// <param name="message">A message that names the file and what was expected.</param>
    /// <param name="filePath">The file or folder concerned, if any.</param>
    /// <param name="innerException">The lower-level error, if any.</param>
    public DatasetException(DatasetErrorKind kind, string message, string? filePath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        FilePath = filePath;
    }

    /// <summary>The cause of the failure.</summary>
    public DatasetErrorKind Kind { get; }

    /// <summary>The full path of the file (or folder) concerned, or <c>null</c> when none applies.</summary>
    public string? FilePath { get; }

    /// <summary>True for the errors of opening or reading a file that exists (permission denied, a folder in its place,
    /// a read error) — those <see cref="Unreadable"/> turns into a <see cref="DatasetException"/>.</summary>
    internal static bool IsReadFailure(Exception e) =>
        e is UnauthorizedAccessException || (e is IOException && e is not (DatasetException or FileNotFoundException or DirectoryNotFoundException));

    /// <summary>The error for a dataset file that exists but cannot be read (<see cref="DatasetErrorKind.Unreadable"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="inner">The error of opening or reading it.</param>
    internal static DatasetException Unreadable(string path, Exception inner)
    {
        string why = Directory.Exists(path)
            ? "it is a folder, not a file"
            : inner is UnauthorizedAccessException
                ? "permission denied (make it readable for this user, e.g. chmod a+r)"
                : inner.Message;
        return new DatasetException(DatasetErrorKind.Unreadable, $"'{path}' cannot be read: {why}.", path, inner);
    }
}
