using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>
/// A <see cref="FactAttribute"/> for tests that need headless Chromium: reported as SKIPPED, with the reason and the
/// install command, when Chromium is not found — never as passed. Under CI (environment variable CI=true) it is never
/// skipped: CI installs Chromium, so a missing one fails the test with <see cref="ChromiumNotFoundException"/>.
/// </summary>
/// <remarks>xunit 2.9 has no dynamic skip; setting <see cref="FactAttribute.Skip"/> in the constructor is the supported way.</remarks>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when Chromium is missing (outside CI).</summary>
    public ChromiumFactAttribute() => Skip = Browser.SkipReason(Chromium.IsAvailable, Browser.IsCi);
}

/// <summary>Decides whether browser tests are skipped, and where they leave their pictures.</summary>
internal static class Browser
{
    /// <summary>True when the environment variable CI is "true" (GitHub Actions, GitLab, our .ci/run).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip message, or null when the test must run.</summary>
    public static string? SkipReason(bool chromiumFound, bool ci) =>
        chromiumFound || ci ? null : "SKIPPED: chromium not found; apt-get install chromium (or set "
                                     + Chromium.PathVariable + " to a Chromium/Chrome executable). Needed to draw charts in a real browser and save PNGs.";

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
