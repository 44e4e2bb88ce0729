using System.Security.Cryptography;
using System.Text;

namespace NeuralNotebooks.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 signatures of Jupyter messages: the hex digest of header, parent header, metadata and content, keyed with
/// the connection file's key.
/// </summary>
/// <remarks>
/// <para>Verification compares in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>) and refuses a
/// signature seen before (a replayed message), as jupyter_client's Session does. With an empty key nothing is signed and
/// every message is accepted (the protocol's "no authentication").</para>
/// </remarks>
public sealed class MessageSigner
{
    private const int HistoryLimit = 1 << 16;
    private readonly byte[] _key;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Signs with <paramref name="key"/> (UTF-8); empty: no signing.</summary>
    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key ?? "");

    /// <summary>True when messages are signed.</summary>
    public bool IsEnabled => _key.Length > 0;

    /// <summary>The lowercase hex signature of the four frames, or "" without a key.</summary>
    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled) return "";
        return Convert.ToHexStringLower(Digest(header, parentHeader, metadata, content));
    }

    /// <summary>True when <paramref name="signature"/> is the right one for the frames and was not seen before.</summary>
    public bool Verify(string signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled) return true;
        byte[] given;
        try { given = Convert.FromHexString(signature); }
        catch (FormatException) { return false; }
        var expected = Digest(header, parentHeader, metadata, content);
        if (!CryptographicOperations.FixedTimeEquals(given, expected)) return false;
        lock (_seen)
        {
            if (!_seen.Add(signature)) return false;
            _order.Enqueue(signature);
            if (_order.Count > HistoryLimit) _seen.Remove(_order.Dequeue());
        }
        return true;
    }

    private byte[] Digest(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }
}
