namespace NeuralNotebooks.Datasets;

/// <summary>
/// MNIST: 70 000 hand-written digits, 28×28 grey-scale, ten classes "0"–"9"; 60 000 for training, 10 000 for testing.
/// </summary>
/// <remarks>
/// <para>By Yann LeCun and Corinna Cortes; licence CC BY-SA 3.0. The files ship in the
/// repository's <c>data/mnist/</c> (see <c>data/README.md</c>).</para>
/// <para>Usage, Keras style: <c>var (train, test) = Mnist.Load();</c> then <c>train.Images</c> (60000 × 784, values
/// <c>byte / 255f</c>) and <c>train.Labels</c>.</para>
/// <para>The data folder is found as described in <see cref="DataDirectory.Find"/>. Every file's decompressed content
/// is checked against <c>SHA256SUMS</c> (once per file version per process); any problem throws a
/// <see cref="DatasetException"/> and nothing is returned.</para>
/// </remarks>
public static class Mnist
{
    /// <summary>Rows of pixels per image: 28.</summary>
    public const int Height = 28;

    /// <summary>Columns of pixels per image: 28.</summary>
    public const int Width = 28;

    /// <summary>The class names, "0" to "9": label i is digit i.</summary>
    public static IReadOnlyList<string> ClassNames => ImageDatasetSpec.Mnist.ClassNames;

    /// <summary>Loads the training (60 000) and test (10 000) sets with pixels scaled to [0, 1].</summary>
    /// <param name="dataDirectory">The data folder (holding <c>SHA256SUMS</c> and <c>mnist/</c>); <c>null</c> to search for it.</param>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is empty or blank.</exception>
    /// <exception cref="DatasetException">A file is missing, damaged or differs from the manifest.</exception>
    public static (LabeledImages Train, LabeledImages Test) Load(string? dataDirectory = null) =>
        ImageDatasetLoader.Load(ImageDatasetSpec.Mnist, dataDirectory);

    /// <summary>Loads the training and test sets as stored: pixels and labels as bytes.</summary>
    /// <param name="dataDirectory">The data folder (holding <c>SHA256SUMS</c> and <c>mnist/</c>); <c>null</c> to search for it.</param>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is empty or blank.</exception>
    /// <exception cref="DatasetException">A file is missing, damaged or differs from the manifest.</exception>
    public static (RawLabeledImages Train, RawLabeledImages Test) LoadRaw(string? dataDirectory = null) =>
        ImageDatasetLoader.LoadRaw(ImageDatasetSpec.Mnist, dataDirectory);
}
