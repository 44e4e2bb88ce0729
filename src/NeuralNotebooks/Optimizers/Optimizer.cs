using NeuralNotebooks.Kernels;
using NeuralNotebooks.Layers;

namespace NeuralNotebooks.Optimizers;

/// <summary>Updates parameters from their gradients after each mini-batch.</summary>
/// <remarks>
/// <para>Each optimizer keeps its state (velocities, moving averages) per parameter, created on the first step.
/// <see cref="Step"/> counts updates from 1 (<see cref="Iterations"/>), as Adam's bias correction needs.</para>
/// <para>Defaults follow Keras. Keras names work with <see cref="Get"/>: "sgd", "rmsprop", "adam".</para>
/// </remarks>
public abstract class Optimizer
{
    private readonly Dictionary<Parameter, float[][]> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates an optimizer with learning rate <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is not a finite number &gt; 0.</exception>
    protected Optimizer(double learningRate)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "learningRate must be a finite number > 0.");
        LearningRate = learningRate;
    }

    /// <summary>The Keras-style name.</summary>
    public abstract string Name { get; }

    /// <summary>η, the step size.</summary>
    public double LearningRate { get; }

    /// <summary>Number of updates made so far.</summary>
    public long Iterations { get; private set; }

    /// <summary>Applies one update to every parameter from its current gradient.</summary>
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Iterations++;
        foreach (var p in parameters)
        {
            if (!_state.TryGetValue(p, out var slots))
            {
                slots = new float[SlotCount][];
                for (int s = 0; s < slots.Length; s++) slots[s] = new float[p.Value.Length];
                _state[p] = slots;
            }
            Update(p.Value.Span, p.Gradient.Span, slots, Iterations);
        }
    }

    /// <summary>Forgets all state (velocities, averages, the iteration count).</summary>
    public void Reset()
    {
        _state.Clear();
        Iterations = 0;
    }

    /// <summary>How many state arrays (each the size of the parameter) the optimizer keeps per parameter.</summary>
    protected abstract int SlotCount { get; }

    /// <summary>Updates one parameter in place.</summary>
    /// <param name="value">The parameter's values.</param>
    /// <param name="gradient">∂L/∂value.</param>
    /// <param name="slots">This parameter's state arrays (zero at the first step).</param>
    /// <param name="iteration">The update number, from 1.</param>
    protected abstract void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, long iteration);

    /// <summary>The name and learning rate.</summary>
    public override string ToString() => $"{Name}(lr={LearningRate})";

    /// <summary>An optimizer with Keras defaults from its name.</summary>
    /// <exception cref="ArgumentException">The name is unknown.</exception>
    public static Optimizer Get(string name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "sgd" => new Sgd(),
        "rmsprop" => new RmsProp(),
        "adam" => new Adam(),
        _ => throw new ArgumentException($"Unknown optimizer '{name}'. Known: sgd, rmsprop, adam.", nameof(name)),
    };

    /// <summary>Lets a Keras name be used wherever an optimizer is expected: <c>Compile("adam", ...)</c>.</summary>
    public static implicit operator Optimizer(string name) => Get(name);

    /// <summary>Replaces a denormal value (|x| &lt; 2⁻¹²⁶) by 0, so moving averages that decay towards 0 reach it
    /// instead of slowing every later step ~40× (see <see cref="Denormals"/>).</summary>
    protected static float FlushDenormal(float x) => Denormals.Flush(x);

    /// <summary>Throws unless <paramref name="value"/> is in [0, 1).</summary>
    protected static double RequireUnitInterval(double value, string paramName)
    {
        if (!(value >= 0 && value < 1)) throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be in [0, 1).");
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    protected static double RequirePositive(double value, string paramName)
    {
        if (!(value > 0) || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number > 0.");
        return value;
    }
}
