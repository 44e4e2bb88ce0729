namespace NeuralNotebooks.Datasets;

/// <summary>
/// Finds the data folder: the folder holding the checksum manifest (<c>SHA256SUMS</c>) and the dataset sub-folders
/// (<c>mnist/</c>, <c>fashion-mnist/</c>).
/// </summary>
/// <remarks>
/// <para>Search order, first match wins:</para>
/// <list type="number">
/// <item>the explicit path, when one is given (it must hold the manifest; no fallback);</item>
/// <item>the environment variable <c>NEURALNOTEBOOKS_DATA</c>, when set and not blank (same rule);</item>
/// <item>the nearest <c>data/</c> folder holding the manifest in the current directory or one of its ancestors
/// (so notebooks run from <c>notebooks/</c> find the repository's <c>data/</c>);</item>
/// <item>the same walk upwards from the folder of the library's own assembly (tests and tools under <c>bin/</c>).</item>
/// </list>
/// <para>When nothing matches, the <see cref="DatasetException"/> lists every place looked at.</para>
/// </remarks>
public static class DataDirectory
{
    /// <summary>The environment variable that may name the data folder: <c>NEURALNOTEBOOKS_DATA</c>.</summary>
    public const string EnvironmentVariable = "NEURALNOTEBOOKS_DATA";

    /// <summary>The folder name looked for in the current directory and the assembly's directory, and their ancestors.</summary>
    public const string FolderName = "data";

    /// <summary>Returns the full path of the data folder (see the remarks for the search order).</summary>
    /// <param name="dataDirectory">An explicit data folder, absolute or relative to the current directory; <c>null</c> to search.</param>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is empty or blank.</exception>
    /// <exception cref="DatasetException">No data folder found, or the explicit/environment folder has no manifest
    /// (<see cref="DatasetErrorKind.MissingFile"/>); the message lists every place looked at.</exception>
    public static string Find(string? dataDirectory = null)
    {
        if (dataDirectory is not null)
        {
            if (string.IsNullOrWhiteSpace(dataDirectory))
                throw new ArgumentException($"dataDirectory must be a folder path or null, not \"{dataDirectory}\".", nameof(dataDirectory));
            return RequireManifest(Path.GetFullPath(dataDirectory), "the dataDirectory argument");
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return RequireManifest(Path.GetFullPath(fromEnvironment), $"the environment variable {EnvironmentVariable}");

        var looked = new List<string> { $"{EnvironmentVariable}: not set" };
        string current = Directory.GetCurrentDirectory();
        if (SearchUpwards(current, looked) is string fromCurrent) return fromCurrent;

        string? assemblyFolder = AssemblyFolder();
        if (assemblyFolder is null)
            looked.Add("the library assembly's folder: unknown (no file location)");
        else if (SearchUpwards(assemblyFolder, looked) is string fromAssembly)
            return fromAssembly;

        throw new DatasetException(DatasetErrorKind.MissingFile,
            $"No data folder found (a '{FolderName}' folder holding {DatasetManifest.FileName}). Looked at:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", looked) + Environment.NewLine +
            $"The repository ships it as data/ at its root: run from inside a clone, set {EnvironmentVariable} to the folder, " +
            "or pass dataDirectory. data/README.md explains how to re-fetch the files.");
    }

    private static string RequireManifest(string folder, string origin)
    {
        string manifest = Path.Combine(folder, DatasetManifest.FileName);
        if (File.Exists(manifest)) return folder;
        string why = Directory.Exists(folder) ? $"'{manifest}' does not exist" : $"the folder '{folder}' does not exist";
        throw new DatasetException(DatasetErrorKind.MissingFile,
            $"The data folder given by {origin} is not usable: {why}. It must be a data folder holding " +
            $"{DatasetManifest.FileName} and the dataset sub-folders (like the repository's data/; see data/README.md).", manifest);
    }

    private static string? SearchUpwards(string start, List<string> looked)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, FolderName);
            looked.Add(Path.Combine(candidate, DatasetManifest.FileName));
            if (File.Exists(Path.Combine(candidate, DatasetManifest.FileName))) return candidate;
        }
        return null;
    }

    private static string? AssemblyFolder()
    {
        string location = typeof(DataDirectory).Assembly.Location;
        if (location.Length > 0) return Path.GetDirectoryName(location);
        return string.IsNullOrEmpty(AppContext.BaseDirectory) ? null : AppContext.BaseDirectory;
    }
}
