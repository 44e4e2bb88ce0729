namespace NeuralNotebooks.Datasets;

/// <summary>What went wrong when a dataset could not be loaded; carried by <see cref="DatasetException.Kind"/>.</summary>
public enum DatasetErrorKind
{
    /// <summary>The data folder, the manifest or a data file does not exist.</summary>
    MissingFile,

    /// <summary>The manifest (<c>SHA256SUMS</c>) is malformed or has no entry for a file.</summary>
    BadManifest,

    /// <summary>The file is not a readable gzip stream.</summary>
    BadCompression,

    /// <summary>The file ends before the data its header announces (or has bytes after it).</summary>
    Truncated,

    /// <summary>The IDX magic number is not the expected one (2049 for labels, 2051 for images).</summary>
    WrongMagic,

    /// <summary>The IDX header declares dimensions other than the expected ones (e.g. not 28×28 images).</summary>
    WrongDimensions,

    /// <summary>The image file and the label file disagree on the number of samples.</summary>
    CountMismatch,

    /// <summary>A label is outside the dataset's class range.</summary>
    BadLabel,

    /// <summary>The SHA-256 of the decompressed content differs from the manifest.</summary>
    ChecksumMismatch,

    /// <summary>The file exists but cannot be read: permission denied, a folder where the file should be, or a read error.</summary>
    Unreadable,
}
