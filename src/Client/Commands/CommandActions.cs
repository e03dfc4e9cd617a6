using System.CommandLine;
using System.Diagnostics;
using ScaleSweep.Client.Telemetry;

namespace ScaleSweep.Client.Commands;

/// <summary>
/// The guard every command's action runs in: usage errors and cancellation become exit codes, and the
/// command is one span (<see cref="CliActivities"/>) whose context Orleans carries into the silos.
/// </summary>
internal static class CommandActions
{
    public static void SetGuardedAction(
        this Command command, CliEnvironment environment, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using Activity? activity = CliActivities.StartCommand(parseResult);
            int exitCode = await Guarded(environment, action, parseResult, cancellationToken).ConfigureAwait(false);
            CliActivities.End(activity, exitCode);
            return exitCode;
        });
    }

    private static async Task<int> Guarded(
        CliEnvironment environment, Func<ParseResult, CancellationToken, Task<int>> action, ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            return await action(parseResult, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            environment.Error.WriteLine(UsageErrors.Describe(parseResult, e));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine($"{UsageErrors.CommandPath(parseResult.CommandResult)}: cancelled.");
            return ExitCodes.Cancelled;
        }
    }
}
