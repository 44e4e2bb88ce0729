using NeuralNotebooks.Torch;
using NeuralNotebooks.Torch.NativeLoading;

namespace NeuralNotebooks.Torch.Tests.Support;

public sealed class TorchSupportTests
{
    [Fact]
    public void Explain_names_old_libstdcxx_and_lists_supported_systems()
    {
        var failure = new TypeInitializationException("TorchSharp.torch",
            new NotSupportedException("The libtorch-cpu native component could not be loaded: /x/libLibTorchSharp.so: version `GLIBCXX_3.4.32' not found"));
        string reason = TorchSupport.Explain(failure);
        Assert.Contains("older than GCC 13", reason);
        Assert.Contains("GLIBCXX_3.4.32", reason);
        Assert.DoesNotContain("torchsharp-compat", reason);
        Assert.Contains("Ubuntu 24.04", reason);
        Assert.Contains("Windows", reason);
        Assert.Contains("NotSupportedException", reason);  // the inner exception is kept in the details
    }

    [Fact]
    public void Explain_uses_the_direct_load_error_when_torchsharps_message_hides_it()
    {
        var failure = new TypeInitializationException("TorchSharp.torch",
            new NotSupportedException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64, Version=2.10.0.0."));
        string reason = TorchSupport.Explain(failure, "Unable to load shared library 'libLibTorchSharp.so': version `GLIBCXX_3.4.32' not found");
        Assert.Contains("libstdc++ is older than GCC 13", reason);
        Assert.Contains("doesn't contain a reference", reason);
        Assert.DoesNotContain("libstdc++ is older", TorchSupport.Explain(failure));
    }

    [Fact]
    public void Explain_names_the_loaders_cause_when_it_could_not_help()
    {
        var failure = new TypeInitializationException("TorchSharp.torch", new NotSupportedException("no LibTorchSharp"));
        var loader = new NativeLoadResult(NativeLoadAction.CannotHelp, "TorchSharp-cpu 0.107 ships Linux native libraries for x64 only; this process is Arm64");
        string reason = TorchSupport.Explain(failure, null, loader);
        Assert.Contains("The kit could not make it load: TorchSharp-cpu 0.107 ships Linux native libraries for x64 only", reason);
        Assert.DoesNotContain("could not make it load", TorchSupport.Explain(failure, null, loader with { Action = NativeLoadAction.RewrittenCopy }));
    }

    [Fact]
    public void Unavailable_reason_and_availability_agree()
    {
        Assert.Equal(TorchSupport.IsAvailable, TorchSupport.UnavailableReason is null);
        if (!TorchSupport.IsAvailable)
            Assert.Contains("TorchSharp", Assert.Throws<InvalidOperationException>(TorchSupport.EnsureAvailable).Message);
    }

    [TorchFact]
    public void Reports_libtorch_2_10_and_sets_threads()
    {
        Assert.StartsWith("2.10", TorchSupport.LibTorchVersion);
        int before = TorchSupport.Threads;
        TorchSupport.SetThreads(1);
        Assert.Equal(1, TorchSupport.Threads);
        TorchSupport.SetThreads(before);
    }

    [TorchFact]
    public void SetThreads_rejects_zero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TorchSupport.SetThreads(0));
        Assert.Equal("threads", e.ParamName);
    }

    [Fact]
    public void CI_never_skips_torch_tests()
    {
        if (TorchGate.IsCi) Assert.Null(TorchGate.SkipReason);
        else Assert.Equal(TorchSupport.IsAvailable, TorchGate.SkipReason is null);
    }
}
