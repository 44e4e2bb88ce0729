using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>Gate for tests that need headless Chromium: they fail when it is missing unless NEURALNOTEBOOKS_SKIP_BROWSER=1.</summary>
internal static class Browser
{
    public static bool Available()
    {
        if (Chromium.IsAvailable) return true;
        if (Environment.GetEnvironmentVariable("NEURALNOTEBOOKS_SKIP_BROWSER") == "1") return false;
        Assert.Fail("Headless Chromium is needed for browser tests but none is installed. Install it (`apt-get install -y chromium`) "
            + "or set NEURALNOTEBOOKS_SKIP_BROWSER=1 to skip tests tagged Category=Browser.");
        return false;
    }

    /// <summary>Where the tests leave the PNGs they took (bin/…/chart-pictures).</summary>
    public static string PictureDir
    {
        get
        {
            var d = Path.Combine(AppContext.BaseDirectory, "chart-pictures");
            Directory.CreateDirectory(d);
            return d;
        }
    }
}
