using System.Text;
using NeuralNotebooks.Runner.Notebooks;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>The reader refuses what it could only read by guessing: bytes that are not UTF-8, a key given twice.</summary>
public class StrictReadingTests
{
    private const string Empty = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": []}";

    [Fact]
    public void Invalid_utf8_is_an_error_naming_the_file_and_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Empty.Replace("{}", "{\"a\": \"caf\u00e9\"}"));
        int at = bytes.AsSpan().IndexOf("\u00e9"u8);
        bytes[at + 1] = (byte)'x'; // a lead byte without its continuation
        var path = Path.Combine(TestNotebooks.NewFolder(), "bad.ipynb");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(path));
        Assert.Equal($"{path}: not valid UTF-8 at byte offset {at} (byte 0xC3); a notebook must be UTF-8 text.", e.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_offsets_count_it()
    {
        Assert.Equal(Empty, NotebookReader.DecodeUtf8([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Empty)]));
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.DecodeUtf8([0xEF, 0xBB, 0xBF, (byte)'{', 0xFF], "x.ipynb"));
        Assert.Contains("byte offset 4 (byte 0xFF)", e.Message);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(Empty.Replace("\"metadata\": {}", "\"metadata\": {\"x\": 1, \"x\": 2}"), "dup.ipynb"));
        Assert.StartsWith("dup.ipynb: not valid JSON", e.Message);
        Assert.Contains("'x'", e.Message);
    }
}
