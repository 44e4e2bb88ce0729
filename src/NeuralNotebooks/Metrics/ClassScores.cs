namespace NeuralNotebooks.Metrics;

/// <summary>Precision, recall, F1 and support of one class (or of an average over classes).</summary>
/// <param name="Name">The class name, or "macro avg" / "weighted avg" / "micro avg" for an average.</param>
/// <param name="Precision">TP / (TP + FP): of the samples predicted as this class, the fraction that truly are.</param>
/// <param name="Recall">TP / (TP + FN): of the samples truly in this class, the fraction that were found.</param>
/// <param name="F1">The harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN).</param>
/// <param name="Support">How many samples truly belong to the class (for an average: all samples).</param>
public sealed record ClassScores(string Name, double Precision, double Recall, double F1, int Support);
