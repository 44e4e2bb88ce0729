namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// One <c>Elf64_Verneed</c> record of a <c>.gnu.version_r</c> section: a library the image needs (<see cref="File"/>)
/// and the symbol versions it needs from it.
/// </summary>
/// <param name="File">The needed library's name, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Versions">Its <c>Elf64_Vernaux</c> entries, in file order.</param>
public sealed record VersionNeed(string File, IReadOnlyList<VersionNeedAux> Versions);

/// <summary>One <c>Elf64_Vernaux</c> entry: a symbol version the image needs from a library.</summary>
/// <param name="Name">The version's name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Hash"><c>vna_hash</c>: the SysV ELF hash of the name (the dynamic loader compares it first).</param>
/// <param name="Flags"><c>vna_flags</c> (e.g. <c>VER_FLG_WEAK</c>).</param>
/// <param name="Index"><c>vna_other</c>: the version index that <c>.gnu.version</c> gives to symbols of this version.</param>
/// <param name="NameOffset"><c>vna_name</c>: the name's offset in the linked string table.</param>
/// <param name="FileOffset">Where the entry starts in the file.</param>
public sealed record VersionNeedAux(string Name, uint Hash, ushort Flags, ushort Index, uint NameOffset, long FileOffset);
