using System.Collections;
using System.Diagnostics.CodeAnalysis;
using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Models;

/// <summary>
/// The loss on one batch and the gradient of that loss with respect to every trainable parameter, by parameter name
/// ("dense/kernel", "dense/bias", "dense_1/kernel", …) and in the model's parameter order.
/// </summary>
/// <example>
/// <code>
/// var g = model.ComputeGradients(x, y);
/// Console.WriteLine(g.Loss);
/// Matrix dW = g["dense/kernel"];              // same shape as the kernel: in × units
/// foreach (var (name, gradient) in g) Console.WriteLine($"{name} {gradient.ShapeText}");
/// </code>
/// </example>
/// <remarks>
/// <para><c>g[p] = ∂L/∂p</c>, each of the same shape as its parameter. The matrices are copies: they do not change when
/// the model trains on.</para>
/// <para>Returned by <see cref="Sequential.ComputeGradients"/> and by the TorchSharp twin's <c>ComputeGradients</c>, so
/// the from-scratch backpropagation and libtorch's autograd can be compared name by name.</para>
/// </remarks>
public sealed class Gradients : IReadOnlyDictionary<string, Matrix>
{
    private readonly string[] _names;
    private readonly Matrix[] _gradients;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates the result from the batch loss and (name, gradient) pairs in parameter order.</summary>
    /// <exception cref="ArgumentException">A name is empty or appears twice, or a gradient is null.</exception>
    public Gradients(double loss, IEnumerable<(string Name, Matrix Gradient)> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        var list = gradients.ToArray();
        _names = new string[list.Length];
        _gradients = new Matrix[list.Length];
        _index = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            var (name, gradient) = list[i];
            if (string.IsNullOrEmpty(name)) throw new ArgumentException($"Gradient {i} has no parameter name.", nameof(gradients));
            if (gradient is null) throw new ArgumentException($"The gradient of '{name}' is null.", nameof(gradients));
            if (!_index.TryAdd(name, i)) throw new ArgumentException($"Parameter name '{name}' appears twice.", nameof(gradients));
            (_names[i], _gradients[i]) = (name, gradient);
        }
        Loss = loss;
    }

    /// <summary>The batch loss L (the mean over the batch's samples) at the weights the gradients were taken at.</summary>
    public double Loss { get; }

    /// <summary>The parameter names in the model's order, e.g. ["dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"].</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The number of parameters.</summary>
    public int Count => _names.Length;

    /// <summary>∂L/∂p for the parameter named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter; the message lists the ones that exist.</exception>
    public Matrix this[string name] => _index.TryGetValue(name, out int i)
        ? _gradients[i]
        : throw new KeyNotFoundException($"No gradient for '{name}'. The parameters are: {string.Join(", ", _names)}.");

    /// <summary>∂L/∂p for the <paramref name="index"/>-th parameter (the order of <see cref="Names"/>).</summary>
    public Matrix this[int index] => _gradients[index];

    /// <summary>True when there is a gradient for <paramref name="name"/>.</summary>
    public bool ContainsKey(string name) => _index.ContainsKey(name);

    /// <summary>The gradient for <paramref name="name"/>, if there is one.</summary>
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out Matrix gradient)
    {
        bool found = _index.TryGetValue(name, out int i);
        gradient = found ? _gradients[i] : null;
        return found;
    }

    /// <summary>The (name, gradient) pairs in parameter order.</summary>
    public IEnumerator<KeyValuePair<string, Matrix>> GetEnumerator()
    {
        for (int i = 0; i < _names.Length; i++) yield return new(_names[i], _gradients[i]);
    }

    IEnumerable<string> IReadOnlyDictionary<string, Matrix>.Keys => _names;

    IEnumerable<Matrix> IReadOnlyDictionary<string, Matrix>.Values => _gradients;

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"loss 0.6931; dense/kernel (2, 4), dense/bias (1, 4)".</summary>
    public override string ToString() =>
        $"loss {Loss.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}; " +
        string.Join(", ", _names.Select((n, i) => $"{n} {_gradients[i].ShapeText}"));
}
