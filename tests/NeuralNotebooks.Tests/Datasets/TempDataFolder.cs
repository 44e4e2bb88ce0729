using System.Buffers.Binary;
using System.IO.Compression;
using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

/// <summary>A throw-away data folder in the temp directory, optionally filled with copies of the repository's data.</summary>
internal sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "nn-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder (holds SHA256SUMS when copied).</summary>
    public string Root { get; }

    /// <summary>The repository's data folder, found the library's own way (the tests run under its bin/).</summary>
    public static string RepositoryData => DataDirectory.Find();

    /// <summary>A folder with the repository's manifest and the .gz files of one dataset folder.</summary>
    public static TempDataFolder CopyOf(string datasetFolder)
    {
        var temp = new TempDataFolder();
        File.Copy(Path.Combine(RepositoryData, DatasetManifest.FileName), Path.Combine(temp.Root, DatasetManifest.FileName));
        Directory.CreateDirectory(Path.Combine(temp.Root, datasetFolder));
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryData, datasetFolder), "*.gz"))
            File.Copy(file, Path.Combine(temp.Root, datasetFolder, Path.GetFileName(file)));
        return temp;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces <c>relative.gz</c> by the raw file <c>relative</c>, after <paramref name="change"/> edits its bytes.</summary>
    public string Rewrite(string relative, Func<byte[], byte[]> change)
    {
        string gz = PathOf(relative + ".gz");
        byte[] content = IdxReader.ReadAllBytes(gz);
        File.Delete(gz);
        string raw = PathOf(relative);
        File.WriteAllBytes(raw, change(content));
        return raw;
    }

    public static byte[] WithInt32(byte[] content, int offset, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(content.AsSpan(offset), value);
        return content;
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
