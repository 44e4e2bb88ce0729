using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Plots.Rendering;
using NeuralNotebooks.Plots.Training;

namespace NeuralNotebooks.Plots;

/// <summary>
/// A training callback that draws the history chart after the first epoch and updates it in place after every
/// epoch inside a notebook; elsewhere it prints one progress line per epoch.
/// </summary>
/// <remarks>
/// <para>In a notebook pass the notebook's <c>display</c>:
/// <code>model.Fit(x, y, epochs: 50, validationSplit: 0.2, callbacks: [new LiveHistoryChart(display)]);</code>
/// Without it, Polyglot's <c>Kernel.display</c> is looked up by reflection (<see cref="NotebookDisplay.TryFindPolyglot"/>);
/// if none is found (a console app, a test) the callback writes Keras-style lines such as
/// <c>Epoch 3/50 - 0.12s - loss: 0.4321 - val_loss: 0.4410</c>.</para>
/// <para>The chart's epoch axis spans the planned epochs from the start, so it fills in rather than rescaling.
/// If the display's handle has no <c>Update</c>, each epoch's chart is displayed anew. Training is not slowed
/// much: only the chart JSON (a few KB) is sent per epoch; plotly.js goes with the first chart of the session.</para>
/// </remarks>
public sealed class LiveHistoryChart : Callback
{
    private readonly NotebookDisplay? _display;
    private readonly TextWriter? _writer;
    private readonly int _every;
    private readonly string? _title;
    private ProgressLogger? _logger;
    private NotebookDisplay.Handle? _handle;
    private int _drawnEpochs;
    private int? _drawnBest;

    /// <summary>Draws in the notebook through <paramref name="display"/> (e.g. the runner's <c>display(obj)</c>).</summary>
    /// <param name="display">Shows a value and returns a handle with <c>Update(object)</c>.</param>
    /// <param name="updateEvery">Redraw every this many epochs (the last epoch is always drawn), ≥ 1.</param>
    /// <param name="title">Chart title; default "Training history".</param>
    public LiveHistoryChart(Func<object, object?> display, int updateEvery = 1, string? title = null)
        : this(new NotebookDisplay(display ?? throw new ArgumentNullException(nameof(display))), null, updateEvery, title) { }

    /// <summary>Draws in a Polyglot notebook through its <c>display(object, params string[] mimeTypes)</c>:
    /// <c>new LiveHistoryChart(display)</c>.</summary>
    public LiveHistoryChart(Func<object, string[], object?> display, int updateEvery = 1, string? title = null)
        : this(new NotebookDisplay(WithHtml(display ?? throw new ArgumentNullException(nameof(display)))), null, updateEvery, title) { }

    /// <summary>Finds Polyglot's display by reflection; without a notebook, prints progress lines to <paramref name="writer"/> (default the console).</summary>
    public LiveHistoryChart(TextWriter? writer = null, int updateEvery = 1, string? title = null)
        : this(NotebookDisplay.TryFindPolyglot(), writer, updateEvery, title) { }

    /// <summary>Uses the given display seam, or progress lines when it is null.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="updateEvery"/> is below 1.</exception>
    public LiveHistoryChart(NotebookDisplay? display, TextWriter? writer, int updateEvery = 1, string? title = null)
    {
        if (updateEvery < 1) throw new ArgumentOutOfRangeException(nameof(updateEvery), updateEvery, "updateEvery must be >= 1.");
        _display = display;
        _writer = writer;
        _every = updateEvery;
        _title = title;
    }

    /// <summary>True when charts go to a notebook display rather than progress lines.</summary>
    public bool IsNotebook => _display is not null;

    /// <summary>The most recent chart drawn (null before the first epoch or without a notebook).</summary>
    public Plot? LastPlot { get; private set; }

    private static Func<object, object?> WithHtml(Func<object, string[], object?> display) => v => display(v, PlotMimeTypes.Notebook.ToArray());

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        _handle = null;
        _drawnEpochs = 0;
        _drawnBest = null;
        _logger = _display is null ? new ProgressLogger(_writer) : null;
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, EpochLogs logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logs);
        if (_display is null)
        {
            (_logger ??= new ProgressLogger(_writer)).OnEpochEnd(context, logs);
            return;
        }
        bool last = logs.Epoch >= logs.Epochs || context.StopRequested;
        if (_handle is not null && logs.Epoch % _every != 0 && !last) return;
        Draw(context);
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Early stopping marks the best epoch after the last OnEpochEnd: redraw once so the marker appears.
        var h = context.History;
        if (_display is not null && h.Epochs > 0 && (h.Epochs != _drawnEpochs || h.BestEpoch != _drawnBest)) Draw(context);
    }

    private void Draw(TrainingContext context)
    {
        var plot = Charts.History(context.History, _title, Math.Max(context.Epochs, context.History.Epochs));
        LastPlot = plot;
        _drawnEpochs = context.History.Epochs;
        _drawnBest = context.History.BestEpoch;
        if (_handle is null || !_handle.Update(plot)) _handle = _display!.Show(plot);
    }
}
