using System.Security.Cryptography;
using NeuralNotebooks.IO;

namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// The per-user folder where the kit keeps rewritten copies of TorchSharp's shim:
/// <c>$XDG_CACHE_HOME/neuralnotebooks/torchsharp-shim/&lt;SHA-256 of the original, 16 hex digits&gt;/libLibTorchSharp.so</c>
/// (<c>~/.cache/…</c> when <c>XDG_CACHE_HOME</c> is unset).
/// </summary>
/// <remarks>
/// Keyed by the original's content, so another TorchSharp version gets its own copy. A copy whose bytes already equal
/// the rewrite is reused; otherwise the new bytes are written with the kit's one atomic-write helper
/// (<see cref="AtomicFile"/>: a temporary file in the same folder renamed over the final name), so concurrent processes
/// (parallel test runs) never see a half-written library.
/// </remarks>
internal static class RewrittenShimCache
{
    /// <summary>Writes (or reuses) the rewritten copy of <paramref name="original"/> and returns its path.</summary>
    /// <exception cref="IOException">The cache folder cannot be created or written; the message names it.</exception>
    public static string Store(byte[] original, byte[] rewritten)
    {
        string key = Convert.ToHexString(SHA256.HashData(original))[..16].ToLowerInvariant();
        string folder = Path.Combine(Root(), "torchsharp-shim", key);
        string path = Path.Combine(folder, NativeFileLocator.ShimFile);
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(rewritten)) return path;
            AtomicFile.WriteAllBytes(path, rewritten);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Could not write the rewritten TorchSharp shim to {folder} ({e.Message}). " +
                                  "Set XDG_CACHE_HOME to a writable folder.", e);
        }
    }

    /// <summary><c>$XDG_CACHE_HOME/neuralnotebooks</c>, or <c>~/.cache/neuralnotebooks</c>.</summary>
    internal static string Root()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "neuralnotebooks");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
            throw new IOException("Neither XDG_CACHE_HOME nor a home folder is set, so there is no cache folder for the rewritten TorchSharp shim.");
        return Path.Combine(home, ".cache", "neuralnotebooks");
    }
}
