using System.Runtime.CompilerServices;

namespace NeuralNotebooks.Torch.NativeLoading;

/// <summary>
/// Runs <see cref="TorchNativeLoader.EnsureLoaded"/> the first time any type of NeuralNotebooks.Torch is touched, so
/// every program and notebook that uses the library (runner, tests, benchmarks, exported file-based apps, a
/// <c>#r</c>'d dll in VS Code) gets a loadable shim before the first TorchSharp call, with no setup line.
/// </summary>
internal static class LoadOnFirstUse
{
#pragma warning disable CA2255 // A library module initializer is the point here: it must run before TorchSharp's loader.
    [ModuleInitializer]
    internal static void Run() => TorchNativeLoader.EnsureLoaded();
#pragma warning restore CA2255
}
