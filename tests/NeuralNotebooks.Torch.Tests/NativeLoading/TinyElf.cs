using System.Buffers.Binary;
using System.Text;
using NeuralNotebooks.Torch.NativeLoading;

namespace NeuralNotebooks.Torch.Tests.NativeLoading;

/// <summary>
/// Builds small, valid ELF64 little-endian images for the reader and rewrite tests: a <c>.dynstr</c>, a
/// <c>.gnu.version_r</c> with the given requirements, and (optionally) one dynamic symbol with a version index and a
/// relocation against it. Section layout: [0] null, [1] .shstrtab, [2] .dynstr, [3] .gnu.version_r, [4] .dynsym,
/// [5] .gnu.version, [6] .rela.dyn.
/// </summary>
internal static class TinyElf
{
    /// <summary>An image requiring <paramref name="versions"/> from <paramref name="library"/> (version indexes 2, 3, …).</summary>
    /// <param name="relocatedVersionIndex">When set, a relocation refers to a symbol of that version index.</param>
    public static byte[] Build(string library, string[] versions, ushort machine = ElfImage.MachineX86_64, ushort? relocatedVersionIndex = null)
    {
        var dynstr = new List<byte> { 0 };
        uint Add(string s) { uint at = (uint)dynstr.Count; dynstr.AddRange(Encoding.UTF8.GetBytes(s)); dynstr.Add(0); return at; }
        uint fileName = Add(library);
        uint symbolName = Add("_ZSt21ios_base_library_initv");
        var names = versions.Select(Add).ToArray();

        var verneed = new byte[16 + 16 * versions.Length];
        W16(verneed, 0, 1); W16(verneed, 2, (ushort)versions.Length); W32(verneed, 4, fileName); W32(verneed, 8, 16); W32(verneed, 12, 0);
        for (int i = 0; i < versions.Length; i++)
        {
            int at = 16 + 16 * i;
            W32(verneed, at, ElfImage.Hash(versions[i]));
            W16(verneed, at + 6, (ushort)(2 + i));
            W32(verneed, at + 8, names[i]);
            W32(verneed, at + 12, i == versions.Length - 1 ? 0u : 16u);
        }
        var dynsym = new byte[48];                                   // symbol 0 (null) and symbol 1
        W32(dynsym, 24, symbolName);
        dynsym[24 + 4] = 0x12;                                       // STB_GLOBAL, STT_FUNC, undefined
        var versym = new byte[4];
        W16(versym, 2, relocatedVersionIndex ?? 1);                  // 1 = global (no version) when not relocated
        var rela = new byte[relocatedVersionIndex is null ? 0 : 24];
        if (relocatedVersionIndex is not null) W64(rela, 8, (1UL << 32) | 6);   // symbol 1, R_X86_64_GLOB_DAT

        var shstr = new List<byte> { 0 };
        uint Name(string s) { uint at = (uint)shstr.Count; shstr.AddRange(Encoding.ASCII.GetBytes(s)); shstr.Add(0); return at; }
        var sections = new (uint Name, uint Type, byte[] Data, uint Link, uint Info)[]
        {
            (Name(".shstrtab"), 3, [], 0, 0),
            (Name(".dynstr"), 3, dynstr.ToArray(), 0, 0),
            (Name(".gnu.version_r"), 0x6ffffffe, verneed, 2, 1),
            (Name(".dynsym"), 11, dynsym, 2, 1),
            (Name(".gnu.version"), 0x6fffffff, versym, 4, 0),
            (Name(".rela.dyn"), 4, rela, 4, 0),
        };
        sections[0].Data = shstr.ToArray();

        var body = new List<byte>(new byte[64]);
        var offsets = new long[sections.Length];
        for (int i = 0; i < sections.Length; i++)
        {
            while (body.Count % 8 != 0) body.Add(0);
            offsets[i] = body.Count;
            body.AddRange(sections[i].Data);
        }
        while (body.Count % 8 != 0) body.Add(0);
        long shoff = body.Count;
        var image = new byte[shoff + 64 * (sections.Length + 1)];
        body.CopyTo(image);
        image[0] = 0x7f; image[1] = (byte)'E'; image[2] = (byte)'L'; image[3] = (byte)'F';
        image[4] = 2; image[5] = 1; image[6] = 1;
        W16(image, 16, 3);                                           // ET_DYN
        W16(image, 18, machine);
        W32(image, 20, 1);
        W64(image, 40, (ulong)shoff);
        W16(image, 52, 64); W16(image, 58, 64); W16(image, 60, (ushort)(sections.Length + 1)); W16(image, 62, 1);
        for (int i = 0; i < sections.Length; i++)
        {
            int at = (int)shoff + 64 * (i + 1);
            W32(image, at, sections[i].Name);
            W32(image, at + 4, sections[i].Type);
            W64(image, at + 24, (ulong)offsets[i]);
            W64(image, at + 32, (ulong)sections[i].Data.Length);
            W32(image, at + 40, sections[i].Link);
            W32(image, at + 44, sections[i].Info);
            W64(image, at + 56, sections[i].Type == 11 || sections[i].Type == 4 ? 24UL : 0UL);
        }
        return image;
    }

    private static void W16(byte[] b, int at, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), v);
    private static void W32(byte[] b, int at, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), v);
    private static void W64(byte[] b, int at, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(at), v);
}
