using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace NeuralNotebooks.Execution.References;

/// <summary>
/// The Roslyn <see cref="MetadataReferenceResolver"/> of a notebook session: applies <see cref="ReferenceRules"/> to
/// <c>#r</c> (the text reaching it for <c>#r "nuget: X, 1.0"</c> is "nuget: X, 1.0"); other names (e.g. framework
/// assembly names) go to Roslyn's default script resolver.
/// </summary>
public sealed class NotebookMetadataResolver : MetadataReferenceResolver
{
    private readonly ReferenceRules _rules;

    /// <summary>The rules it applies.</summary>
    public ReferenceRules Rules => _rules;
    private readonly ScriptMetadataResolver _fallback;

    /// <summary>Creates the resolver for one notebook.</summary>
    public NotebookMetadataResolver(ReferenceRules rules)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _fallback = ScriptMetadataResolver.Default.WithBaseDirectory(rules.NotebookDirectory);
    }

    /// <inheritdoc />
    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (!ReferenceRules.IsNuGet(reference) && !LooksLikePath(reference))
            return _fallback.ResolveReference(reference, baseFilePath, properties);
        // Roslyn takes exactly one assembly per #r: the package's main one. Its dependencies (e.g. FSharp.Core for
        // Plotly.NET) are found on demand by ResolveMissingAssembly, from the same folder.
        var resolution = _rules.Resolve(reference);
        return resolution.Paths.Count == 0
            ? ImmutableArray<PortableExecutableReference>.Empty
            : ImmutableArray.Create(DocumentedReference.Create(resolution.Paths[0], properties));
    }

    /// <inheritdoc />
    public override bool ResolveMissingAssemblies => true;

    /// <summary>Finds a dependency of a referenced assembly: next to it, else in the host's folder (which holds every carried package's dependencies).</summary>
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        var folders = new List<string>();
        if (definition is PortableExecutableReference { FilePath: { } path } && Path.GetDirectoryName(path) is { } dir) folders.Add(dir);
        folders.Add(_rules.Catalog.Directory);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, referenceIdentity.Name + ".dll");
            if (File.Exists(candidate)) return DocumentedReference.Create(candidate);
        }
        return null;
    }

    /// <summary>True when the reference names a file (has a folder part or ends in .dll/.exe).</summary>
    public static bool LooksLikePath(string reference) =>
        reference.Contains('/') || reference.Contains('\\') ||
        reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || reference.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? other) => other is NotebookMetadataResolver r && ReferenceEquals(r._rules, _rules);

    /// <inheritdoc />
    public override int GetHashCode() => _rules.GetHashCode();
}
