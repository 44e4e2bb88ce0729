using System.Diagnostics;

namespace NeuralNotebooks.Kernel;

/// <summary>
/// Ends the kernel when the process that started it is gone (Jupyter passes its id in <c>JPY_PARENT_PID</c>), so a
/// crashed front end or test never leaves a kernel running.
/// </summary>
internal sealed class ParentWatch : IDisposable
{
    private readonly Timer _timer;

    private ParentWatch(Process parent, KernelServer server) =>
        _timer = new Timer(_ =>
        {
            bool gone;
            try { parent.Refresh(); gone = parent.HasExited; }
            catch (Exception) { gone = true; }
            if (gone) server.Stop(0);
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    /// <summary>Watches JPY_PARENT_PID if it is set and alive; otherwise does nothing.</summary>
    public static IDisposable? Start(KernelServer server)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) || pid <= 1) return null;
        try { return new ParentWatch(Process.GetProcessById(pid), server); }
        catch (ArgumentException) { return null; } // already gone or never existed: nothing to watch
    }

    public void Dispose() => _timer.Dispose();
}
