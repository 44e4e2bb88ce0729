using NeuralNotebooks.Torch.NativeLoading;
using NeuralNotebooks.Torch.Tests.Support;

namespace NeuralNotebooks.Torch.Tests.NativeLoading;

public sealed class ElfImageTests
{
    [Fact]
    public void Reads_the_version_requirements_of_the_shipped_shim_as_readelf_lists_them()
    {
        // Reference: `readelf -V libLibTorchSharp.so` of TorchSharp 0.107.0 (5 records; libstdc++'s 20 entries).
        var elf = ElfImage.Parse(ShippedShim.Image, ShippedShim.PathInPackage);
        Assert.Equal(ElfImage.MachineX86_64, elf.Machine);
        Assert.Equal(31, elf.Sections.Count);
        Assert.Contains(elf.Sections, s => s.Name == ".gnu.version_r" && s.Offset == 0x3f8f0 && s.Size == 0x210);
        var needs = elf.VersionNeeds();
        Assert.Equal(["ld-linux-x86-64.so.2", "libm.so.6", "libgcc_s.so.1", "libc.so.6", "libstdc++.so.6"], needs.Select(n => n.File));
        var cxx = needs[4].Versions;
        Assert.Equal(20, cxx.Count);
        Assert.Equal(("GLIBCXX_3.4.30", (ushort)29), (cxx[0].Name, cxx[0].Index));
        Assert.Equal(("GLIBCXX_3.4.32", (ushort)18), (cxx[7].Name, cxx[7].Index));
        Assert.Equal(("GLIBCXX_3.4", (ushort)2), (cxx[19].Name, cxx[19].Index));
        Assert.Equal(["GLIBC_2.14", "GLIBC_2.34", "GLIBC_2.32", "GLIBC_2.4", "GLIBC_2.2.5"], needs[3].Versions.Select(v => v.Name));
    }

    [Fact]
    public void Hash_matches_the_linkers_hash_of_every_required_version()
    {
        var needs = ElfImage.Parse(ShippedShim.Image, "shim").VersionNeeds();
        foreach (var v in needs.SelectMany(n => n.Versions))
            Assert.True(ElfImage.Hash(v.Name) == v.Hash, $"{v.Name}: computed 0x{ElfImage.Hash(v.Name):x8}, file has 0x{v.Hash:x8}");
        Assert.Equal(0u, ElfImage.Hash(""));
    }

    [Fact]
    public void The_only_GLIBCXX_3_4_32_symbol_of_the_shipped_shim_is_not_relocated()
    {
        var elf = ElfImage.Parse(ShippedShim.Image, "shim");
        Assert.Empty(elf.RelocatedSymbolsWithVersion(18));           // GLIBCXX_3.4.32
        Assert.NotEmpty(elf.RelocatedSymbolsWithVersion(29));        // GLIBCXX_3.4.30 is used: the check can see relocations
    }

    [Fact]
    public void Relocated_symbols_are_found_by_version_index()
    {
        var elf = ElfImage.Parse(TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"], relocatedVersionIndex: 3), "tiny");
        Assert.Equal(["_ZSt21ios_base_library_initv"], elf.RelocatedSymbolsWithVersion(3));
        Assert.Empty(elf.RelocatedSymbolsWithVersion(2));
    }

    [Fact]
    public void Refuses_a_file_that_is_not_ELF()
    {
        var e = Assert.Throws<ElfFormatException>(() => ElfImage.Parse("#!/bin/sh\necho hello\n"u8.ToArray(), "script.sh"));
        Assert.Equal("script.sh is not an ELF file (it does not start with 7F 45 4C 46, \"\\x7FELF\").", e.Message);
        Assert.Contains("not an ELF file", Assert.Throws<ElfFormatException>(() => ElfImage.Parse([], "empty.so")).Message);
    }

    [Fact]
    public void Refuses_32_bit_and_big_endian_files()
    {
        var image = TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30"]);
        image[4] = 1;
        Assert.Contains("32-bit ELF file; only 64-bit", Assert.Throws<ElfFormatException>(() => ElfImage.Parse(image, "x.so")).Message);
        image[4] = 2;
        image[5] = 2;
        Assert.Contains("big-endian", Assert.Throws<ElfFormatException>(() => ElfImage.Parse(image, "x.so")).Message);
    }

    [Fact]
    public void Refuses_truncated_files_naming_what_runs_past_the_end()
    {
        byte[] shim = ShippedShim.Image;
        var header = Assert.Throws<ElfFormatException>(() => ElfImage.Parse(shim[..40], "cut.so"));
        Assert.Equal("cut.so is truncated: 40 bytes, shorter than the 64-byte ELF64 header.", header.Message);
        var table = Assert.Throws<ElfFormatException>(() => ElfImage.Parse(shim[..(shim.Length / 2)], "half.so"));
        Assert.Contains("half.so is truncated or corrupt: the first section header runs past the end of the file", table.Message);
        var lastHeader = Assert.Throws<ElfFormatException>(() => ElfImage.Parse(shim[..^10], "short.so"));
        Assert.Contains("the section header table (31 headers", lastHeader.Message);
    }

    [Fact]
    public void Refuses_a_version_chain_that_ends_early()
    {
        var image = TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"]);
        var elf = ElfImage.Parse(image, "tiny");
        var last = elf.VersionNeeds()[0].Versions[1];
        long firstAux = last.FileOffset - 16;
        image[firstAux + 12] = 0;                                     // first entry's vna_next = 0, but vn_cnt says 2
        var e = Assert.Throws<ElfFormatException>(() => ElfImage.Parse(image, "tiny").VersionNeeds());
        Assert.Equal("tiny: the version entries of libstdc++.so.6 end after 1 of 2.", e.Message);
    }

    [Fact]
    public void Refuses_a_version_record_pointing_outside_its_section()
    {
        var image = TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30"]);
        var section = ElfImage.Parse(image, "tiny").Sections.Single(s => s.Name == ".gnu.version_r");
        image[section.Offset + 8] = 0xf0;                             // vn_aux far past the section
        var e = Assert.Throws<ElfFormatException>(() => ElfImage.Parse(image, "tiny").VersionNeeds());
        Assert.Contains("version entry 0 of libstdc++.so.6", e.Message);
        Assert.Contains("lies outside its section or the file", e.Message);
    }
}
