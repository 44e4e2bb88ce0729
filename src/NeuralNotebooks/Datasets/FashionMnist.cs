namespace NeuralNotebooks.Datasets;

/// <summary>
/// Fashion-MNIST: 70 000 Zalando article images, 28×28 grey-scale, ten clothing classes; 60 000 for training,
/// 10 000 for testing. A drop-in replacement for MNIST that is harder to get right.
/// </summary>
/// <remarks>
/// <para>By Zalando SE (Han Xiao, Kashif Rasul, Roland Vollgraf, 2017); MIT licence. The files ship in the repository's
/// <c>data/fashion-mnist/</c> (see <c>data/README.md</c>).</para>
/// <para>Usage: <c>var (train, test) = FashionMnist.Load();</c>; <c>train.ClassNames[train.Labels[0]]</c> is "Ankle boot".</para>
/// <para>Folder search, checksum check and errors are as for <see cref="Mnist"/>.</para>
/// </remarks>
public static class FashionMnist
{
    /// <summary>Rows of pixels per image: 28.</summary>
    public const int Height = 28;

    /// <summary>Columns of pixels per image: 28.</summary>
    public const int Width = 28;

    /// <summary>The class names by label: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot.</summary>
    public static IReadOnlyList<string> ClassNames => ImageDatasetSpec.FashionMnist.ClassNames;

    /// <summary>Loads the training (60 000) and test (10 000) sets with pixels scaled to [0, 1].</summary>
    /// <param name="dataDirectory">The data folder (holding <c>SHA256SUMS</c> and <c>fashion-mnist/</c>); <c>null</c> to search for it.</param>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is empty or blank.</exception>
    /// <exception cref="DatasetException">A file is missing, damaged or differs from the manifest.</exception>
    public static (LabeledImages Train, LabeledImages Test) Load(string? dataDirectory = null) =>
        ImageDatasetLoader.Load(ImageDatasetSpec.FashionMnist, dataDirectory);

    /// <summary>Loads the training and test sets as stored: pixels and labels as bytes.</summary>
    /// <param name="dataDirectory">The data folder (holding <c>SHA256SUMS</c> and <c>fashion-mnist/</c>); <c>null</c> to search for it.</param>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is empty or blank.</exception>
    /// <exception cref="DatasetException">A file is missing, damaged or differs from the manifest.</exception>
    public static (RawLabeledImages Train, RawLabeledImages Test) LoadRaw(string? dataDirectory = null) =>
        ImageDatasetLoader.LoadRaw(ImageDatasetSpec.FashionMnist, dataDirectory);
}
