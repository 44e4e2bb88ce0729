using NeuralNotebooks.Data;

namespace NeuralNotebooks.Tests.Data;

public class LogicGatesTests
{
    [Theory]
    [InlineData(LogicGate.And, new float[] { 0, 0, 0, 1 })]
    [InlineData(LogicGate.Or, new float[] { 0, 1, 1, 1 })]
    [InlineData(LogicGate.Nand, new float[] { 1, 1, 1, 0 })]
    [InlineData(LogicGate.Nor, new float[] { 1, 0, 0, 0 })]
    [InlineData(LogicGate.Xor, new float[] { 0, 1, 1, 0 })]
    public void TruthTable_lists_inputs_00_01_10_11_and_the_gate_outputs(LogicGate gate, float[] targets)
    {
        var (x, y) = LogicGates.TruthTable(gate);
        Assert.Equal(new float[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } }, x.ToArray());
        Assert.Equal(4, y.Rows);
        Assert.Equal(1, y.Columns);
        Assert.Equal(targets, y.Span.ToArray());
    }

    [Fact]
    public void Properties_return_the_same_tables_as_TruthTable()
    {
        Assert.Equal(LogicGates.TruthTable(LogicGate.And).Y.Span.ToArray(), LogicGates.And.Y.Span.ToArray());
        Assert.Equal(LogicGates.TruthTable(LogicGate.Or).Y.Span.ToArray(), LogicGates.Or.Y.Span.ToArray());
        Assert.Equal(LogicGates.TruthTable(LogicGate.Nand).Y.Span.ToArray(), LogicGates.Nand.Y.Span.ToArray());
        Assert.Equal(LogicGates.TruthTable(LogicGate.Nor).Y.Span.ToArray(), LogicGates.Nor.Y.Span.ToArray());
        Assert.Equal(LogicGates.TruthTable(LogicGate.Xor).Y.Span.ToArray(), LogicGates.Xor.Y.Span.ToArray());
        Assert.Equal(LogicGates.TruthTable(LogicGate.Xor).X.ToArray(), LogicGates.Xor.X.ToArray());
    }

    [Fact]
    public void Each_call_returns_fresh_matrices()
    {
        var first = LogicGates.Xor;
        first.Y[0, 0] = 42f;
        Assert.Equal(0f, LogicGates.Xor.Y[0, 0]);
    }

    [Fact]
    public void Undefined_gate_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LogicGates.TruthTable((LogicGate)99));
        Assert.Equal("gate", ex.ParamName);
    }
}
