using Microsoft.CodeAnalysis.CSharp;
using NeuralNotebooks.Execution.Interrupts;

namespace NeuralNotebooks.Execution.Tests.Interrupts;

public class InterruptPointsTests
{
    private static string Insert(string code) =>
        InterruptPoints.Insert(CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: Microsoft.CodeAnalysis.SourceCodeKind.Script)), 7);

    private const string Poll = "global::NeuralNotebooks.Execution.Interrupts.InterruptPoint.Poll(7);";

    [Theory]
    [InlineData("while (x) { a(); }")]
    [InlineData("do { a(); } while (x);")]
    [InlineData("for (;;) a();")]
    [InlineData("foreach (var v in xs) a();")]
    [InlineData("foreach (var (k, v) in pairs) { }")]
    [InlineData("await foreach (var v in stream) { }")]
    [InlineData("void F() { while (true) { } }")]
    [InlineData("Action f = () => { while (true) ; };")]
    [InlineData("class C { void M() { for (int i = 0; ; i++) { } } }")]
    public void Every_kind_of_loop_gets_a_poll_at_the_start_of_its_body(string code)
    {
        var text = Insert(code);
        Assert.Equal(1, text.Split(Poll).Length - 1);
        Assert.Matches(@"(\{ |\{ \{ )" + System.Text.RegularExpressions.Regex.Escape(Poll), text);
    }

    [Fact]
    public void Nested_loops_each_get_one_and_no_line_is_added()
    {
        var code = "for (int i = 0; i < 3; i++)\n{\n    while (i < 0)\n        i++;\n#if DEBUG\n    Console.WriteLine(i);\n#endif\n}\nvar done = true;";
        var text = Insert(code);
        Assert.Equal(2, text.Split(Poll).Length - 1);
        Assert.Equal(code.Split('\n').Length, text.Split('\n').Length);
        Assert.Contains("\n#if DEBUG\n", text); // a directive still starts its line
        Assert.EndsWith("var done = true;", text);
    }

    [Fact]
    public void Code_without_loops_is_unchanged() =>
        Assert.Equal("var a = 1; // no loop\nConsole.WriteLine(a);", Insert("var a = 1; // no loop\nConsole.WriteLine(a);"));
}
