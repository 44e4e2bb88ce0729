using NeuralNotebooks.Callbacks;
using NeuralNotebooks.Layers;
using NeuralNotebooks.Losses;
using NeuralNotebooks.Models;
using NeuralNotebooks.Optimizers;

namespace NeuralNotebooks.Plots.Tests;

public class LiveHistoryChartTests
{
    /// <summary>Stands in for Polyglot's DisplayedValue: records what was shown and updated.</summary>
    private sealed class FakeHandle
    {
        public List<object> Updates { get; } = new();
        public void Update(object value) => Updates.Add(value);
    }

    private sealed class FakeNotebook
    {
        public List<object> Shown { get; } = new();
        public List<FakeHandle> Handles { get; } = new();

        // Same shape as Microsoft.DotNet.Interactive.Kernel.display(object, params string[]).
        public FakeHandle display(object value, params string[] mimeTypes)
        {
            Assert.Equal(new[] { "text/html", "application/vnd.plotly.v1+json" }, mimeTypes);
            Shown.Add(value);
            var h = new FakeHandle();
            Handles.Add(h);
            return h;
        }
    }

    private static Sequential Model()
    {
        var m = new Sequential(seed: 4) { new Input(2), new Dense(8, "relu"), new Dense(1, "sigmoid") };
        m.Compile(new Adam(0.05), Loss.BinaryCrossEntropy, "accuracy");
        return m;
    }

    [Fact]
    public void InANotebookTheChartIsDrawnOnceAndUpdatedInPlaceEachEpoch()
    {
        var notebook = new FakeNotebook();
        var (x, y) = TestData.Blobs();
        var live = new LiveHistoryChart(notebook.display); // the documented notebook usage
        Assert.True(live.IsNotebook);
        var history = Model().Fit(x, y, epochs: 6, batchSize: 32, validationSplit: 0.25, seed: 1, callbacks: new Callback[] { live });
        var shown = Assert.Single(notebook.Shown);
        Assert.IsType<Plot>(shown);
        Assert.Equal(5, notebook.Handles[0].Updates.Count);
        var last = new Json((Plot)notebook.Handles[0].Updates[^1]);
        Assert.Equal(history.Loss, Json.Doubles(last.Traces[0].GetProperty("y")));
        Assert.Equal(new[] { 0.5, 6.5 }, Json.Doubles(last.Layout.GetProperty("xaxis").GetProperty("range")));
        var first = new Json((Plot)shown);
        Assert.Single(Json.Doubles(first.Traces[0].GetProperty("y"))); // first draw after epoch 1, axis already spans 6 epochs
        Assert.Equal(new[] { 0.5, 6.5 }, Json.Doubles(first.Layout.GetProperty("xaxis").GetProperty("range")));
    }

    [Fact]
    public void EarlyStoppingRedrawsOnceMoreWithTheBestEpoch()
    {
        var shown = new List<object>();
        var updates = new List<object>();
        var handle = new FakeHandle();
        var (x, y) = TestData.Blobs();
        var live = new LiveHistoryChart(v => { shown.Add(v); return handle; });
        var history = Model().Fit(x, y, epochs: 60, batchSize: 16, validationSplit: 0.3, seed: 1,
            callbacks: new Callback[] { new EarlyStopping("val_loss", patience: 2, restoreBestWeights: true), live });
        Assert.NotNull(history.BestEpoch);
        Assert.True(history.Epochs < 60);
        Assert.Single(shown);
        Assert.Equal(history.Epochs, handle.Updates.Count); // epochs − 1 updates plus the final redraw
        var j = new Json((Plot)handle.Updates[^1]);
        Assert.Contains(j.Annotations, a => a.GetProperty("text").GetString() == $"best epoch {history.BestEpoch}");
    }

    [Fact]
    public void HandlesWithoutUpdateGetANewDisplayEachTime()
    {
        var shown = new List<object>();
        var live = new LiveHistoryChart(v => { shown.Add(v); return null; }, updateEvery: 2);
        var (x, y) = TestData.Blobs();
        Model().Fit(x, y, epochs: 5, seed: 1, callbacks: new Callback[] { live });
        Assert.Equal(4, shown.Count); // after epoch 1 (first draw), every 2nd (2, 4) and the last (5)
        Assert.Same(live.LastPlot, shown[^1]);
    }

    [Fact]
    public void OutsideANotebookItPrintsOneLinePerEpoch()
    {
        var writer = new StringWriter();
        var live = new LiveHistoryChart(writer);
        Assert.False(live.IsNotebook); // no .NET Interactive kernel in this process
        var (x, y) = TestData.Blobs();
        Model().Fit(x, y, epochs: 4, validationSplit: 0.25, seed: 1, callbacks: new Callback[] { live });
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Epoch 1/4 - ", lines[0]);
        Assert.Contains("val_loss: ", lines[3]);
        Assert.Null(live.LastPlot);
    }

    [Fact]
    public void Preconditions()
    {
        Assert.Equal("updateEvery", Assert.Throws<ArgumentOutOfRangeException>(() => new LiveHistoryChart(v => v, updateEvery: 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new LiveHistoryChart((Func<object, object?>)null!));
    }
}
