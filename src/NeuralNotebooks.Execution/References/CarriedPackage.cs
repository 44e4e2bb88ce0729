namespace NeuralNotebooks.Execution.References;

/// <summary>A package (or one of our own libraries) whose assemblies the runner and the kernel carry in their output folders.</summary>
/// <param name="Id">The NuGet package id (or the library's assembly name), matched case-insensitively.</param>
/// <param name="Version">The version carried; null for our own libraries (any version, or none, is accepted).</param>
/// <param name="Assemblies">The file names of the assemblies a notebook compiles against, in the host's folder.</param>
/// <param name="IsProject">True for our own libraries, which notebooks reference by their build output path.</param>
public sealed record CarriedPackage(string Id, string? Version, IReadOnlyList<string> Assemblies, bool IsProject)
{
    /// <summary>A NuGet package at an exact version, with the assemblies to reference.</summary>
    public static CarriedPackage NuGet(string id, string version, params string[] assemblies) => new(id, version, assemblies, false);

    /// <summary>One of our own libraries (assembly <paramref name="assemblyName"/>.dll), e.g. "NeuralNotebooks".</summary>
    public static CarriedPackage Project(string assemblyName) => new(assemblyName, null, new[] { assemblyName + ".dll" }, true);

    /// <summary>"Id Version" or just "Id".</summary>
    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}
