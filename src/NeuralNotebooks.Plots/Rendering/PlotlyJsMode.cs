namespace NeuralNotebooks.Plots.Rendering;

/// <summary>Where a notebook chart gets plotly.js from.</summary>
public enum PlotlyJsMode
{
    /// <summary>Offline (default): the first chart shown in a session carries plotly.js 2.28.0 inline (from the copy
    /// inside Plotly.NET.dll, about 3.6 MB); later charts reuse the loaded <c>window.Plotly</c>.</summary>
    Inline,

    /// <summary>Online: each chart loads plotly.js 2.28.0 from the plotly CDN once per page; keeps saved notebooks small.</summary>
    Cdn,
}
