using Microsoft.CodeAnalysis;

namespace NeuralNotebooks.Execution.References;

/// <summary>
/// Metadata references that carry their XML documentation, so that the kernel can show a symbol's summary
/// (<c>inspect_request</c>) and completions can describe members.
/// </summary>
/// <remarks>The documentation is the .xml next to the assembly (our libraries and most packages ship one) or, for the
/// framework's own assemblies, the one in the SDK's reference pack (packs/Microsoft.NETCore.App.Ref/…); without either the
/// reference simply has no documentation.</remarks>
internal static class DocumentedReference
{
    private static readonly Lazy<string?> FrameworkDocs = new(FindFrameworkDocs);

    /// <summary>A reference to the assembly at <paramref name="path"/>, with its documentation when one is found.</summary>
    public static PortableExecutableReference Create(string path, MetadataReferenceProperties? properties = null)
    {
        var xml = DocumentationFor(path);
        return MetadataReference.CreateFromFile(path, properties ?? MetadataReferenceProperties.Assembly,
            xml is null ? null : XmlDocumentationProvider.CreateFromFile(xml));
    }

    private static string? DocumentationFor(string path)
    {
        var beside = Path.ChangeExtension(path, ".xml");
        if (File.Exists(beside)) return beside;
        if (FrameworkDocs.Value is { } folder && string.Equals(Path.GetDirectoryName(path), RuntimeDirectory, StringComparison.Ordinal))
        {
            var framework = Path.Combine(folder, Path.GetFileNameWithoutExtension(path) + ".xml");
            if (File.Exists(framework)) return framework;
        }
        return null;
    }

    private static string RuntimeDirectory => Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>…/dotnet/packs/Microsoft.NETCore.App.Ref/&lt;newest version not above the runtime's&gt;/ref/netX.Y, or null.</summary>
    private static string? FindFrameworkDocs()
    {
        var runtime = new DirectoryInfo(RuntimeDirectory); // …/dotnet/shared/Microsoft.NETCore.App/10.0.12
        if (!Version.TryParse(runtime.Name.Split('-')[0], out var runtimeVersion) || runtime.Parent?.Parent?.Parent is not { } root) return null;
        var packs = Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        return Directory.GetDirectories(packs)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version is not null && d.Version <= runtimeVersion)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Dir, "ref", $"net{d.Version!.Major}.{d.Version.Minor}"))
            .FirstOrDefault(Directory.Exists);
    }
}
