namespace NeuralNotebooks.Datasets;

/// <summary>What distinguishes one MNIST-format dataset from another: name, folder, classes, where to re-fetch it.</summary>
internal sealed class ImageDatasetSpec
{
    internal const string TrainImagesFile = "train-images-idx3-ubyte";
    internal const string TrainLabelsFile = "train-labels-idx1-ubyte";
    internal const string TestImagesFile = "t10k-images-idx3-ubyte";
    internal const string TestLabelsFile = "t10k-labels-idx1-ubyte";

    internal static readonly ImageDatasetSpec Mnist = new(
        "MNIST", "mnist", ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        "https://ossci-datasets.s3.amazonaws.com/mnist/");

    internal static readonly ImageDatasetSpec FashionMnist = new(
        "Fashion-MNIST", "fashion-mnist",
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    private ImageDatasetSpec(string name, string folder, string[] classNames, string downloadBaseUrl)
    {
        Name = name;
        Folder = folder;
        ClassNames = Array.AsReadOnly(classNames);
        DownloadBaseUrl = downloadBaseUrl;
    }

    internal string Name { get; }
    internal string Folder { get; }
    internal IReadOnlyList<string> ClassNames { get; }
    internal string DownloadBaseUrl { get; }
    internal int Height => 28;
    internal int Width => 28;
}
