using System.Buffers.Binary;
using System.Text;

namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// A read-only view of a 64-bit little-endian ELF file (a Linux shared library): its header, section headers, and the
/// parts of the dynamic linking data that decide whether it loads — version requirements, dynamic symbols and their
/// versions, relocations.
/// </summary>
/// <remarks>
/// <para>Layouts follow the System V gABI and the LSB's symbol versioning chapter. File header (64 bytes): magic
/// <c>7F 'E' 'L' 'F'</c>, class at 4 (2 = 64-bit), data at 5 (1 = little-endian), <c>e_machine</c> at 18,
/// <c>e_shoff</c> at 40, <c>e_shentsize</c>/<c>e_shnum</c>/<c>e_shstrndx</c> at 58/60/62. A section header is 64 bytes;
/// <c>.gnu.version_r</c> (type <c>SHT_GNU_verneed</c>) holds <c>sh_info</c> chained <c>Elf64_Verneed</c> records
/// (16 bytes: version, count, file, aux, next), each followed by its chain of <c>Elf64_Vernaux</c> entries (16 bytes:
/// hash, flags, other = version index, name, next); both name fields are offsets into the section <c>sh_link</c> names.</para>
/// <para>Every offset, size and chain link is checked against the file length before it is read: a truncated or
/// corrupt file gives an <see cref="ElfFormatException"/> naming the file and the structure, never an out-of-range read
/// or an endless loop. Extended section numbering (<c>e_shnum</c> = 0, <c>e_shstrndx</c> = <c>SHN_XINDEX</c>) is
/// followed. Big-endian and 32-bit files are refused.</para>
/// </remarks>
public sealed class ElfImage
{
    /// <summary><c>e_machine</c> of x86-64.</summary>
    public const ushort MachineX86_64 = 62;
    /// <summary><c>e_machine</c> of AArch64.</summary>
    public const ushort MachineAArch64 = 183;

    private const uint ShtRela = 4, ShtStrtab = 3, ShtNobits = 8, ShtRel = 9, ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;
    private const int FileHeaderSize = 64, SectionHeaderSize = 64, AuxSize = 16, NeedSize = 16;

    private readonly byte[] bytes;

    private ElfImage(byte[] bytes, string source, ushort machine, IReadOnlyList<ElfSection> sections)
    {
        this.bytes = bytes;
        Source = source;
        Machine = machine;
        Sections = sections;
    }

    /// <summary>The file (or description) named in error messages.</summary>
    public string Source { get; }

    /// <summary><c>e_machine</c>: <see cref="MachineX86_64"/>, <see cref="MachineAArch64"/>, …</summary>
    public ushort Machine { get; }

    /// <summary>The section headers, in file order (index 0 is the null section).</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>Reads the header and section headers of an ELF64 little-endian image.</summary>
    /// <param name="bytes">The whole file; not copied, not modified.</param>
    /// <param name="source">The file's path or a description, used in error messages.</param>
    /// <exception cref="ElfFormatException">Not ELF, not 64-bit little-endian, or a header points outside the file.</exception>
    public static ElfImage Parse(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(source);
        if (bytes.Length < 4 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new ElfFormatException($"{source} is not an ELF file (it does not start with 7F 45 4C 46, \"\\x7FELF\").");
        if (bytes.Length < FileHeaderSize)
            throw new ElfFormatException($"{source} is truncated: {bytes.Length} bytes, shorter than the 64-byte ELF64 header.");
        if (bytes[4] != 2)
            throw new ElfFormatException($"{source} is a {(bytes[4] == 1 ? "32-bit" : $"class-{bytes[4]}")} ELF file; only 64-bit (ELFCLASS64) is supported.");
        if (bytes[5] != 1)
            throw new ElfFormatException($"{source} is a big-endian (or data-{bytes[5]}) ELF file; only little-endian (ELFDATA2LSB) is supported.");

        ushort machine = U16(bytes, 18);
        ulong shoff = U64(bytes, 40);
        ushort shentsize = U16(bytes, 58);
        long count = U16(bytes, 60);
        long nameTable = U16(bytes, 62);
        if (shoff == 0) return new ElfImage(bytes, source, machine, Array.Empty<ElfSection>());
        if (shentsize != SectionHeaderSize)
            throw new ElfFormatException($"{source}: section header size is {shentsize} bytes, expected 64 for ELF64.");
        Require(bytes, source, shoff, SectionHeaderSize, "the first section header");
        var first = ReadSection(bytes, (long)shoff, "");
        if (count == 0) count = (long)first.Size;                // extended numbering: the count lives in section 0
        if (nameTable == 0xffff) nameTable = first.Link;          // SHN_XINDEX
        Require(bytes, source, shoff, (ulong)count * SectionHeaderSize, $"the section header table ({count} headers at offset {shoff})");

        var raw = new ElfSection[count];
        for (long i = 0; i < count; i++) raw[i] = ReadSection(bytes, (long)shoff + i * SectionHeaderSize, "");
        for (long i = 0; i < count; i++)
            if (raw[i].Type != ShtNobits && raw[i].Type != 0)
                Require(bytes, source, raw[i].Offset, raw[i].Size, $"section {i} (offset {raw[i].Offset}, {raw[i].Size} bytes)");
        if (nameTable >= count)
            throw new ElfFormatException($"{source}: the section-name table index {nameTable} is outside the {count} sections.");
        var sections = new ElfSection[count];
        for (long i = 0; i < count; i++)
            sections[i] = raw[i] with { Name = ReadString(bytes, source, raw[nameTable], raw[i].NameOffset, "section name") };
        return new ElfImage(bytes, source, machine, sections);
    }

    /// <summary>The machine as a readable name, e.g. "x86-64" or "AArch64 (arm64)".</summary>
    public string MachineName => NameOfMachine(Machine);

    /// <summary>An <c>e_machine</c> value as a readable name.</summary>
    public static string NameOfMachine(ushort machine) => machine switch
    {
        MachineX86_64 => "x86-64",
        MachineAArch64 => "AArch64 (arm64)",
        3 => "i386",
        40 => "ARM (32-bit)",
        243 => "RISC-V",
        _ => $"machine {machine}",
    };

    /// <summary>The version requirements (<c>.gnu.version_r</c>); empty when the image has none.</summary>
    /// <exception cref="ElfFormatException">A record, chain link or name lies outside the section or file.</exception>
    public IReadOnlyList<VersionNeed> VersionNeeds()
    {
        var section = Sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        if (section is null) return Array.Empty<VersionNeed>();
        var strings = LinkedSection(section, ShtStrtab);
        var needs = new List<VersionNeed>();
        long entry = (long)section.Offset, end = (long)(section.Offset + section.Size);
        for (uint i = 0; i < section.Info; i++)
        {
            RequireWithin(entry, NeedSize, end, $"version-need record {i}");
            ushort auxCount = U16(bytes, entry + 2);
            string file = ReadString(bytes, Source, strings, U32(bytes, entry + 4), $"file name of version-need record {i}");
            long aux = entry + U32(bytes, entry + 8);
            var versions = new List<VersionNeedAux>(auxCount);
            for (int j = 0; j < auxCount; j++)
            {
                RequireWithin(aux, AuxSize, end, $"version entry {j} of {file}");
                uint nameOffset = U32(bytes, aux + 8);
                versions.Add(new VersionNeedAux(
                    ReadString(bytes, Source, strings, nameOffset, $"name of version entry {j} of {file}"),
                    Hash: U32(bytes, aux), Flags: U16(bytes, aux + 4), Index: U16(bytes, aux + 6), nameOffset, FileOffset: aux));
                uint next = U32(bytes, aux + 12);
                if (next == 0 && j < auxCount - 1)
                    throw new ElfFormatException($"{Source}: the version entries of {file} end after {j + 1} of {auxCount}.");
                aux += next;
            }
            needs.Add(new VersionNeed(file, versions));
            uint nextNeed = U32(bytes, entry + 12);
            if (nextNeed == 0 && i < section.Info - 1)
                throw new ElfFormatException($"{Source}: .gnu.version_r ends after {i + 1} of {section.Info} records.");
            entry += nextNeed;
        }
        return needs;
    }

    /// <summary>
    /// The dynamic symbols that some relocation refers to and whose <c>.gnu.version</c> index is
    /// <paramref name="versionIndex"/>: the symbols the dynamic loader would actually resolve with that version.
    /// </summary>
    /// <exception cref="ElfFormatException">A relocation names a symbol outside the symbol table.</exception>
    public IReadOnlyList<string> RelocatedSymbolsWithVersion(ushort versionIndex)
    {
        var dynsym = Sections.FirstOrDefault(s => s.Type == ShtDynsym);
        var versym = Sections.FirstOrDefault(s => s.Type == ShtGnuVersym);
        if (dynsym is null || versym is null) return Array.Empty<string>();
        var strings = LinkedSection(dynsym, ShtStrtab);
        ulong symbols = dynsym.Size / 24;
        int dynsymIndex = IndexOf(dynsym);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rel in Sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link == dynsymIndex))
        {
            ulong size = rel.Type == ShtRela ? 24UL : 16UL;
            for (ulong at = rel.Offset; at + size <= rel.Offset + rel.Size; at += size)
            {
                ulong symbol = U64(bytes, (long)at + 8) >> 32;
                if (symbol == 0) continue;
                if (symbol >= symbols)
                    throw new ElfFormatException($"{Source}: a relocation in {rel.Name} names symbol {symbol}, but .dynsym has {symbols}.");
                if (versym.Offset + symbol * 2 + 2 > versym.Offset + versym.Size)
                    throw new ElfFormatException($"{Source}: .gnu.version has no entry for symbol {symbol}.");
                if ((U16(bytes, (long)(versym.Offset + symbol * 2)) & 0x7fff) != versionIndex) continue;
                found.Add(ReadString(bytes, Source, strings, U32(bytes, (long)(dynsym.Offset + symbol * 24)), $"name of symbol {symbol}"));
            }
        }
        return found.ToArray();
    }

    /// <summary>
    /// The SysV ELF hash of a name (gABI "Hash Table"), the value stored in <c>vna_hash</c> and <c>vd_hash</c>:
    /// h = (h &lt;&lt; 4) + c for each byte, folding the top nibble back in.
    /// </summary>
    public static uint Hash(string name)
    {
        uint h = 0;
        foreach (byte c in Encoding.UTF8.GetBytes(name))
        {
            h = (h << 4) + c;
            uint g = h & 0xf0000000;
            if (g != 0) h ^= g >> 24;
            h &= ~g;
        }
        return h;
    }

    private int IndexOf(ElfSection section)
    {
        for (int i = 0; i < Sections.Count; i++) if (ReferenceEquals(Sections[i], section)) return i;
        return -1;
    }

    private ElfSection LinkedSection(ElfSection section, uint expectedType)
    {
        if (section.Link >= Sections.Count || Sections[(int)section.Link].Type != expectedType)
            throw new ElfFormatException($"{Source}: {section.Name} links to section {section.Link}, which is not a string table.");
        return Sections[(int)section.Link];
    }

    private void RequireWithin(long offset, long length, long end, string what)
    {
        if (offset < 0 || offset + length > end || offset + length > bytes.Length)
            throw new ElfFormatException($"{Source}: {what} at offset {offset} lies outside its section or the file ({bytes.Length} bytes): truncated or corrupt.");
    }

    private static void Require(byte[] bytes, string source, ulong offset, ulong length, string what)
    {
        if (offset > (ulong)bytes.Length || length > (ulong)bytes.Length - offset)
            throw new ElfFormatException($"{source} is truncated or corrupt: {what} runs past the end of the file ({bytes.Length} bytes).");
    }

    private static ElfSection ReadSection(byte[] b, long at, string name) => new(
        name, NameOffset: U32(b, at), Type: U32(b, at + 4), Offset: U64(b, at + 24), Size: U64(b, at + 32),
        Link: U32(b, at + 40), Info: U32(b, at + 44));

    private static string ReadString(byte[] b, string source, ElfSection table, uint offset, string what)
    {
        if (offset >= table.Size)
            throw new ElfFormatException($"{source}: the {what} (offset {offset}) is outside its string table ({table.Size} bytes).");
        var span = b.AsSpan((int)(table.Offset + offset), (int)(table.Size - offset));
        int end = span.IndexOf((byte)0);
        if (end < 0) throw new ElfFormatException($"{source}: the {what} (offset {offset}) is not NUL-terminated.");
        return Encoding.UTF8.GetString(span[..end]);
    }

    private static ushort U16(byte[] b, long at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)at, 2));
    private static uint U32(byte[] b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)at, 4));
    private static ulong U64(byte[] b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan((int)at, 8));
}

/// <summary>One section header (the fields the kit uses).</summary>
/// <param name="Name">From the section-name string table, e.g. <c>.gnu.version_r</c>.</param>
/// <param name="NameOffset"><c>sh_name</c>.</param>
/// <param name="Type"><c>sh_type</c>.</param>
/// <param name="Offset"><c>sh_offset</c>: where the contents start in the file.</param>
/// <param name="Size"><c>sh_size</c> in bytes.</param>
/// <param name="Link"><c>sh_link</c>: for version and symbol sections, the index of their string table.</param>
/// <param name="Info"><c>sh_info</c>: for <c>.gnu.version_r</c>, the number of records.</param>
public sealed record ElfSection(string Name, uint NameOffset, uint Type, ulong Offset, ulong Size, uint Link, uint Info);
