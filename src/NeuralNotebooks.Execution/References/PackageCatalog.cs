using System.Reflection;

namespace NeuralNotebooks.Execution.References;

/// <summary>
/// The packages a notebook may <c>#r</c>: the host (runner or kernel) references them itself, so their assemblies sit in
/// its output folder, and <c>#r "nuget: Id, Version"</c> resolves offline to those files.
/// </summary>
/// <remarks>
/// <para>What is carried is written once, in NeuralNotebooks.Execution.csproj: a PackageReference with
/// <c>Carried="a.dll;b.dll"</c> (the assemblies a notebook compiles against) or a ProjectReference with
/// <c>Carried="true"</c>. The build turns them into assembly attributes that <see cref="Default"/> reads; the versions are
/// those pinned in Directory.Packages.props.</para>
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

    /// <summary>What this build carries (from NeuralNotebooks.Execution.csproj, see the remarks).</summary>
    public static PackageCatalog Default { get; } = FromAssembly(typeof(PackageCatalog).Assembly);

    /// <summary>The folder holding the assemblies.</summary>
    public string Directory { get; }

    /// <summary>All carried packages, by id.</summary>
    public IEnumerable<CarriedPackage> Packages => _byId.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>"Plotly.NET 6.0.0, TorchSharp-cpu 0.107.0, …" for error messages.</summary>
    public string Describe() => string.Join(", ", Packages.Select(p => p.IsProject ? $"{p.Id} (our library)" : p.ToString()));

    /// <summary>Finds a package by id (case-insensitive).</summary>
    public bool TryGet(string id, out CarriedPackage package) => _byId.TryGetValue(id, out package!);

    /// <summary>The full paths of a package's assemblies.</summary>
    /// <exception cref="FileNotFoundException">An assembly is missing from <see cref="Directory"/> (a broken build of the host).</exception>
    public IReadOnlyList<string> AssemblyPaths(CarriedPackage package)
    {
        var paths = package.Assemblies.Select(a => Path.Combine(Directory, a)).ToList();
        foreach (var path in paths)
            if (!File.Exists(path))
                throw new FileNotFoundException($"the host should carry {Path.GetFileName(path)} for {package} but {path} is missing; rebuild it.", path);
        return paths;
    }

    /// <summary>
    /// The catalog described by <paramref name="assembly"/>'s metadata attributes: <c>CarriedPackage:Id</c> = assembly
    /// list, <c>PinnedVersion:Id</c> = version, <c>CarriedProject:Name</c>; assemblies in the assembly's folder.
    /// </summary>
    /// <exception cref="InvalidOperationException">A carried package has no pinned version (a broken build).</exception>
    internal static PackageCatalog FromAssembly(Assembly assembly)
    {
        var metadata = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToList();
        string? Value(string prefix, string id) => metadata.FirstOrDefault(m => string.Equals(m.Key, prefix + id, StringComparison.OrdinalIgnoreCase))?.Value;
        IEnumerable<string> Ids(string prefix) => metadata.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(m => m.Key[prefix.Length..]);

        var packages = new List<CarriedPackage>();
        foreach (var id in Ids("CarriedPackage:"))
        {
            var version = Value("PinnedVersion:", id)
                ?? throw new InvalidOperationException($"{assembly.GetName().Name} carries {id} but no version of it is pinned (Directory.Packages.props).");
            var assemblies = (Value("CarriedPackage:", id) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            packages.Add(CarriedPackage.NuGet(id, version, assemblies));
        }
        packages.AddRange(Ids("CarriedProject:").Select(CarriedPackage.Project));
        return new PackageCatalog(Path.GetDirectoryName(assembly.Location)!, packages);
    }
}
