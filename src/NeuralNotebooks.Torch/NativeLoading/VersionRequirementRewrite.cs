using System.Buffers.Binary;

namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// Rewrites one symbol-version requirement of a shared library to another version the library already requires from
/// the same file — how the kit makes TorchSharp's shim load where libstdc++ lacks <c>GLIBCXX_3.4.32</c>.
/// </summary>
/// <remarks>
/// <para>When the dynamic loader maps a library it checks every <c>Elf64_Vernaux</c> entry of <c>.gnu.version_r</c>:
/// the needed file must define a version with that name (compared by <c>vna_hash</c>, then by name), or loading fails
/// with "version `X' not found". The rewrite gives the entry naming the missing version the <c>vna_hash</c> and
/// <c>vna_name</c> of the entry naming the replacement: afterwards both entries ask for the replacement,
/// which the system has. <c>vna_other</c> (the version index symbols point to) and <c>vna_flags</c> stay, so
/// nothing else in the file moves. For TorchSharp 0.107's <c>libLibTorchSharp.so</c> that changes 3 bytes.</para>
/// <para>This is only sound when no symbol of the rewritten version is resolved at load time, so the rewrite is
/// refused when any relocation refers to a symbol carrying that version index. (TorchSharp's one
/// <c>GLIBCXX_3.4.32</c> symbol, <c>std::ios_base_library_init()</c>, is referenced by no relocation.)</para>
/// <para>Idempotent: an image without a the missing version entry is returned unchanged
/// (<see cref="VersionRewriteOutcome.NotRequired"/>). The input array is never modified.</para>
/// </remarks>
public static class VersionRequirementRewrite
{
    /// <summary>Rewrites <paramref name="missing"/> to <paramref name="replacement"/> in the requirements on <paramref name="library"/>.</summary>
    /// <param name="image">The library's bytes (not modified).</param>
    /// <param name="source">Its path, for messages.</param>
    /// <param name="library">The needed file whose requirement is rewritten, e.g. <c>libstdc++.so.6</c>.</param>
    /// <param name="missing">The version the system lacks, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <param name="replacement">A version the image already requires from <paramref name="library"/>, e.g. <c>GLIBCXX_3.4.30</c>.</param>
    /// <param name="expectedMachine">The <c>e_machine</c> the image must have (<see cref="ElfImage.MachineX86_64"/>).</param>
    /// <exception cref="ElfFormatException">Not an ELF64 little-endian image of <paramref name="expectedMachine"/>, truncated,
    /// no <paramref name="replacement"/> entry to reuse, or a relocation uses the <paramref name="missing"/> version.</exception>
    public static VersionRewrite Apply(byte[] image, string source, string library, string missing, string replacement,
                                       ushort expectedMachine = ElfImage.MachineX86_64)
    {
        var elf = ElfImage.Parse(image, source);
        if (elf.Machine != expectedMachine)
            throw new ElfFormatException($"{source} is built for {elf.MachineName}, not {ElfImage.NameOfMachine(expectedMachine)}: refusing to rewrite it.");
        var need = elf.VersionNeeds().FirstOrDefault(n => n.File == library);
        var from = need?.Versions.FirstOrDefault(v => v.Name == missing);
        if (need is null || from is null) return new VersionRewrite(VersionRewriteOutcome.NotRequired, image, 0);
        var to = need.Versions.FirstOrDefault(v => v.Name == replacement)
            ?? throw new ElfFormatException($"{source} requires {missing} from {library} but not {replacement}, so there is no entry to reuse.");
        if (to.Hash != ElfImage.Hash(replacement))
            throw new ElfFormatException($"{source}: the {replacement} entry's hash is 0x{to.Hash:x8}, expected 0x{ElfImage.Hash(replacement):x8}: corrupt file.");
        var used = elf.RelocatedSymbolsWithVersion(from.Index);
        if (used.Count > 0)
            throw new ElfFormatException($"{source}: relocations use {missing} (symbols {string.Join(", ", used)}); rewriting the requirement would break them.");

        var result = (byte[])image.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan((int)from.FileOffset, 4), to.Hash);          // vna_hash
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan((int)from.FileOffset + 8, 4), to.NameOffset); // vna_name
        int changed = 0;
        for (int i = 0; i < 16; i++) if (result[from.FileOffset + i] != image[from.FileOffset + i]) changed++;
        return new VersionRewrite(VersionRewriteOutcome.Rewritten, result, changed);
    }

}

/// <summary>What <see cref="VersionRequirementRewrite.Apply"/> did.</summary>
public enum VersionRewriteOutcome
{
    /// <summary>The image has no entry for the missing version: nothing to do (also the state after a rewrite).</summary>
    NotRequired,
    /// <summary>The entry was rewritten; <see cref="VersionRewrite.Image"/> is a new array.</summary>
    Rewritten,
}

/// <summary>The result of a rewrite.</summary>
/// <param name="Outcome">Whether anything changed.</param>
/// <param name="Image">The rewritten bytes, or the input array itself when <see cref="VersionRewriteOutcome.NotRequired"/>.</param>
/// <param name="BytesChanged">How many bytes differ from the input (3 for TorchSharp 0.107's shim).</param>
public sealed record VersionRewrite(VersionRewriteOutcome Outcome, byte[] Image, int BytesChanged);
