using System.Text.Json;
using System.Text.RegularExpressions;
using NeuralNotebooks.Activations;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Tests.Rendering;

/// <summary>The figure JSON every page, picture and saved notebook is drawn from: numbers at float32 precision.</summary>
public class FigureJsonTests
{
    [Fact]
    public void Compact_rounds_non_integers_to_seven_significant_digits_and_keeps_everything_else()
    {
        string json = """{"data":[{"x":[0.1,1.0000000000000002,-1.194061502814293,3,60000,1e-20],"name":"a \"b\" </script> ü","on":true,"n":null}],"layout":{"width":800}}""";
        string compact = FigureJson.Compact(json);
        Assert.Equal("""{"data":[{"x":[0.1,1,-1.194062,3,60000,1E-20],"name":"a \"b\" </script> ü","on":true,"n":null}],"layout":{"width":800}}""", compact);
    }

    [Fact]
    public void Compact_refuses_text_that_is_not_json()
    {
        var e = Assert.Throws<ArgumentException>(() => FigureJson.Compact("{\"data\": [1, 2"));
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void A_charts_figure_has_no_number_longer_than_float32_precision_and_the_same_values()
    {
        var figure = FigureJson.Of(Charts.Activations(new Sigmoid(), new Tanh()).Chart);
        var digits = Regex.Matches(figure.Data, @"(?<![\w.])-?\d+\.(\d+)").Select(m => m.Value.TrimStart('-').Replace(".", "").TrimStart('0').Length);
        Assert.True(digits.Max() <= FigureJson.SignificantDigits, $"longest number has {digits.Max()} significant digits");
        using var doc = JsonDocument.Parse(figure.Data);
        var y = doc.RootElement[0].GetProperty("y");
        var x = doc.RootElement[0].GetProperty("x");
        for (int i = 0; i < x.GetArrayLength(); i += 20)
            Assert.Equal(1 / (1 + Math.Exp(-x[i].GetDouble())), y[i].GetDouble(), 6);
    }
}
