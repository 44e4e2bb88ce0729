using System.Diagnostics;
using NeuralNotebooks.Datasets;
using Xunit.Abstractions;

namespace NeuralNotebooks.Tests.Datasets;

[Trait("Category", "FullData")]
public class MnistTests(ITestOutputHelper output)
{
    [Fact]
    public void Loads_60000_training_and_10000_test_images_of_28x28()
    {
        var (train, test) = Mnist.Load();
        Assert.Equal(60_000, train.Count);
        Assert.Equal(10_000, test.Count);
        Assert.Equal("(60000, 784)", train.Images.ShapeText);
        Assert.Equal("(10000, 784)", test.Images.ShapeText);
        Assert.Equal(60_000, train.Labels.Length);
        Assert.Equal((28, 28), (train.Height, train.Width));
        Assert.Equal((28, 28), (Mnist.Height, Mnist.Width));
        Assert.Equal("MNIST train: 60000 images 28×28, 10 classes", train.ToString());
        Assert.Equal("MNIST test", test.Name);
    }

    [Fact]
    public void First_ten_labels_are_the_known_ones()
    {
        var (train, test) = Mnist.Load();
        Assert.Equal(new[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }, train.Labels[..10]);
        Assert.Equal(new[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }, test.Labels[..10]);
        Assert.Equal("5", train.ClassNameOf(0));
    }

    [Fact]
    public void Class_names_are_the_digits()
    {
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], Mnist.ClassNames);
        Assert.Same(Mnist.ClassNames, Mnist.Load().Train.ClassNames);
    }

    [Fact]
    public void Training_pixel_mean_is_the_well_known_value()
    {
        var (train, _) = Mnist.LoadRaw();
        long sum = 0;
        foreach (byte b in train.Pixels) sum += b;
        double mean = sum / (double)train.Pixels.Length / 255.0;
        Assert.Equal(0.1306604762738429, mean, 1e-12);
    }

    [Fact]
    public void Raw_and_scaled_loads_agree()
    {
        var (rawTrain, rawTest) = Mnist.LoadRaw();
        var (train, test) = Mnist.Load();
        Assert.Equal(60_000 * 784, rawTrain.Pixels.Length);
        Assert.Equal(10_000, rawTest.Labels.Length);
        for (int i = 0; i < rawTrain.Pixels.Length; i += 1009)
            Assert.Equal(rawTrain.Pixels[i] / 255f, train.Images.Data[i]);
        Assert.Equal(rawTest.Labels.Select(b => (int)b), test.Labels);
        Assert.InRange(train.Images.Span.ToArray().Max(), 1f, 1f);
        Assert.Equal(0f, train.Images.Span.ToArray().Min());
    }

    [Fact]
    public void Verified_files_are_not_hashed_again_until_they_change()
    {
        using var temp = TempDataFolder.CopyOf("mnist");
        Mnist.Load(temp.Root);
        var manifest = DatasetManifest.Load(temp.Root);
        string labels = temp.PathOf("mnist/t10k-labels-idx1-ubyte.gz");
        var key = ContentVerifier.Key.Of(labels, manifest.ExpectedHash("mnist/t10k-labels-idx1-ubyte"));
        Assert.True(ContentVerifier.IsVerified(key));

        // Same length, new content and time stamp: the cached verdict must not apply.
        byte[] content = IdxReader.ReadAllBytes(labels);
        content[^1] = (byte)((content[^1] + 1) % 10);
        byte[] gz = TempDataFolder.Gzip(content);
        File.WriteAllBytes(labels, gz);
        File.SetLastWriteTimeUtc(labels, DateTime.UtcNow.AddMinutes(1));
        Assert.False(ContentVerifier.IsVerified(ContentVerifier.Key.Of(labels, key.ExpectedHash)));
        var ex = Assert.Throws<DatasetException>(() => Mnist.Load(temp.Root));
        Assert.Equal(DatasetErrorKind.ChecksumMismatch, ex.Kind);
    }

    [Fact]
    public void Load_time_is_reported()
    {
        // Not a timed test: it prints figures (dotnet test --logger "console;verbosity=detailed").
        var sw = Stopwatch.StartNew();
        var (train, _) = Mnist.Load();
        double first = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        (train, _) = Mnist.Load();
        double second = sw.Elapsed.TotalMilliseconds;
        output.WriteLine($"MNIST Load (train+test, .gz → floats): first in this test {first:F0} ms, again {second:F0} ms");
        Assert.Equal(60_000, train.Count);
    }
}
