using ScaleSweep.Client;

return await ScaleSweepCli.RunAsync(args, CliEnvironment.FromConsole());
