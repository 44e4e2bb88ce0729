using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NeuralNotebooks.Datasets;

/// <summary>
/// Checks the SHA-256 of decompressed file content against the manifest, remembering files already verified.
/// </summary>
/// <remarks>
/// A success is cached per (full path, file length, last write time, expected hash), taken before the file is read,
/// so loading the same unchanged file again in the same process skips the hash; touching or replacing the file
/// changes the key. Failures are never cached.
/// </remarks>
internal static class ContentVerifier
{
    private static readonly ConcurrentDictionary<Key, bool> Verified = new();

    /// <summary>Identifies one version of one file: where it is, its length and last write time, what it must hash to.</summary>
    internal readonly record struct Key(string FullPath, long Length, long LastWriteTicks, string ExpectedHash)
    {
        /// <summary>Takes the stamp of <paramref name="fullPath"/> now; call it before reading the file.</summary>
        internal static Key Of(string fullPath, string expectedHash)
        {
            var info = new FileInfo(fullPath);
            return new Key(fullPath, info.Length, info.LastWriteTimeUtc.Ticks, expectedHash);
        }
    }

    /// <summary>Whether this exact file version was already verified in this process.</summary>
    internal static bool IsVerified(Key key) => Verified.ContainsKey(key);

    /// <summary>The SHA-256 of <paramref name="content"/> as 64 lowercase hex digits.</summary>
    internal static string Hash(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>
    /// Records the file as verified when <paramref name="actualHash"/> equals the expected one; throws otherwise.
    /// A <c>null</c> <paramref name="actualHash"/> means "already verified" (see <see cref="IsVerified"/>).
    /// </summary>
    /// <exception cref="DatasetException">The hashes differ (<see cref="DatasetErrorKind.ChecksumMismatch"/>).</exception>
    internal static void Accept(Key key, string relativePath, string? actualHash)
    {
        if (actualHash is null) return;
        if (actualHash != key.ExpectedHash)
            throw new DatasetException(DatasetErrorKind.ChecksumMismatch,
                $"'{key.FullPath}' is damaged or not the official file: the SHA-256 of its decompressed content is {actualHash} " +
                $"but {DatasetManifest.FileName} expects {key.ExpectedHash} for '{relativePath}'. Re-fetch it (see data/README.md).",
                key.FullPath);
        Verified[key] = true;
    }
}
