namespace NeuralNotebooks.Plots;

/// <summary>How grayscale pixel values in [0, 1] are coloured.</summary>
public enum ImageColors
{
    /// <summary>0 white, 1 black — dark ink on paper (Matplotlib's "binary", used by the Keras Fashion-MNIST tutorial).</summary>
    Binary,

    /// <summary>0 black, 1 white — as the pixels are stored (Matplotlib's "gray").</summary>
    Gray,
}
