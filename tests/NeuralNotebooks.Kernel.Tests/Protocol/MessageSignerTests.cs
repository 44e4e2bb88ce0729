using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NeuralNotebooks.Kernel.Protocol;

namespace NeuralNotebooks.Kernel.Tests.Protocol;

public class MessageSignerTests
{
    private static readonly byte[] H = "{\"msg_id\":\"1\"}"u8.ToArray(), P = "{}"u8.ToArray(), M = "{}"u8.ToArray(), C = "{\"code\":\"1\"}"u8.ToArray();

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_the_four_frames()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("k"));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(H.Concat(P).Concat(M).Concat(C).ToArray()));
        Assert.Equal(expected, new MessageSigner("k").Sign(H, P, M, C));
    }

    [Fact]
    public void A_right_signature_passes_once_and_a_replay_or_a_wrong_one_does_not()
    {
        var signer = new MessageSigner("k");
        var signature = new MessageSigner("k").Sign(H, P, M, C);
        Assert.True(signer.Verify(signature, H, P, M, C));
        Assert.False(signer.Verify(signature, H, P, M, C)); // replayed
        Assert.False(signer.Verify(new MessageSigner("other").Sign(H, P, M, C), H, P, M, C));
        Assert.False(signer.Verify("not hex", H, P, M, C));
        Assert.False(signer.Verify("", H, P, M, C));
        Assert.False(signer.Verify(new MessageSigner("k").Sign(H, P, M, "{}"u8.ToArray()), H, P, M, C)); // content changed
    }

    [Fact]
    public void Without_a_key_nothing_is_signed_and_everything_is_accepted()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.IsEnabled);
        Assert.Equal("", signer.Sign(H, P, M, C));
        Assert.True(signer.Verify("", H, P, M, C));
    }

    [Fact]
    public void Wire_frames_round_trip_and_keep_identities_and_buffers()
    {
        var signer = new MessageSigner("k");
        var message = new JupyterMessage(new[] { "client"u8.ToArray() }, JupyterMessage.NewHeader("execute_request", "s"), new JsonObject(),
            new JsonObject { ["m"] = 1 }, new JsonObject { ["code"] = "1+1" }, new[] { new byte[] { 1, 2 } });
        var frames = WireFormat.Encode(message, signer);
        Assert.Equal("client"u8.ToArray(), frames[0]);
        Assert.Equal("<IDS|MSG>"u8.ToArray(), frames[1]);
        var back = WireFormat.Decode(frames, new MessageSigner("k"));
        Assert.Equal("execute_request", back.MsgType);
        Assert.Equal("1+1", (string?)back.Content["code"]);
        Assert.Equal(new byte[] { 1, 2 }, Assert.Single(back.Buffers));
        Assert.Equal("client"u8.ToArray(), Assert.Single(back.Identities));
    }

    [Theory]
    [InlineData("no-delimiter", "no <IDS|MSG> delimiter frame")]
    [InlineData("short", "at least 5 expected")]
    [InlineData("not-json", "header is not valid JSON")]
    [InlineData("bad-signature", "bad or replayed signature")]
    public void Malformed_frames_are_refused_with_the_reason(string kind, string reason)
    {
        var signer = new MessageSigner("k");
        var ok = WireFormat.Encode(new JupyterMessage(Array.Empty<byte[]>(), JupyterMessage.NewHeader("x", "s"), new(), new(), new()), signer);
        List<byte[]> frames = kind switch
        {
            "no-delimiter" => ok.Skip(1).ToList(),
            "short" => ok.Take(4).ToList(),
            "not-json" => new List<byte[]> { ok[0], Encoding.ASCII.GetBytes(signer.Sign("{"u8, ok[3], ok[4], ok[5])), "{"u8.ToArray(), ok[3], ok[4], ok[5] },
            _ => new List<byte[]> { ok[0], Encoding.ASCII.GetBytes(new string('0', 64)), ok[2], ok[3], ok[4], ok[5] },
        };
        var e = Assert.Throws<InvalidMessageException>(() => WireFormat.Decode(frames, new MessageSigner("k")));
        Assert.Contains(reason, e.Message);
    }
}
