return await NeuralNotebooks.Runner.Cli.CommandLine.RunAsync(args);
