namespace NeuralNotebooks.Execution.Hosting;

/// <summary>The handle <c>display(…)</c> returns: <see cref="Update"/> replaces what it showed, in place.</summary>
public sealed class DisplayedValue
{
    private readonly RunContext _context;

    internal DisplayedValue(string displayId, IReadOnlyList<string> mimeTypes, RunContext context)
    {
        DisplayId = displayId;
        MimeTypes = mimeTypes;
        _context = context;
    }

    /// <summary>The display id (unique within the session).</summary>
    public string DisplayId { get; }

    /// <summary>The MIME types asked for (empty: the value's preferred ones).</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Replaces the displayed output with <paramref name="value"/>, formatted with the same MIME types.</summary>
    public void Update(object? value) => _context.Update(DisplayId, OutputFormatter.Format(value, MimeTypes));
}
