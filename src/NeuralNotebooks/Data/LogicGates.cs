using NeuralNotebooks.Tensors;

namespace NeuralNotebooks.Data;

/// <summary>Truth tables of the two-input logic gates as training data (4 samples, 2 features, 1 target).</summary>
/// <remarks>
/// <para>X is the 4×2 matrix of inputs in the order (0,0), (0,1), (1,0), (1,1); Y is the 4×1 column of outputs.</para>
/// <code>
///        x₁ x₂ | AND OR NAND NOR XOR
///        0  0  |  0   0   1    1   0
///        0  1  |  0   1   1    0   1
///        1  0  |  0   1   1    0   1
///        1  1  |  1   1   0    0   0
/// </code>
/// <para>Every call returns new matrices, so a caller may modify them freely.</para>
/// </remarks>
public static class LogicGates
{
    /// <summary>The truth table of <paramref name="gate"/>: inputs X (4×2) and targets Y (4×1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gate"/> is not a defined <see cref="LogicGate"/>.</exception>
    public static (Matrix X, Matrix Y) TruthTable(LogicGate gate)
    {
        Func<bool, bool, bool> f = gate switch
        {
            LogicGate.And => (a, b) => a && b,
            LogicGate.Or => (a, b) => a || b,
            LogicGate.Nand => (a, b) => !(a && b),
            LogicGate.Nor => (a, b) => !(a || b),
            LogicGate.Xor => (a, b) => a ^ b,
            _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "gate must be And, Or, Nand, Nor or Xor."),
        };
        var x = new Matrix(4, 2);
        var y = new Matrix(4, 1);
        for (int i = 0; i < 4; i++)
        {
            bool a = (i & 2) != 0, b = (i & 1) != 0;
            x[i, 0] = a ? 1f : 0f;
            x[i, 1] = b ? 1f : 0f;
            y[i, 0] = f(a, b) ? 1f : 0f;
        }
        return (x, y);
    }

    /// <summary>The AND truth table (targets 0, 0, 0, 1).</summary>
    public static (Matrix X, Matrix Y) And => TruthTable(LogicGate.And);

    /// <summary>The OR truth table (targets 0, 1, 1, 1).</summary>
    public static (Matrix X, Matrix Y) Or => TruthTable(LogicGate.Or);

    /// <summary>The NAND truth table (targets 1, 1, 1, 0).</summary>
    public static (Matrix X, Matrix Y) Nand => TruthTable(LogicGate.Nand);

    /// <summary>The NOR truth table (targets 1, 0, 0, 0).</summary>
    public static (Matrix X, Matrix Y) Nor => TruthTable(LogicGate.Nor);

    /// <summary>The XOR truth table (targets 0, 1, 1, 0).</summary>
    public static (Matrix X, Matrix Y) Xor => TruthTable(LogicGate.Xor);
}
