using NeuralNotebooks.Activations;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Losses;

/// <summary>
/// A loss function L(Ŷ, Y): how far a batch of predictions Ŷ is from the targets Y, averaged over the batch.
/// </summary>
/// <remarks>
/// <para>Convention (as in Keras): the per-sample loss is computed over a row, and <see cref="Compute"/> returns the
/// mean over the N rows of the batch. <see cref="Gradient"/> returns ∂L/∂Ŷ of that mean, so it carries the factor 1/N.</para>
/// <para>Keras names work with <see cref="Get"/>: "mse", "binary_crossentropy", "categorical_crossentropy",
/// "sparse_categorical_crossentropy".</para>
/// </remarks>
public abstract class Loss
{
    /// <summary>Keras' clipping constant ε = 1e-7: probabilities are clipped to [ε, 1 − ε] before taking logarithms.</summary>
    public const float Epsilon = 1e-7f;

    /// <summary>The Keras-style name.</summary>
    public abstract string Name { get; }

    /// <summary>The mean loss over the batch.</summary>
    /// <exception cref="ArgumentException">The shapes of <paramref name="predictions"/> and <paramref name="targets"/> don't fit.</exception>
    public abstract double Compute(Matrix predictions, Matrix targets);

    /// <summary>∂L/∂Ŷ of the batch-mean loss, written into <paramref name="gradient"/> (reshaped to the predictions' shape).</summary>
    public abstract void Gradient(Matrix predictions, Matrix targets, Matrix gradient);

    /// <summary>
    /// When this loss and the output layer's activation have a combined gradient with respect to the pre-activation Z
    /// (softmax + cross-entropy, sigmoid + binary cross-entropy: both <c>dZ = (Ŷ − Y)/N</c>), writes it and returns true.
    /// </summary>
    /// <remarks>The combined form is what the chain rule gives; it is cheaper and avoids dividing by tiny probabilities.</remarks>
    public virtual bool TryOutputGradient(Activation outputActivation, Matrix predictions, Matrix targets, Matrix dZ) => false;

    /// <summary>
    /// Checks every target a model is given — all rows at once, before any step (<see cref="Models.Model.Fit"/>,
    /// Evaluate, TrainOnBatch, ComputeGradients): a bad target is named by its row and column in the caller's matrix.
    /// </summary>
    /// <param name="targets">The targets, one row per sample, already of the width this loss takes.</param>
    /// <param name="classes">The model's output width (for the classification losses: the number of classes).</param>
    /// <param name="name">The argument's name in the caller's call, e.g. "y" or "validationData.Y".</param>
    /// <remarks>Every loss needs finite targets (a NaN target makes every gradient NaN); the cross-entropies also check
    /// that targets are what they measure: probabilities in [0, 1], one-hot rows, or class indices in [0, classes).</remarks>
    /// <exception cref="ArgumentException">A target is not valid; the message names the argument, row, column and value.</exception>
    public virtual void CheckTargets(Matrix targets, int classes, string name)
    {
        ArgumentNullException.ThrowIfNull(targets, name);
        ValueChecks.RequireFinite(targets, name, $"{Name} targets must be finite numbers");
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>Mean squared error.</summary>
    public static Loss MeanSquaredError { get; } = new MeanSquaredError();

    /// <summary>Binary cross-entropy on probabilities.</summary>
    public static Loss BinaryCrossEntropy { get; } = new BinaryCrossEntropy();

    /// <summary>Categorical cross-entropy on one-hot targets.</summary>
    public static Loss CategoricalCrossEntropy { get; } = new CategoricalCrossEntropy();

    /// <summary>Categorical cross-entropy on integer class labels.</summary>
    public static Loss SparseCategoricalCrossEntropy { get; } = new SparseCategoricalCrossEntropy();

    /// <summary>The loss with Keras name <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the known names.</exception>
    public static Loss Get(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "mse" or "mean_squared_error" => MeanSquaredError,
        "binary_crossentropy" or "bce" => BinaryCrossEntropy,
        "categorical_crossentropy" => CategoricalCrossEntropy,
        "sparse_categorical_crossentropy" => SparseCategoricalCrossEntropy,
        _ => throw new ArgumentException(
            $"Unknown loss '{name}'. Known: mse, binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy.", nameof(name)),
    };

    /// <summary>Lets a Keras name be used wherever a loss is expected.</summary>
    public static implicit operator Loss(string name) => Get(name);

    /// <summary>Throws unless predictions and targets have the same shape and at least one row.</summary>
    protected static void RequireSameShape(Matrix predictions, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Rows != targets.Rows || predictions.Columns != targets.Columns)
            throw new ArgumentException($"targets have shape {targets.ShapeText} but predictions have shape {predictions.ShapeText}.", nameof(targets));
        if (predictions.Rows == 0) throw new ArgumentException("predictions are empty (0 rows).", nameof(predictions));
    }

    /// <summary>Clips a probability to [ε, 1 − ε].</summary>
    protected static float Clip(float p) => Math.Clamp(p, Epsilon, 1f - Epsilon);
}
