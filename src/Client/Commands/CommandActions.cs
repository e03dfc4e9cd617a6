using System.CommandLine;

namespace ScaleSweep.Client.Commands;

/// <summary>The guard every command's action runs in: usage errors and cancellation become exit codes.</summary>
internal static class CommandActions
{
    public static void SetGuardedAction(
        this Command command, CliEnvironment environment, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
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
        });
    }
}
