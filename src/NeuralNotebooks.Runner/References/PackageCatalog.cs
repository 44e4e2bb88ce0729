using System.Reflection;

namespace NeuralNotebooks.Runner.References;

/// <summary>
/// The packages a notebook may <c>#r</c>: the runner references them itself, so their assemblies sit in its output
/// folder, and <c>#r "nuget: Id, Version"</c> resolves offline to those files.
/// </summary>
/// <remarks>
/// <para>To carry another package: add a PackageReference to NeuralNotebooks.Runner.csproj (version in
/// Directory.Packages.props) and one line to <see cref="Default"/> naming its assemblies. The version is not repeated:
/// the build embeds every version pinned in Directory.Packages.props in the runner's assembly
/// (<c>AssemblyMetadata("PackageVersion:&lt;id&gt;", …)</c>) and <see cref="PinnedVersion"/> reads it. For one of our own
/// libraries: a ProjectReference and one <see cref="CarriedPackage.Project"/> line.</para>
/// <para>Versions must match exactly (or be omitted): lessons are checked against the versions the kit pins.</para>
/// </remarks>
public sealed class PackageCatalog
{
    private readonly Dictionary<string, CarriedPackage> _byId;

    /// <summary>Creates a catalog whose assemblies live in <paramref name="directory"/>.</summary>
    public PackageCatalog(string directory, IEnumerable<CarriedPackage> packages)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(packages);
        Directory = directory;
        _byId = new Dictionary<string, CarriedPackage>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in packages)
            if (!_byId.TryAdd(p.Id, p))
                throw new ArgumentException($"package \"{p.Id}\" is listed twice.", nameof(packages));
    }

    /// <summary>What this runner carries (the one list to edit when a lesson needs another package).</summary>
    public static PackageCatalog Default { get; } = new(Path.GetDirectoryName(typeof(PackageCatalog).Assembly.Location)!, new[]
    {
        CarriedPackage.NuGet("Plotly.NET", PinnedVersion("Plotly.NET"), "Plotly.NET.dll", "FSharp.Core.dll", "DynamicObj.dll", "Giraffe.ViewEngine.dll", "Newtonsoft.Json.dll"),
        CarriedPackage.NuGet("TorchSharp-cpu", PinnedVersion("TorchSharp-cpu"), "TorchSharp.dll"),
        CarriedPackage.Project("NeuralNotebooks"),
        CarriedPackage.Project("NeuralNotebooks.Plots"),
        CarriedPackage.Project("NeuralNotebooks.Torch"),
    });

    /// <summary>The version of <paramref name="packageId"/> pinned in Directory.Packages.props when the runner was built.</summary>
    /// <exception cref="InvalidOperationException">The package is not pinned there (add a PackageVersion line).</exception>
    public static string PinnedVersion(string packageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(packageId);
        string key = "PackageVersion:" + packageId;
        return typeof(PackageCatalog).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                   .FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase))?.Value
               ?? throw new InvalidOperationException($"{packageId} has no PackageVersion in Directory.Packages.props, so the runner cannot carry it.");
    }

    /// <summary>The folder holding the assemblies.</summary>
    public string Directory { get; }

    /// <summary>All carried packages, by id.</summary>
    public IEnumerable<CarriedPackage> Packages => _byId.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>"Plotly.NET 6.0.0, TorchSharp-cpu 0.107.0, …" for error messages.</summary>
    public string Describe() => string.Join(", ", Packages.Select(p => p.IsProject ? $"{p.Id} (our library)" : p.ToString()));

    /// <summary>Finds a package by id (case-insensitive).</summary>
    public bool TryGet(string id, out CarriedPackage package) => _byId.TryGetValue(id, out package!);

    /// <summary>The full paths of a package's assemblies.</summary>
    /// <exception cref="FileNotFoundException">An assembly is missing from <see cref="Directory"/> (a broken build of the runner).</exception>
    public IReadOnlyList<string> AssemblyPaths(CarriedPackage package)
    {
        var paths = package.Assemblies.Select(a => Path.Combine(Directory, a)).ToList();
        foreach (var path in paths)
            if (!File.Exists(path))
                throw new FileNotFoundException($"the runner should carry {Path.GetFileName(path)} for {package} but {path} is missing; rebuild the runner.", path);
        return paths;
    }
}
