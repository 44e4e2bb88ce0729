using NeuralNotebooks.Torch.NativeLoading;
using NeuralNotebooks.Torch.Tests.Support;

namespace NeuralNotebooks.Torch.Tests.NativeLoading;

public sealed class VersionRequirementRewriteTests
{
    private static VersionRewrite Rewrite(byte[] image, string source = "lib.so") =>
        VersionRequirementRewrite.Apply(image, source, "libstdc++.so.6", "GLIBCXX_3.4.32", "GLIBCXX_3.4.30");

    [Fact]
    public void Rewrites_the_shipped_shims_GLIBCXX_3_4_32_entry_to_3_4_30_in_three_bytes()
    {
        byte[] shipped = ShippedShim.Image;
        var result = Rewrite(shipped, ShippedShim.PathInPackage);
        Assert.Equal(VersionRewriteOutcome.Rewritten, result.Outcome);
        Assert.Equal(3, result.BytesChanged);
        Assert.Equal(shipped.Length, result.Image.Length);
        int differing = shipped.Zip(result.Image).Count(p => p.First != p.Second);
        Assert.Equal(3, differing);

        var cxx = ElfImage.Parse(result.Image, "rewritten").VersionNeeds().Single(n => n.File == "libstdc++.so.6").Versions;
        Assert.DoesNotContain(cxx, v => v.Name == "GLIBCXX_3.4.32");
        var before = ElfImage.Parse(shipped, "shipped").VersionNeeds().Single(n => n.File == "libstdc++.so.6").Versions;
        var rewritten = cxx[7];                                       // the same entry: index, flags and position kept
        Assert.Equal((before[7].Index, before[7].Flags, before[7].FileOffset), (rewritten.Index, rewritten.Flags, rewritten.FileOffset));
        Assert.Equal((before[0].Name, before[0].Hash, before[0].NameOffset), (rewritten.Name, rewritten.Hash, rewritten.NameOffset));
        Assert.Equal(before.Where((_, i) => i != 7), cxx.Where((_, i) => i != 7));
    }

    [Fact]
    public void Is_idempotent_and_never_modifies_its_input()
    {
        byte[] shipped = ShippedShim.Image;
        byte[] copy = (byte[])shipped.Clone();
        var first = Rewrite(shipped);
        Assert.Equal(copy, shipped);
        var second = Rewrite(first.Image);
        Assert.Equal(VersionRewriteOutcome.NotRequired, second.Outcome);
        Assert.Same(first.Image, second.Image);
        Assert.Equal(0, second.BytesChanged);
    }

    [Fact]
    public void Does_nothing_when_there_is_no_GLIBCXX_3_4_32_entry()
    {
        byte[] image = TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.29"]);
        var result = Rewrite(image);
        Assert.Equal(VersionRewriteOutcome.NotRequired, result.Outcome);
        Assert.Same(image, result.Image);
        Assert.Equal(VersionRewriteOutcome.NotRequired, Rewrite(TinyElf.Build("libc.so.6", ["GLIBCXX_3.4.32"])).Outcome);  // another library's
    }

    [Fact]
    public void Rewrites_a_small_image_the_same_way()
    {
        var result = Rewrite(TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"]));
        Assert.Equal(VersionRewriteOutcome.Rewritten, result.Outcome);
        var versions = ElfImage.Parse(result.Image, "tiny").VersionNeeds()[0].Versions;
        Assert.Equal(["GLIBCXX_3.4.30", "GLIBCXX_3.4.30"], versions.Select(v => v.Name));
        Assert.Equal([(ushort)2, (ushort)3], versions.Select(v => v.Index));
    }

    [Fact]
    public void Refuses_when_there_is_no_GLIBCXX_3_4_30_entry_to_reuse()
    {
        var e = Assert.Throws<ElfFormatException>(() => Rewrite(TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.29", "GLIBCXX_3.4.32"])));
        Assert.Equal("lib.so requires GLIBCXX_3.4.32 from libstdc++.so.6 but not GLIBCXX_3.4.30, so there is no entry to reuse.", e.Message);
    }

    [Fact]
    public void Refuses_when_a_relocation_uses_the_rewritten_version()
    {
        var image = TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"], relocatedVersionIndex: 3);
        var e = Assert.Throws<ElfFormatException>(() => Rewrite(image));
        Assert.Equal("lib.so: relocations use GLIBCXX_3.4.32 (symbols _ZSt21ios_base_library_initv); rewriting the requirement would break them.", e.Message);
    }

    [Fact]
    public void Refuses_another_architecture()
    {
        var image = TinyElf.Build("libstdc++.so.6", ["GLIBCXX_3.4.30", "GLIBCXX_3.4.32"], machine: ElfImage.MachineAArch64);
        var e = Assert.Throws<ElfFormatException>(() => Rewrite(image, "arm.so"));
        Assert.Equal("arm.so is built for AArch64 (arm64), not x86-64: refusing to rewrite it.", e.Message);
    }

    [Fact]
    public void Refuses_non_ELF_and_truncated_input()
    {
        Assert.Contains("is not an ELF file", Assert.Throws<ElfFormatException>(() => Rewrite("not a library"u8.ToArray())).Message);
        byte[] shim = ShippedShim.Image;
        Assert.Contains("truncated", Assert.Throws<ElfFormatException>(() => Rewrite(shim[..(shim.Length - 100)])).Message);
    }
}
