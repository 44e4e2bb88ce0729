using NeuralNotebooks.Datasets;

namespace NeuralNotebooks.Tests.Datasets;

[Trait("Category", "FullData")]
public class FashionMnistTests
{
    [Fact]
    public void Loads_60000_training_and_10000_test_images_with_known_first_labels()
    {
        var (train, test) = FashionMnist.Load();
        Assert.Equal(60_000, train.Count);
        Assert.Equal(10_000, test.Count);
        Assert.Equal("(60000, 784)", train.Images.ShapeText);
        Assert.Equal(new[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5 }, train.Labels[..10]);
        Assert.Equal(new[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7 }, test.Labels[..10]);
        Assert.Equal("Ankle boot", train.ClassNameOf(0));
        Assert.Equal("Fashion-MNIST train", train.Name);
    }

    [Fact]
    public void Class_names_are_zalandos()
    {
        Assert.Equal(
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            FashionMnist.ClassNames);
        Assert.Equal((28, 28), (FashionMnist.Height, FashionMnist.Width));
    }

    [Fact]
    public void Training_pixel_mean_is_0_2860()
    {
        var (train, test) = FashionMnist.LoadRaw();
        long sum = 0;
        foreach (byte b in train.Pixels) sum += b;
        double mean = sum / (double)train.Pixels.Length / 255.0;
        Assert.Equal(0.2860, mean, 4);
        Assert.Equal(10_000, test.Count);
        Assert.Equal(9, train.Labels[0]);
    }
}
