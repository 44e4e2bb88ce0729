namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>A file is not an ELF image the kit can read or rewrite; the message names the file and what was wrong.</summary>
public sealed class ElfFormatException : Exception
{
    /// <summary>Creates the exception with a message that names the file.</summary>
    public ElfFormatException(string message) : base(message) { }
}
