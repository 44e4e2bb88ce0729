using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Tests;

/// <summary>The skip rule of <see cref="ChromiumFactAttribute"/> and how Chromium can be hidden.</summary>
[Collection(ChromiumSearch.Name)]
public class BrowserGateTests
{
    [Fact]
    public void Without_chromium_browser_tests_are_skipped_with_the_install_command_outside_CI_only()
    {
        string? reason = Browser.SkipReason(chromiumFound: false, ci: false);
        Assert.NotNull(reason);
        Assert.StartsWith("SKIPPED: chromium not found; apt-get install chromium", reason);
        Assert.Contains(Chromium.PathVariable, reason);
        Assert.Null(Browser.SkipReason(chromiumFound: false, ci: true));   // CI must run them (and fail)
        Assert.Null(Browser.SkipReason(chromiumFound: true, ci: false));
        Assert.Null(Browser.SkipReason(chromiumFound: true, ci: true));
    }

    [Fact]
    public void The_environment_variable_alone_decides_when_it_is_set()
    {
        string? before = Environment.GetEnvironmentVariable(Chromium.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(Chromium.PathVariable, "none");
            Assert.Null(Chromium.FindExecutable());
            var e = Assert.Throws<ChromiumNotFoundException>(() => Chromium.DumpDom("<p>hi</p>"));
            Assert.Contains($"${Chromium.PathVariable}=none", e.Message);
            Assert.Contains("apt-get install chromium", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Chromium.PathVariable, before);
        }
    }
}

/// <summary>Tests that change where Chromium is looked for (process-wide) run alone, not beside the browser tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChromiumSearch
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Chromium search";
}
