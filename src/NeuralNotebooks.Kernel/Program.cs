using System.CommandLine;
using System.Runtime.InteropServices;
using NeuralNotebooks.Kernel;
using NeuralNotebooks.Kernel.Installation;
using NeuralNotebooks.Kernel.Protocol;

var connectionFile = new Option<FileInfo>("--connection-file", "-f") { Description = "The connection file the Jupyter front end wrote." };
var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter/kernels (e.g. a virtual environment) instead of the user's Jupyter folder." };
var name = new Option<string>("--name") { Description = "The kernelspec name.", DefaultValueFactory = _ => KernelSpecInstaller.DefaultName };
var force = new Option<bool>("--force") { Description = "Replace a kernelspec of that name even if it is not ours." };

var root = new RootCommand("C# Jupyter kernel for NeuralNotebooks. Started by a Jupyter front end with --connection-file; `install` registers it.");
root.Options.Add(connectionFile);
root.SetAction(async (parse, _) =>
{
    if (parse.GetValue(connectionFile) is not { } file)
    {
        Console.Error.WriteLine("A Jupyter front end starts the kernel with --connection-file FILE. To register it with Jupyter: install (see --help).");
        return 2;
    }
    ConnectionInfo connection;
    try { connection = ConnectionInfo.Read(file.FullName); }
    catch (InvalidDataException e) { Console.Error.WriteLine(e.Message); return 2; }
    using var server = new KernelServer(connection, Environment.CurrentDirectory);
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; server.Interrupt(); });
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => server.Stop(0));
    using var parent = ParentWatch.Start(server);
    return await server.RunAsync();
});

var install = new Command("install", "Register the kernel with Jupyter (writes kernels/<name>/kernel.json).") { prefix, name, force };
install.SetAction(parse =>
{
    try
    {
        var folder = KernelSpecInstaller.Install(parse.GetValue(prefix), parse.GetValue(name)!, parse.GetValue(force));
        Console.WriteLine($"Installed kernelspec \"{parse.GetValue(name)}\" ({KernelSpecInstaller.DisplayName}) in {folder}");
        return 0;
    }
    catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
});

var uninstall = new Command("uninstall", "Remove the kernelspec written by install.") { prefix, name };
uninstall.SetAction(parse =>
{
    try
    {
        var folder = KernelSpecInstaller.Uninstall(parse.GetValue(prefix), parse.GetValue(name)!);
        Console.WriteLine(folder is null ? $"No kernelspec \"{parse.GetValue(name)}\" in {KernelSpecInstaller.KernelsDirectory(parse.GetValue(prefix))}." : $"Removed {folder}");
        return 0;
    }
    catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
});

root.Subcommands.Add(install);
root.Subcommands.Add(uninstall);
return await root.Parse(args).InvokeAsync();
