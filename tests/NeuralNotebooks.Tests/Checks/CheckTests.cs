using NeuralNotebooks.Checks;

namespace NeuralNotebooks.Tests.Checks;

public class CheckTests
{
    [Theory]
    [InlineData(0.95, 0.9, true)]
    [InlineData(0.9, 0.9, true)]
    [InlineData(0.85, 0.9, false)]
    [InlineData(double.NaN, 0.9, false)]
    public void AtLeast_compares_value_with_bound(double value, double bound, bool passed)
    {
        using var scope = Check.BeginScope();
        var r = Check.AtLeast("accuracy", value, bound);
        Assert.Equal(passed, r.Passed);
        Assert.Equal($"{(passed ? "✓" : "✗")} accuracy: {CheckResult.FormatNumber(value)} ≥ 0.9", r.ToString());
    }

    [Theory]
    [InlineData(3, 4, true)]
    [InlineData(4, 4, true)]
    [InlineData(5, 4, false)]
    public void AtMost_compares_value_with_bound(double value, double bound, bool passed)
    {
        using var scope = Check.BeginScope();
        var r = Check.AtMost("epochs", value, bound);
        Assert.Equal(passed, r.Passed);
        Assert.Equal("≤ 4", r.Bound);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(1.5, true)]
    [InlineData(0.999, false)]
    [InlineData(2.001, false)]
    public void Between_includes_both_ends(double value, bool passed)
    {
        using var scope = Check.BeginScope();
        var r = Check.Between("x", value, 1, 2);
        Assert.Equal(passed, r.Passed);
        Assert.Equal("∈ [1, 2]", r.Bound);
    }

    [Fact]
    public void Close_uses_absolute_tolerance()
    {
        using var scope = Check.BeginScope();
        Assert.True(Check.Close("sum", 0.5 * 2 + 0.7 * 3 + 0.6 * 1 + 2, 5.7, 1e-9).Passed);
        Assert.False(Check.Close("sum", 5.71, 5.7, 1e-3).Passed);
        Assert.False(Check.Close("nan", double.NaN, 5.7, 1).Passed);
        Assert.Equal("✓ sum: 5.7 ≈ 5.7 ± 1E-09", Check.Recorded[0].ToString());
    }

    [Fact]
    public void Equal_and_True()
    {
        using var scope = Check.BeginScope();
        Assert.True(Check.Equal("prediction", 0, 0).Passed);
        var bad = Check.Equal("name", "a", "b");
        Assert.False(bad.Passed);
        Assert.Equal("✗ name: a = b", bad.ToString());
        Assert.True(Check.True("converged", true).Passed);
        Assert.Equal("✗ converged: false = true", Check.True("converged", false).ToString());
    }

    [Fact]
    public void A_failing_check_does_not_throw_and_is_recorded_in_order()
    {
        using var scope = Check.BeginScope();
        Check.AtLeast("a", 1, 2);
        Check.AtLeast("b", 3, 2);
        Assert.Equal(new[] { "a", "b" }, Check.Recorded.Select(r => r.Name));
        Assert.False(scope.AllPassed);
        scope.Clear();
        Assert.Empty(Check.Recorded);
        Assert.True(scope.AllPassed);
    }

    [Fact]
    public void Writes_its_line_to_console_out()
    {
        using var scope = Check.BeginScope();
        var original = Console.Out;
        var writer = new StringWriter();
        lock (ConsoleLock.Gate)
        {
            Console.SetOut(writer);
            try { Check.AtMost("loss", 0.25, 0.5); }
            finally { Console.SetOut(original); }
        }
        Assert.Contains("✓ loss: 0.25 ≤ 0.5", writer.ToString());
    }

    [Fact]
    public void Completed_is_raised_with_the_result_and_the_current_scope()
    {
        using var scope = Check.BeginScope();
        var seen = new List<CheckResult>();
        void Handler(object? sender, CheckResult r)
        {
            if (ReferenceEquals(Check.CurrentScope, scope)) seen.Add(r);
        }
        Check.Completed += Handler;
        try
        {
            var r = Check.True("ok", true);
            Assert.Same(r, Assert.Single(seen));
        }
        finally { Check.Completed -= Handler; }
    }

    [Fact]
    public async Task Scopes_flow_into_tasks_and_do_not_mix()
    {
        using var outer = Check.BeginScope();
        var inner = await Task.Run(() =>
        {
            using var s = Check.BeginScope();
            Check.True("inner", true);
            return s;
        });
        await Task.Run(() => Check.True("outer", true));
        Assert.Equal("inner", Assert.Single(inner.Results).Name);
        Assert.Equal("outer", Assert.Single(outer.Results).Name);
        Assert.Same(outer, Check.CurrentScope);
    }

    [Fact]
    public void Duration_is_the_time_since_the_previous_check()
    {
        using var scope = Check.BeginScope();
        Thread.Sleep(30);
        var first = Check.True("first", true);
        var second = Check.True("second", true);
        Assert.True(first.Duration >= TimeSpan.FromMilliseconds(25), first.Duration.ToString());
        Assert.True(second.Duration < first.Duration, $"{second.Duration} vs {first.Duration}");
    }

    [Fact]
    public void Preconditions_name_the_argument()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Check.True(" ", true)).ParamName);
        Assert.Equal("bound", Assert.Throws<ArgumentOutOfRangeException>(() => Check.AtLeast("x", 1, double.NaN)).ParamName);
        Assert.Equal("bound", Assert.Throws<ArgumentOutOfRangeException>(() => Check.AtMost("x", 1, double.NaN)).ParamName);
        Assert.Equal("low", Assert.Throws<ArgumentException>(() => Check.Between("x", 1, 3, 2)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => Check.Between("x", 1, 0, double.NaN)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close("x", 1, 1, -1)).ParamName);
        Assert.Equal("expected", Assert.Throws<ArgumentOutOfRangeException>(() => Check.Close("x", 1, double.PositiveInfinity, 1)).ParamName);
    }
}

/// <summary>Serialises the tests that swap Console.Out.</summary>
internal static class ConsoleLock
{
    public static readonly object Gate = new();
}
