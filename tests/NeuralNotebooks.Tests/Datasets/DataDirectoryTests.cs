using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

/// <summary>Tests that change the process's environment variables or current directory run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "Process state (environment, current directory)";
}

[Collection(ProcessStateCollection.Name)]
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string? _savedVariable = Environment.GetEnvironmentVariable(DataDirectory.EnvironmentVariable);
    private readonly string _savedDirectory = Directory.GetCurrentDirectory();
    private readonly TempDataFolder _a = new();
    private readonly TempDataFolder _b = new();

    public DataDirectoryTests()
    {
        File.WriteAllText(_a.PathOf(DatasetManifest.FileName), "");
        File.WriteAllText(_b.PathOf(DatasetManifest.FileName), "");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, _savedVariable);
        Directory.SetCurrentDirectory(_savedDirectory);
        _a.Dispose();
        _b.Dispose();
    }

    [Fact]
    public void Explicit_path_comes_first()
    {
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, _a.Root);
        Assert.Equal(_b.Root, DataDirectory.Find(_b.Root));
    }

    [Fact]
    public void Relative_explicit_path_is_resolved_against_the_current_directory()
    {
        Directory.SetCurrentDirectory(Path.GetDirectoryName(_b.Root)!);
        Assert.Equal(_b.Root, DataDirectory.Find(Path.GetFileName(_b.Root)));
    }

    [Fact]
    public void Environment_variable_comes_second()
    {
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, _a.Root);
        Assert.Equal(_a.Root, DataDirectory.Find());
    }

    [Fact]
    public void Environment_variable_without_manifest_is_an_error_not_a_fallback()
    {
        File.Delete(_a.PathOf(DatasetManifest.FileName));
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, _a.Root);
        var ex = Assert.Throws<DatasetException>(() => DataDirectory.Find());
        Assert.Equal(DatasetErrorKind.MissingFile, ex.Kind);
        Assert.Contains(DataDirectory.EnvironmentVariable, ex.Message);
        Assert.Contains(_a.PathOf(DatasetManifest.FileName), ex.Message);
    }

    [Fact]
    public void Explicit_folder_that_does_not_exist_is_named()
    {
        string missing = _a.PathOf("nope");
        var ex = Assert.Throws<DatasetException>(() => Mnist.Load(missing));
        Assert.Equal(DatasetErrorKind.MissingFile, ex.Kind);
        Assert.Contains($"the folder '{missing}' does not exist", ex.Message);
    }

    [Fact]
    public void Nearest_data_folder_above_the_current_directory_comes_third()
    {
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, null);
        string data = _a.PathOf("data");
        string notebooks = _a.PathOf(Path.Combine("notebooks", "deep"));
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(notebooks);
        File.WriteAllText(Path.Combine(data, DatasetManifest.FileName), "");
        Directory.SetCurrentDirectory(notebooks);
        Assert.Equal(data, DataDirectory.Find());
    }

    [Fact]
    public void A_data_folder_without_manifest_is_skipped_on_the_way_up()
    {
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, null);
        string inner = _a.PathOf(Path.Combine("outer", "inner"));
        Directory.CreateDirectory(Path.Combine(inner, "data")); // no manifest: not a data folder
        Directory.CreateDirectory(_a.PathOf(Path.Combine("outer", "data")));
        File.WriteAllText(_a.PathOf(Path.Combine("outer", "data", DatasetManifest.FileName)), "");
        Directory.SetCurrentDirectory(inner);
        Assert.Equal(_a.PathOf(Path.Combine("outer", "data")), DataDirectory.Find());
    }

    [Fact]
    public void Library_location_is_the_last_resort()
    {
        // From a folder with no data/ above it, the search walks up from the library's bin/ to the repository's data/.
        Environment.SetEnvironmentVariable(DataDirectory.EnvironmentVariable, "  ");
        Directory.SetCurrentDirectory(_a.Root);
        string found = DataDirectory.Find();
        Assert.Equal("data", Path.GetFileName(found));
        Assert.True(File.Exists(Path.Combine(found, "mnist", "train-images-idx3-ubyte.gz")));
        string assemblyFolder = Path.GetDirectoryName(typeof(DataDirectory).Assembly.Location)!;
        Assert.StartsWith(Path.GetDirectoryName(found)!, assemblyFolder);
    }

    [Fact]
    public void Blank_explicit_path_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentException>("dataDirectory", () => DataDirectory.Find(" "));
        Assert.Contains("\" \"", ex.Message);
        Assert.Throws<ArgumentException>("dataDirectory", () => Mnist.Load(""));
    }
}
