using NeuralNotebooks.Torch;

namespace NeuralNotebooks.Torch.Tests.Support;

/// <summary>
/// A <see cref="FactAttribute"/> for tests that need libtorch: the test is reported as SKIPPED, with the reason, when
/// TorchSharp's native libraries don't load here — never as passed. Under CI (environment variable CI=true) it is not
/// skipped: TorchSharp must load there, so the test runs and fails loudly with the reason (see <see cref="TorchTest"/>).
/// </summary>
/// <remarks>xunit 2.9 has no dynamic skip; setting <see cref="FactAttribute.Skip"/> in the constructor is the supported way.</remarks>
public sealed class TorchFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when TorchSharp is unavailable (outside CI).</summary>
    public TorchFactAttribute() => Skip = TorchGate.SkipReason;
}

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="TorchFactAttribute"/>.</summary>
public sealed class TorchTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when TorchSharp is unavailable (outside CI).</summary>
    public TorchTheoryAttribute() => Skip = TorchGate.SkipReason;
}

/// <summary>Decides whether torch tests are skipped.</summary>
public static class TorchGate
{
    /// <summary>True when the environment variable CI is "true" (GitHub Actions, GitLab, our .ci/run).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The skip message, or null when the test must run.</summary>
    public static string? SkipReason =>
        TorchSupport.IsAvailable || IsCi ? null : "SKIPPED because TorchSharp cannot load here: " + TorchSupport.UnavailableReason;
}

/// <summary>
/// Base class of test classes that use libtorch: its constructor fails every test with the load failure's reason when
/// TorchSharp is unavailable but the test was not skipped (that is, under CI=true).
/// </summary>
public abstract class TorchTest
{
    /// <summary>Fails fast with <see cref="TorchSupport.UnavailableReason"/>.</summary>
    protected TorchTest() => TorchSupport.EnsureAvailable();
}
