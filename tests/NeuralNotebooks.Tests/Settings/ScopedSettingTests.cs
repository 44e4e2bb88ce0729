using NeuralNotebooks.Settings;

namespace NeuralNotebooks.Tests.Settings;

public class ScopedSettingTests
{
    [Fact]
    public void A_scope_overrides_the_process_value_until_it_is_disposed_and_scopes_nest()
    {
        var setting = new ScopedSetting<int>(4);
        Assert.Equal(4, setting.Value);
        using (setting.Use(1))
        {
            Assert.Equal(1, setting.Value);
            using (setting.Use(0)) Assert.Equal(0, setting.Value);             // any value, default included
            Assert.Equal(1, setting.Value);
            Assert.Equal(4, setting.ProcessValue);
        }
        Assert.Equal(4, setting.Value);
    }

    [Fact]
    public void The_process_value_shows_outside_scopes_only()
    {
        var setting = new ScopedSetting<string?>("process");
        using (setting.Use(null))
        {
            setting.ProcessValue = "changed";
            Assert.Null(setting.Value);
        }
        Assert.Equal("changed", setting.Value);
    }

    [Fact]
    public void A_second_dispose_changes_nothing()
    {
        var setting = new ScopedSetting<int>(4);
        var first = setting.Use(1);
        first.Dispose();
        using (setting.Use(2))
        {
            first.Dispose();
            Assert.Equal(2, setting.Value);
        }
        Assert.Equal(4, setting.Value);
    }

    [Fact]
    public async Task A_scope_flows_into_the_async_code_it_starts_but_not_into_code_running_elsewhere()
    {
        var setting = new ScopedSetting<int>(4);
        using var inside = new ManualResetEventSlim();
        using var checkedOutside = new ManualResetEventSlim();
        int seenElsewhere = -1;
        var elsewhere = new Thread(() =>
        {
            inside.Wait();
            seenElsewhere = setting.Value;                                   // started before the scope: not in it
            checkedOutside.Set();
        });
        elsewhere.Start();
        using (setting.Use(7))
        {
            inside.Set();
            Assert.True(checkedOutside.Wait(TimeSpan.FromSeconds(30)));
            Assert.Equal(7, await Task.Run(() => setting.Value));          // async code started inside sees it
        }
        elsewhere.Join();
        Assert.Equal(4, seenElsewhere);
    }
}
