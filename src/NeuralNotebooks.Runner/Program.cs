using NeuralNotebooks.Runner.Supervision;

return args is [NotebookWorker.Command, ..]
    ? await NotebookWorker.RunAsync(args[1..])
    : await NeuralNotebooks.Runner.Cli.CommandLine.RunAsync(args);
