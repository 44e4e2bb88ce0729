using System.Reflection;
using NeuralNotebooks.Plots.Rendering;

namespace NeuralNotebooks.Plots.Training;

/// <summary>
/// The seam between this library and a notebook's <c>display</c>: shows a value and returns a handle whose
/// <c>Update(object)</c> replaces it in place.
/// </summary>
/// <remarks>
/// <para>Polyglot Notebooks (.NET Interactive) offers <c>Kernel.display(object, params string[] mimeTypes)</c>
/// returning a <c>DisplayedValue</c> with <c>Update(object)</c>; the NeuralNotebooks runner offers the same shape.
/// A library cannot call them directly without referencing them, so the caller passes its <c>display</c> as a
/// delegate, or <see cref="TryFindPolyglot"/> finds <c>Microsoft.DotNet.Interactive.Kernel.display</c> by reflection
/// among the loaded assemblies.</para>
/// <para>The handle is used by reflection too: any object with a public instance method <c>Update</c> taking one
/// parameter that a <see cref="Plot"/> can be passed to.</para>
/// </remarks>
public sealed class NotebookDisplay
{
    private readonly Func<object, object?> _show;

    /// <summary>Wraps a show function returning an updatable handle.</summary>
    public NotebookDisplay(Func<object, object?> show) => _show = show ?? throw new ArgumentNullException(nameof(show));

    /// <summary>Shows <paramref name="value"/> and returns a handle to update it (null when the function returned none).</summary>
    public Handle Show(object value) => new(_show(value));

    /// <summary>A displayed value.</summary>
    public sealed class Handle
    {
        private readonly object? _target;
        private readonly MethodInfo? _update;

        internal Handle(object? target)
        {
            _target = target;
            _update = target?.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(m => m.Name == "Update" && m.GetParameters() is { Length: 1 } ps && ps[0].ParameterType.IsAssignableFrom(typeof(Plot)));
        }

        /// <summary>True when the display returned a handle with a usable <c>Update</c>.</summary>
        public bool CanUpdate => _update is not null;

        /// <summary>Replaces the displayed value; false when this handle cannot update (the caller may show anew instead).</summary>
        public bool Update(object value)
        {
            if (_update is null) return false;
            try { _update.Invoke(_target, new[] { value }); }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
            return true;
        }
    }

    /// <summary>
    /// Polyglot Notebooks' <c>Microsoft.DotNet.Interactive.Kernel.display</c>, when that assembly is loaded (i.e. when
    /// running inside a .NET Interactive kernel); null elsewhere.
    /// </summary>
    public static NotebookDisplay? TryFindPolyglot()
    {
        foreach (var asm in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (asm.GetName().Name != "Microsoft.DotNet.Interactive") continue;
            var kernel = asm.GetType("Microsoft.DotNet.Interactive.Kernel");
            var display = kernel?.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "display" && m.GetParameters() is { Length: 2 } ps
                    && ps[0].ParameterType == typeof(object) && ps[1].ParameterType == typeof(string[]));
            if (display is not null)
                return new NotebookDisplay(v => display.Invoke(null, new object[] { v, PlotMimeTypes.Notebook.ToArray() }));
        }
        return null;
    }
}
