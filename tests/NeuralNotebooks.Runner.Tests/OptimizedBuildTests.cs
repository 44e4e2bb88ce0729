using System.Diagnostics;
using System.Reflection;

namespace NeuralNotebooks.Runner.Tests;

/// <summary>
/// Users run Debug builds (the README's <c>dotnet run</c> / <c>dotnet test</c>, a notebook's <c>#r bin/Debug/…</c>), so
/// the kit's assemblies must be JIT-optimised in whatever configuration this test was built in (src/Directory.Build.props
/// sets <c>Optimize</c> for every configuration and fails the build otherwise).
/// </summary>
public class OptimizedBuildTests
{
    public static TheoryData<string> Assemblies => new()
    {
        "NeuralNotebooks", "NeuralNotebooks.Plots", "NeuralNotebooks.Torch", "NeuralNotebooks.Execution", "NeuralNotebooks.Runner",
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_kit_assembly_is_compiled_with_the_JIT_optimizer_enabled(string name)
    {
        var assembly = Assembly.Load(name); // the copy next to this test, built in this test's configuration
        var debuggable = assembly.GetCustomAttribute<DebuggableAttribute>();
        string configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "?";
        Assert.False(debuggable?.IsJITOptimizerDisabled ?? false,
            $"{name} ({configuration} build) disables the JIT optimizer; src/Directory.Build.props must keep <Optimize>true</Optimize>.");
    }
}
