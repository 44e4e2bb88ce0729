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
}
