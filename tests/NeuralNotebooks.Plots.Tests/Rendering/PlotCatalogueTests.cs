using System.Runtime.Versioning;
using NeuralNotebooks.IO;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>
/// The catalogue of bad inputs and failures when saving a chart — each named, with the error it must give — and the
/// atomic write of <see cref="Plot.SavePng"/>: the old picture stays whole until the new one is complete beside it.
/// </summary>
/// <remarks>A fake Chromium (a shell script printing the DOM plotly.js would leave) stands in for the browser, so these
/// run without one; <see cref="BrowserTests"/> take real pictures.</remarks>
[UnsupportedOSPlatform("windows")]
public sealed class PlotCatalogueTests : IDisposable
{
    private static readonly byte[] OldPicture = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 1, 1];
    private static readonly byte[] NewPicture = [0x89, (byte)'P', (byte)'N', (byte)'G', 2, 2, 2, 2, 2];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nn-plot-catalogue-" + Guid.NewGuid().ToString("N"));

    private IDisposable? _search;

    public PlotCatalogueTests() => Directory.CreateDirectory(_folder);

    /// <summary>Until the test ends, this test's thread (and its async code) looks for Chromium only at <paramref name="place"/>.</summary>
    private void SearchOnly(string place)
    {
        _search?.Dispose();
        _search = Chromium.SearchOnly(place);
    }

    public void Dispose()
    {
        _search?.Dispose();
        AtomicFile.BeforeReplace.Value = null;
        Directory.Delete(_folder, recursive: true);
    }

    private static Plot Sample() => Charts.ConfusionMatrix(new[,] { { 3, 1 }, { 0, 4 } }, new[] { "no", "yes" });

    /// <summary>Uses, on this test's thread only, a fake Chromium that prints <paramref name="stdout"/> and exits with <paramref name="exitCode"/>.</summary>
    private void FakeChromium(string stdout, int exitCode = 0, string stderr = "")
    {
        string script = Path.Combine(_folder, "fake-chromium.sh");
        File.WriteAllText(script, $"#!/bin/sh\nprintf '%s' '{stdout}'\nprintf '%s' '{stderr}' >&2\nexit {exitCode}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        SearchOnly(script);
    }

    private static string PictureDom(byte[] png) =>
        $"<html><body><pre id=\"picture-0\">data:image/png;base64,{Convert.ToBase64String(png)}</pre></body></html>";

    private string OldPng()
    {
        string path = Path.Combine(_folder, "chart.png");
        File.WriteAllBytes(path, OldPicture);
        return path;
    }

    public static TheoryData<string> Names => new(
    [
        "an empty path",
        "a blank path",
        "a width of 49 pixels",
        "a height of 8001 pixels",
        "no Chromium installed",
        "Chromium exits with an error",
        "plotly.js draws no picture",
        "plotly.js reports an error",
        "the target's folder is a file",
        "the target is a folder",
    ]);

    private (Action Act, Type Error, string? Param, string[] Message) Build(string name, string oldPng) => name switch
    {
        "an empty path" => (() => Sample().SavePng(""), typeof(ArgumentException), "path", ["path must name a file"]),
        "a blank path" => (() => Sample().SavePng("  "), typeof(ArgumentException), "path", ["path must name a file"]),
        "a width of 49 pixels" => (() => Sample().SavePng(oldPng, 49, 100), typeof(ArgumentOutOfRangeException), "width", ["[50, 8000]"]),
        "a height of 8001 pixels" => (() => Sample().SavePng(oldPng, 100, 8001), typeof(ArgumentOutOfRangeException), "height", ["[50, 8000]"]),
        "no Chromium installed" => (() =>
        {
            SearchOnly("/nonexistent/chromium");
            Sample().SavePng(oldPng);
        }, typeof(ChromiumNotFoundException), null, ["apt-get install chromium"]),
        "Chromium exits with an error" => (() =>
        {
            FakeChromium("", exitCode: 3, stderr: "boom");
            Sample().SavePng(oldPng);
        }, typeof(InvalidOperationException), null, ["exited with code 3", "boom"]),
        "plotly.js draws no picture" => (() =>
        {
            FakeChromium("<html><body></body></html>");
            Sample().SavePng(oldPng);
        }, typeof(InvalidOperationException), null, ["drew no picture"]),
        "plotly.js reports an error" => (() =>
        {
            FakeChromium("<html><body><pre id=\"picture-0\">error: no WebGL</pre></body></html>");
            Sample().SavePng(oldPng);
        }, typeof(InvalidOperationException), null, ["could not draw", "no WebGL"]),
        "the target's folder is a file" => (() =>
        {
            FakeChromium(PictureDom(NewPicture));
            Sample().SavePng(Path.Combine(oldPng, "inside.png"));
        }, typeof(IOException), null, [$"Could not save '{Path.Combine(oldPng, "inside.png")}'"]),
        "the target is a folder" => (() =>
        {
            FakeChromium(PictureDom(NewPicture));
            Directory.CreateDirectory(Path.Combine(_folder, "folder.png"));
            Sample().SavePng(Path.Combine(_folder, "folder.png"));
        }, typeof(IOException), null, [$"Could not save '{Path.Combine(_folder, "folder.png")}'"]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_input_or_failure_gives_its_error_and_the_old_picture_stays_whole(string name)
    {
        string oldPng = OldPng();
        var (act, error, param, message) = Build(name, oldPng);
        var e = Assert.Throws(error, act);
        if (param is not null) Assert.Equal(param, ((ArgumentException)e).ParamName);
        foreach (string part in message) Assert.Contains(part, e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Equal(OldPicture, File.ReadAllBytes(oldPng));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void SavePng_writes_the_picture_to_a_temporary_file_beside_the_target_and_only_then_replaces_the_old_one()
    {
        string oldPng = OldPng();
        FakeChromium(PictureDom(NewPicture));
        (string Temp, long Length, byte[] Target)? seen = null;
        AtomicFile.BeforeReplace.Value = (temp, target) => seen = (temp, new FileInfo(temp).Length, File.ReadAllBytes(target));

        Sample().SavePng(oldPng);

        Assert.NotNull(seen);
        Assert.Equal(_folder, Path.GetDirectoryName(seen.Value.Temp));     // same folder, so the rename is atomic
        Assert.Equal(NewPicture.Length, seen.Value.Length);                // complete before the rename
        Assert.Equal(OldPicture, seen.Value.Target);                       // the old picture untouched until then
        Assert.Equal(NewPicture, File.ReadAllBytes(oldPng));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void A_full_disk_while_saving_the_picture_leaves_the_old_one_whole_and_names_the_target()
    {
        string oldPng = OldPng();
        FakeChromium(PictureDom(NewPicture));
        AtomicFile.BeforeReplace.Value = (temp, _) => throw new IOException($"No space left on device : '{temp}'");

        var e = Assert.ThrowsAny<IOException>(() => Sample().SavePng(oldPng));

        Assert.Contains($"Could not save '{oldPng}'", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Equal(OldPicture, File.ReadAllBytes(oldPng));
        Assert.Equal(["chart.png", "fake-chromium.sh"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_fake_browser_seen_by_one_test_is_not_seen_by_code_running_beside_it()
    {
        FakeChromium(PictureDom(NewPicture));
        string? unrelated = "not looked";
        var thread = new Thread(() => unrelated = Chromium.FindExecutable());
        using (ExecutionContext.SuppressFlow()) thread.Start();   // like a test on another thread
        thread.Join();
        Assert.Equal(Path.Combine(_folder, "fake-chromium.sh"), Chromium.FindExecutable());
        Assert.NotEqual(Chromium.FindExecutable(), unrelated);
    }
}
