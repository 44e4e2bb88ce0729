using System.Runtime.ExceptionServices;

namespace NeuralNotebooks.Datasets;

/// <summary>
/// Loads the train and test splits of an MNIST-format dataset (<see cref="ImageDatasetSpec"/>) from a data folder,
/// all checks done before anything is returned.
/// </summary>
/// <remarks>
/// <para>Stages: (1) find the data folder and read the manifest; (2) for the four files, in parallel: decompress,
/// parse and validate the IDX header, and hash the content unless this file version was verified before;
/// (3) report the first structural error in file order, then check that images and labels agree on the count and
/// that labels are in class range; (4) compare the hashes with the manifest. Structural errors come first because
/// they say more than "checksum mismatch" about a damaged file.</para>
/// </remarks>
internal static class ImageDatasetLoader
{
    private sealed class FileResult
    {
        internal required string RelativePath { get; init; }
        internal required ContentVerifier.Key Key { get; init; }
        internal IdxArray? Idx { get; set; }
        internal string? ActualHash { get; set; }
    }

    internal static (LabeledImages Train, LabeledImages Test) Load(ImageDatasetSpec spec, string? dataDirectory)
    {
        var files = ReadVerified(spec, dataDirectory);
        return (ToLabeled(spec, "train", files[0].Idx!, files[1].Idx!), ToLabeled(spec, "test", files[2].Idx!, files[3].Idx!));
    }

    internal static (RawLabeledImages Train, RawLabeledImages Test) LoadRaw(ImageDatasetSpec spec, string? dataDirectory)
    {
        var files = ReadVerified(spec, dataDirectory);
        return (ToRaw(spec, "train", files[0].Idx!, files[1].Idx!), ToRaw(spec, "test", files[2].Idx!, files[3].Idx!));
    }

    private static LabeledImages ToLabeled(ImageDatasetSpec spec, string split, IdxArray images, IdxArray labels)
    {
        var pixels = PixelScaling.ToUnitInterval(images.Buffer, images.DataOffset, images.DataLength);
        var matrix = new Tensors.Matrix(images.Count, images.ItemLength, pixels);
        var labelValues = new int[labels.Count];
        var labelBytes = labels.Data;
        for (int i = 0; i < labelValues.Length; i++) labelValues[i] = labelBytes[i];
        return new LabeledImages($"{spec.Name} {split}", matrix, labelValues, spec.Height, spec.Width, spec.ClassNames);
    }

    private static RawLabeledImages ToRaw(ImageDatasetSpec spec, string split, IdxArray images, IdxArray labels) =>
        new($"{spec.Name} {split}", images.ToArray(), labels.ToArray(), spec.Height, spec.Width, spec.ClassNames);

    /// <summary>Returns train images, train labels, test images, test labels — parsed, cross-checked and verified.</summary>
    private static FileResult[] ReadVerified(ImageDatasetSpec spec, string? dataDirectory)
    {
        string folder = DataDirectory.Find(dataDirectory);
        var manifest = DatasetManifest.Load(folder);
        string[] names =
        [
            ImageDatasetSpec.TrainImagesFile, ImageDatasetSpec.TrainLabelsFile,
            ImageDatasetSpec.TestImagesFile, ImageDatasetSpec.TestLabelsFile,
        ];

        var results = new FileResult[names.Length];
        for (int f = 0; f < names.Length; f++)
        {
            string relative = $"{spec.Folder}/{names[f]}";
            string expected = manifest.ExpectedHash(relative);
            string path = Locate(spec, folder, names[f]);
            results[f] = new FileResult { RelativePath = relative, Key = ContentVerifier.Key.Of(path, expected) };
        }

        // Stage 2: the big training-image file on a worker, the rest meanwhile; errors kept per file.
        var errors = new ExceptionDispatchInfo?[results.Length];
        void Read(int f)
        {
            try
            {
                var r = results[f];
                string path = r.Key.FullPath;
                byte[] content = IdxReader.ReadAllBytes(path);
                r.Idx = f % 2 == 0
                    ? IdxReader.ParseImages(content, path, spec.Height, spec.Width)
                    : IdxReader.ParseLabels(content, path);
                if (!ContentVerifier.IsVerified(r.Key))
                    r.ActualHash = ContentVerifier.Hash(content);
            }
            catch (Exception e)
            {
                errors[f] = ExceptionDispatchInfo.Capture(e);
            }
        }
        var trainImages = Task.Run(() => Read(0));
        for (int f = 1; f < results.Length; f++) Read(f);
        trainImages.Wait();

        // Stage 3: structure, in file order, then agreement between images and labels.
        foreach (var error in errors) error?.Throw();
        CheckPair(spec, results[0], results[1]);
        CheckPair(spec, results[2], results[3]);

        // Stage 4: content.
        foreach (var r in results) ContentVerifier.Accept(r.Key, r.RelativePath, r.ActualHash);
        return results;
    }

    private static void CheckPair(ImageDatasetSpec spec, FileResult images, FileResult labels)
    {
        var imageIdx = images.Idx!;
        var labelIdx = labels.Idx!;
        if (imageIdx.Count != labelIdx.Count)
            throw new DatasetException(DatasetErrorKind.CountMismatch,
                $"{spec.Name}: '{images.Key.FullPath}' holds {imageIdx.Count} images but '{labels.Key.FullPath}' holds " +
                $"{labelIdx.Count} labels; they must match one to one.", labels.Key.FullPath);
        var bytes = labelIdx.Data;
        int bad = bytes.IndexOfAnyInRange((byte)spec.ClassNames.Count, byte.MaxValue);
        if (bad >= 0)
            throw new DatasetException(DatasetErrorKind.BadLabel,
                $"'{labels.Key.FullPath}': label {bad} is {bytes[bad]} but {spec.Name} labels must be in [0, {spec.ClassNames.Count}).",
                labels.Key.FullPath);
    }

    private static string Locate(ImageDatasetSpec spec, string folder, string name)
    {
        string gz = Path.Combine(folder, spec.Folder, name + ".gz");
        if (File.Exists(gz)) return gz;
        string raw = Path.Combine(folder, spec.Folder, name);
        if (File.Exists(raw)) return raw;
        throw new DatasetException(DatasetErrorKind.MissingFile,
            $"{spec.Name} file '{spec.Folder}/{name}' is missing from the data folder '{folder}'. Looked for:{Environment.NewLine}" +
            $"  {gz}{Environment.NewLine}  {raw}{Environment.NewLine}" +
            $"Get it from {spec.DownloadBaseUrl}{name}.gz into '{Path.Combine(folder, spec.Folder)}' (see data/README.md), " +
            $"or restore it from the repository (git checkout -- data).", gz);
    }
}
