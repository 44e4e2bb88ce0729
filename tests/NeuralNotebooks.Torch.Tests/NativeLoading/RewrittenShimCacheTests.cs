using NeuralNotebooks.Torch.NativeLoading;

namespace NeuralNotebooks.Torch.Tests.NativeLoading;

/// <summary>The per-user cache of rewritten shims (the tests in this assembly run one at a time, so XDG_CACHE_HOME may change).</summary>
public sealed class RewrittenShimCacheTests
{
    [Fact]
    public void Stores_under_XDG_CACHE_HOME_keyed_by_the_original_reuses_an_equal_copy_and_replaces_a_damaged_one()
    {
        using var cache = new TempFolder();
        string? before = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache.Path);
        try
        {
            byte[] original = [1, 2, 3, 4], rewritten = [1, 2, 9, 4];
            string path = RewrittenShimCache.Store(original, rewritten);
            Assert.Equal(Path.Combine(cache.Path, "neuralnotebooks", "torchsharp-shim", "9f64a747e1b97f13", "libLibTorchSharp.so"), path);
            Assert.Equal(rewritten, File.ReadAllBytes(path));
            var written = File.GetLastWriteTimeUtc(path);

            Assert.Equal(path, RewrittenShimCache.Store(original, rewritten));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));            // reused, not rewritten

            File.WriteAllBytes(path, [1, 2]);                                 // e.g. a damaged copy
            Assert.Equal(path, RewrittenShimCache.Store(original, rewritten));
            Assert.Equal(rewritten, File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary files left

            Assert.NotEqual(path, RewrittenShimCache.Store([5, 6], rewritten));   // another original, another folder
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", before);
        }
    }
}
