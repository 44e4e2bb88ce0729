namespace NeuralNotebooks.Execution.References;

/// <summary>How one <c>#r</c> reference resolves: to files, or to an error that says what went wrong.</summary>
/// <param name="Reference">The reference text, e.g. "nuget: Plotly.NET, 6.0.0" or "../src/…/NeuralNotebooks.dll".</param>
/// <param name="Paths">The assemblies to reference (empty on error).</param>
/// <param name="Error">Null when resolved; otherwise a message naming the reference and what is available.</param>
/// <param name="Package">The carried package it maps to, if any.</param>
public sealed record ReferenceResolution(string Reference, IReadOnlyList<string> Paths, string? Error, CarriedPackage? Package);
