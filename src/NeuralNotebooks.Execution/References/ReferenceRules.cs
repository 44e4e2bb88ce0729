using System.Text.RegularExpressions;

namespace NeuralNotebooks.Execution.References;

/// <summary>Turns <c>#r</c> reference strings into assembly paths, offline (shared by the engine and the exporters).</summary>
public sealed partial class ReferenceRules
{
    /// <summary>Creates the rules for notebooks in <paramref name="notebookDirectory"/>.</summary>
    /// <param name="catalog">The packages carried.</param>
    /// <param name="notebookDirectory">Where relative paths start.</param>
    /// <param name="hostName">What error messages call the program that carries the packages: "runner" or "kernel".</param>
    public ReferenceRules(PackageCatalog catalog, string notebookDirectory, string hostName = "runner")
    {
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        NotebookDirectory = notebookDirectory ?? throw new ArgumentNullException(nameof(notebookDirectory));
        ArgumentException.ThrowIfNullOrEmpty(hostName);
        HostName = hostName;
    }

    /// <summary>"runner" or "kernel": the program named in error messages.</summary>
    public string HostName { get; }

    /// <summary>The packages available.</summary>
    public PackageCatalog Catalog { get; }

    /// <summary>Relative paths resolve against this folder (Jupyter front ends start the kernel in the notebook's folder).</summary>
    public string NotebookDirectory { get; }

    /// <summary>True for references of the form "nuget: Id[, Version]".</summary>
    public static bool IsNuGet(string reference) => reference.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits "nuget: Id, Version" into its parts (version null when omitted).</summary>
    public static (string Id, string? Version) ParseNuGet(string reference)
    {
        var body = reference.Trim()["nuget:".Length..];
        var parts = body.Split(',', 2, StringSplitOptions.TrimEntries);
        return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    /// <summary>True when <paramref name="fullPath"/> is the build output of one of our libraries: src/*/bin/…/NeuralNotebooks*.dll.</summary>
    public static bool IsOurLibraryBuildOutput(string fullPath) => OurBuildOutput().IsMatch(fullPath.Replace('\\', '/'));

    [GeneratedRegex(@"(^|/)src/[^/]+/bin/.*/NeuralNotebooks[^/]*\.dll$", RegexOptions.IgnoreCase)]
    private static partial Regex OurBuildOutput();

    /// <summary>Resolves one reference.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>"nuget: Id, Version": a carried package at that exact version (or any when omitted); otherwise an error naming
    /// the package and listing the carried ones.</item>
    /// <item>A path to our own libraries' build output (src/*/bin/…/NeuralNotebooks*.dll): the host's own copy, so no build
    /// is needed first.</item>
    /// <item>Any other path: relative to the notebook's folder; it must exist.</item>
    /// </list>
    /// </remarks>
    public ReferenceResolution Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (IsNuGet(reference))
        {
            var (id, version) = ParseNuGet(reference);
            if (id.Length == 0) return Fail(reference, "no package name given; write #r \"nuget: Name, Version\".");
            if (!Catalog.TryGet(id, out var package))
                return Fail(reference, $"package \"{id}\" is not available to the notebook {HostName} (it works offline and carries: {Catalog.Describe()}). " +
                    "To add one, see PackageCatalog.");
            if (version is not null && package.Version is not null && !string.Equals(version, package.Version, StringComparison.OrdinalIgnoreCase))
                return Fail(reference, $"package \"{package.Id}\" version {version} was asked for, but the {HostName} carries version {package.Version}; " +
                    $"write #r \"nuget: {package.Id}, {package.Version}\".");
            return Ok(reference, package);
        }

        var path = reference.Trim();
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(NotebookDirectory, path));
        if (IsOurLibraryBuildOutput(full))
        {
            var name = Path.GetFileNameWithoutExtension(full);
            if (Catalog.TryGet(name, out var project) && project.IsProject) return Ok(reference, project);
            return Fail(reference, $"{name}.dll is one of our libraries, but this {HostName} does not carry it (it carries: {Catalog.Describe()}). " +
                "Add a ProjectReference with Carried=\"true\" to NeuralNotebooks.Execution.csproj.");
        }
        if (!File.Exists(full)) return Fail(reference, $"assembly file not found: {full} (relative paths start at the notebook's folder {NotebookDirectory}).");
        return new ReferenceResolution(reference, new[] { full }, null, null);
    }

    private ReferenceResolution Ok(string reference, CarriedPackage package)
    {
        try
        {
            return new ReferenceResolution(reference, Catalog.AssemblyPaths(package), null, package);
        }
        catch (FileNotFoundException e)
        {
            return Fail(reference, e.Message);
        }
    }

    private static ReferenceResolution Fail(string reference, string message) =>
        new(reference, Array.Empty<string>(), $"#r \"{reference}\": {message}", null);
}
