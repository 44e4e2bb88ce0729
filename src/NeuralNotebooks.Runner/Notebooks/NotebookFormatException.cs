namespace NeuralNotebooks.Runner.Notebooks;

/// <summary>A notebook file could not be read: missing, not JSON, or not nbformat 4. The message names the file.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public NotebookFormatException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner) => NotebookPath = path;

    /// <summary>The notebook file.</summary>
    public string NotebookPath { get; }
}
