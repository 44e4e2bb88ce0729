namespace NeuralNotebooks.Plots.Rendering;

/// <summary>Thrown when a picture is asked for but no Chromium/Chrome is installed.</summary>
public sealed class ChromiumNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception with a message listing where Chromium was looked for and how to install it.</summary>
    public ChromiumNotFoundException(IEnumerable<string> searched)
        : base("Saving a chart as PNG needs a headless Chromium, and none was found (looked at: "
            + string.Join(", ", searched)
            + "). Install it — Debian/Ubuntu: `sudo apt-get install chromium` (Ubuntu's snap-free alternative: google-chrome) — "
            + $"or point the {Chromium.PathVariable} environment variable at a Chromium/Chrome executable. "
            + "SaveHtml works without it.")
    {
    }
}
