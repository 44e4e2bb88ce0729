using System.Globalization;

namespace NeuralNotebooks.Datasets;

/// <summary>
/// The checksum manifest of a data folder: <c>SHA256SUMS</c>, in <c>sha256sum</c> format, one line per file with the
/// SHA-256 of its <b>decompressed</b> content and its path relative to the data folder (without <c>.gz</c>).
/// </summary>
/// <remarks>
/// <para>Line format: 64 hex digits, a space, then a space (text mode) or <c>*</c> (binary mode), then the path, e.g.
/// <c>ba8910…76db  mnist/train-images-idx3-ubyte</c>. Blank lines are ignored; any other malformed line is an error,
/// so that a damaged manifest never silently disables a check.</para>
/// <para>Paths are compared with forward slashes and without a leading <c>./</c>, case-sensitively.</para>
/// <para>To check by hand, see data/README.md ("Checksums"): each line's hash is compared with <c>gzip -dc name.gz | sha256sum</c>.</para>
/// </remarks>
public sealed class DatasetManifest
{
    /// <summary>The manifest's file name inside a data folder.</summary>
    public const string FileName = "SHA256SUMS";

    private readonly Dictionary<string, string> _hashes;

    private DatasetManifest(string path, Dictionary<string, string> hashes)
    {
        Path = path;
        _hashes = hashes;
    }

    /// <summary>The manifest file's full path.</summary>
    public string Path { get; }

    /// <summary>The relative paths listed, in file order.</summary>
    public IReadOnlyCollection<string> Files => _hashes.Keys;

    /// <summary>Reads <c>SHA256SUMS</c> from <paramref name="dataDirectory"/>.</summary>
    /// <param name="dataDirectory">A data folder.</param>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is empty.</exception>
    /// <exception cref="DatasetException">The manifest is missing (<see cref="DatasetErrorKind.MissingFile"/>),
    /// cannot be read (<see cref="DatasetErrorKind.Unreadable"/>) or is malformed (<see cref="DatasetErrorKind.BadManifest"/>).</exception>
    public static DatasetManifest Load(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (dataDirectory.Length == 0) throw new ArgumentException("dataDirectory must not be empty.", nameof(dataDirectory));
        string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, FileName));
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException(DatasetErrorKind.MissingFile,
                $"The checksum manifest '{path}' does not exist; every data folder must have one (see data/README.md).", path, e);
        }
        catch (Exception e) when (DatasetException.IsReadFailure(e))
        {
            throw DatasetException.Unreadable(path, e);
        }
        return Parse(lines, path);
    }

    /// <summary>Parses manifest lines.</summary>
    /// <param name="lines">The lines of a <c>sha256sum</c>-format file.</param>
    /// <param name="path">The manifest's path, for error messages and <see cref="Path"/>.</param>
    /// <exception cref="DatasetException">A line is malformed or a file is listed twice (<see cref="DatasetErrorKind.BadManifest"/>).</exception>
    public static DatasetManifest Parse(IEnumerable<string> lines, string path)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(path);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            bool ok = line.Length > 66
                && line[64] == ' ' && (line[65] == ' ' || line[65] == '*')
                && line.AsSpan(0, 64).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0;
            if (!ok)
                throw new DatasetException(DatasetErrorKind.BadManifest,
                    $"'{path}' line {number} is not '<64 hex digits>  <relative path>': \"{line}\".", path);
            string file = Normalize(line[66..]);
            if (!hashes.TryAdd(file, line[..64].ToLowerInvariant()))
                throw new DatasetException(DatasetErrorKind.BadManifest,
                    $"'{path}' line {number} lists '{file}' a second time.", path);
        }
        return new DatasetManifest(path, hashes);
    }

    /// <summary>The expected SHA-256 (64 lowercase hex digits) of <paramref name="relativePath"/>'s decompressed content.</summary>
    /// <param name="relativePath">A path relative to the data folder, e.g. <c>mnist/train-images-idx3-ubyte</c>.</param>
    /// <exception cref="DatasetException">The manifest has no entry for the file (<see cref="DatasetErrorKind.BadManifest"/>).</exception>
    public string ExpectedHash(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (_hashes.TryGetValue(Normalize(relativePath), out string? hash)) return hash;
        throw new DatasetException(DatasetErrorKind.BadManifest,
            $"'{Path}' has no entry for '{Normalize(relativePath)}', so its content cannot be checked. Listed: {string.Join(", ", _hashes.Keys)}.",
            Path);
    }

    /// <summary>Whether the manifest lists <paramref name="relativePath"/>.</summary>
    public bool Contains(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return _hashes.ContainsKey(Normalize(relativePath));
    }

    private static string Normalize(string relativePath)
    {
        string p = relativePath.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return p;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path} ({_hashes.Count} files)");
}
