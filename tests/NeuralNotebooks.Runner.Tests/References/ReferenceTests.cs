using System.Xml.Linq;
using NeuralNotebooks.Runner.Execution;
using NeuralNotebooks.Execution.References;
using static NeuralNotebooks.Runner.Tests.TestNotebooks;

namespace NeuralNotebooks.Runner.Tests;

public class ReferenceTests
{
    private static ReferenceRules Rules(string? dir = null) => new(PackageCatalog.Default, dir ?? NewFolder());

    [Theory]
    [InlineData("nuget: Plotly.NET, 6.0.0", "Plotly.NET.dll")]
    [InlineData("nuget:plotly.net,6.0.0", "FSharp.Core.dll")]
    [InlineData("nuget: TorchSharp-cpu, 0.107.0", "TorchSharp.dll")]
    [InlineData("nuget: TorchSharp-cpu", "TorchSharp.dll")]
    public void Known_nuget_packages_resolve_to_the_runners_copies(string reference, string file)
    {
        var r = Rules().Resolve(reference);
        Assert.Null(r.Error);
        var path = Assert.Single(r.Paths, p => Path.GetFileName(p) == file);
        Assert.True(File.Exists(path));
        Assert.Equal(PackageCatalog.Default.Directory, Path.GetDirectoryName(path));
    }

    [Fact]
    public void An_unknown_package_is_an_error_naming_it_and_listing_what_is_available()
    {
        var r = Rules().Resolve("nuget: Newtonsoft.Jsonx, 13.0.1");
        Assert.Empty(r.Paths);
        Assert.Contains("\"Newtonsoft.Jsonx\" is not available", r.Error);
        Assert.Contains("Plotly.NET 6.0.0", r.Error);
        Assert.Contains("TorchSharp-cpu 0.107.0", r.Error);
    }

    [Fact]
    public void A_version_mismatch_is_an_error_giving_the_carried_version()
    {
        var r = Rules().Resolve("nuget: Plotly.NET, 5.0.0");
        Assert.Contains("version 5.0.0 was asked for, but the runner carries version 6.0.0", r.Error);
    }

    [Theory]
    [InlineData("../src/NeuralNotebooks/bin/Debug/net8.0/NeuralNotebooks.dll")]
    [InlineData("../src/NeuralNotebooks/bin/Release/net8.0/NeuralNotebooks.dll")]
    [InlineData("/elsewhere/repo/src/NeuralNotebooks/bin/x/NeuralNotebooks.dll")]
    public void Our_library_build_output_maps_to_the_runners_copy_even_if_not_built(string reference)
    {
        var r = Rules().Resolve(reference);
        Assert.Null(r.Error);
        Assert.Equal(Path.Combine(PackageCatalog.Default.Directory, "NeuralNotebooks.dll"), Assert.Single(r.Paths));
    }

    [Fact]
    public void One_of_our_libraries_the_runner_does_not_carry_is_a_clear_error()
    {
        var r = Rules().Resolve("../src/NeuralNotebooks.Missing/bin/Debug/net8.0/NeuralNotebooks.Missing.dll");
        Assert.Contains("NeuralNotebooks.Missing.dll is one of our libraries, but this runner does not carry it", r.Error);
    }

    [Fact]
    public void Other_dll_paths_resolve_relative_to_the_notebook_folder()
    {
        var dir = NewFolder();
        Directory.CreateDirectory(Path.Combine(dir, "libs"));
        var copy = Path.Combine(dir, "libs", "DynamicObj.dll");
        File.Copy(Path.Combine(PackageCatalog.Default.Directory, "DynamicObj.dll"), copy);
        Assert.Equal(copy, Assert.Single(Rules(dir).Resolve("libs/DynamicObj.dll").Paths));
        Assert.Contains("assembly file not found", Rules(dir).Resolve("libs/Nothing.dll").Error);
    }

    [Fact]
    public async Task In_a_notebook_references_work_and_bad_ones_stop_it_with_a_clear_error()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(Path.Combine(folder, "libs"));
        File.Copy(Path.Combine(PackageCatalog.Default.Directory, "DynamicObj.dll"), Path.Combine(folder, "libs", "DynamicObj.dll"));
        var good = Save(Make(
            Code("#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget: Plotly.NET, 6.0.0\"\ntypeof(TorchSharp.torch).Name + \" \" + typeof(Plotly.NET.GenericChart).Name"),
            Code("#r \"../src/NeuralNotebooks/bin/Debug/net8.0/NeuralNotebooks.dll\"\nnew NeuralNotebooks.Randomness.Rng(1).NextInt(10) >= 0"),
            Code("#r \"libs/DynamicObj.dll\"\ntypeof(DynamicObj.DynamicObj).Name")), folder);
        var engine = new NotebookEngine();
        var r = await engine.RunFileAsync(good);
        Assert.True(r.Passed, r.FirstFailure);
        Assert.Equal("torch GenericChart", r.Notebook!.Cells[0].Outputs.Single().GetText("text/plain"));

        var bad = await engine.RunFileAsync(Save(Make(Code("var a = 1;"), Code("// packages\n#r \"nuget: NoSuchPackage, 1.0.0\"\nvar b = 2;"))));
        var failed = bad.Cells.Single(c => c.Status == CellStatus.Failed);
        Assert.Contains("cell 2, line 2: #r \"nuget: NoSuchPackage, 1.0.0\": package \"NoSuchPackage\" is not available", failed.Message);
        Assert.Equal("ReferenceError", bad.Notebook!.Cells[1].Outputs.Single().EName);
    }

    [Fact]
    public async Task Every_notebook_carries_its_own_copy_of_plotly_js_even_after_another_in_the_same_run()
    {
        // Opened alone in VS Code, a saved notebook must draw its charts offline: the chart library's "inline plotly.js
        // once per session" has to restart with each notebook the runner executes.
        NeuralNotebooks.Runner.Notebooks.NotebookCell Chart() => Code("#r \"../src/NeuralNotebooks.Plots/bin/Debug/net8.0/NeuralNotebooks.Plots.dll\"\n" +
                         "NeuralNotebooks.Plots.Charts.Activations(NeuralNotebooks.Activations.Activation.ReLU)");
        var engine = new NotebookEngine();
        foreach (var run in new[] { 1, 2 })
        {
            var r = await engine.RunFileAsync(Save(Make(Chart())));
            Assert.True(r.Passed, r.FirstFailure);
            string html = r.Notebook!.Cells[0].Outputs.Single().GetText("text/html") ?? "";
            Assert.True(html.Contains("if (!window.Plotly)"), $"run {run}: the chart output does not inline plotly.js");
        }
    }

    [Fact]
    public void The_catalog_versions_are_the_ones_pinned_in_Directory_Packages_props()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Packages.props"));
        var pinned = props.Descendants("PackageVersion").ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
        foreach (var p in PackageCatalog.Default.Packages.Where(p => !p.IsProject))
        {
            Assert.True(pinned.TryGetValue(p.Id, out var version), $"{p.Id} is not pinned in Directory.Packages.props");
            Assert.Equal(version, p.Version);
            Assert.NotEmpty(PackageCatalog.Default.AssemblyPaths(p));
        }
    }

    [Fact]
    public void A_package_listed_twice_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new PackageCatalog("/x", new[] { CarriedPackage.Project("A"), CarriedPackage.Project("a") }));
        Assert.Equal("packages", e.ParamName);
    }
}
