namespace NeuralNotebooks.Data;

/// <summary>The two-input logic gates used as the first learning problems of the course.</summary>
/// <remarks>AND, OR, NAND and NOR are linearly separable (one perceptron learns them); XOR is not
/// (it needs a hidden layer).</remarks>
public enum LogicGate
{
    /// <summary>1 only when both inputs are 1.</summary>
    And,

    /// <summary>1 when at least one input is 1.</summary>
    Or,

    /// <summary>NOT AND: 0 only when both inputs are 1.</summary>
    Nand,

    /// <summary>NOT OR: 1 only when both inputs are 0.</summary>
    Nor,

    /// <summary>Exclusive or: 1 when exactly one input is 1.</summary>
    Xor,
}
