using System.CommandLine;
using ScaleSweep.Client.Commands;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Telemetry;
using OpenTelemetry.Trace;

namespace ScaleSweep.Client;

/// <summary>
/// The scalesweep command line: builds the root command and runs one invocation against the
/// given streams, so tests can run any command in-process and read what it printed.
/// </summary>
public static class ScaleSweepCli
{
    /// <summary>The program's name as users type it.</summary>
    public const string Name = "scalesweep";

    /// <summary>Runs one invocation with captured streams (no terminal, no signal handling).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CliEnvironment(stdout, stderr)).GetAwaiter().GetResult();

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command they name. Usage errors print one line
    /// on the error stream and return <see cref="ExitCodes.Usage"/>; no exception escapes.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        RootCommand root = BuildRootCommand(environment);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            environment.Error.WriteLine(UsageErrors.Describe(parseResult));
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = environment.HandleTermination ? TimeSpan.FromSeconds(2) : null,
        };

        TracerProvider? tracing;
        try
        {
            tracing = CliTracing.Start(Environment.GetEnvironmentVariables());
        }
        catch (UsageException e)
        {
            environment.Error.WriteLine(UsageErrors.Line(UsageErrors.CommandPath(parseResult.CommandResult), e.Message, e.See));
            return ExitCodes.Usage;
        }

        try
        {
            using (tracing)
            {
                return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            environment.Error.WriteLine($"{Name}: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// The root command: the local commands (simulate, theory, spectrum fit and kernel) and the cluster commands (run, submit,
    /// status, list, results, plot, cancel, resume).
    /// </summary>
    public static RootCommand BuildRootCommand(CliEnvironment environment)
    {
        var root = new RootCommand(
            "ScaleSweep: simulations and theory of the solvable feature-learning model of "
            + "\"How Feature Learning Can Improve Neural Scaling Laws\" (Bordelon, Atanasov, Pehlevan 2024).");
        root.Subcommands.Add(SimulateCommand.Create(environment));
        root.Subcommands.Add(TheoryCommand.Create(environment));
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(SubmitCommand.Create(environment));
        root.Subcommands.Add(StatusCommand.Create(environment));
        root.Subcommands.Add(ListCommand.Create(environment));
        root.Subcommands.Add(Commands.Silos.SilosCommand.Create(environment));
        root.Subcommands.Add(ResultsCommand.Create(environment));
        root.Subcommands.Add(ResultsCommand.CreatePlot(environment));
        root.Subcommands.Add(CancelCommand.Create(environment));
        root.Subcommands.Add(ResumeCommand.Create(environment));
        root.Subcommands.Add(ReproduceCommand.Create(environment));
        root.Subcommands.Add(Commands.Spectra.SpectrumCommand.Create(environment));

        // One exit-code table for every command, stated from one source so no command's help drifts from it.
        foreach (Command command in root.Subcommands.Concat(root.Subcommands.SelectMany(c => c.Subcommands)))
        {
            command.Description = $"{command.Description} {ExitCodes.HelpSentence}";
        }

        return root;
    }

    internal static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
