using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// The frame of every cluster command: opens the session, runs the body, closes the session (an
/// embedded silo checkpoints its runs as it stops), and turns the cluster's failures into one line
/// and an exit code.
/// </summary>
internal static class ClusterCommand
{
    public static void SetClusterAction(
        this Command command,
        CliEnvironment environment,
        ClusterCommandOptions cluster,
        Func<ParseResult, IClusterSession, CancellationToken, Task<int>> body,
        Func<ParseResult, Task<int>>? before = null,
        bool readOnly = false)
    {
        command.SetGuardedAction(environment, async (parse, cancellationToken) =>
        {
            string name = UsageErrors.CommandPath(parse.CommandResult);
            try
            {
                if (before is not null)
                {
                    int early = await before(parse).ConfigureAwait(false);
                    if (early != ExitCodes.Success)
                    {
                        return early;
                    }
                }

                await using IClusterSession session = await cluster
                    .OpenAsync(parse, message => environment.Error.WriteLine($"{name}: {message}"), readOnly, cancellationToken)
                    .ConfigureAwait(false);
                return await body(parse, session, cancellationToken).ConfigureAwait(false);
            }
            catch (SweepSpecException e)
            {
                environment.Error.WriteLine(UsageErrors.Line(name, e.Message));
                return ExitCodes.Usage;
            }
            catch (ClusterUnavailableException e)
            {
                environment.Error.WriteLine($"{name}: {ScaleSweepCli.OneLine(e.Message)}");
                return ExitCodes.Unavailable;
            }
            catch (Exception e) when (IsStorageFailure(e))
            {
                environment.Error.WriteLine($"{name}: the cluster's storage failed: {ScaleSweepCli.OneLine(e.GetBaseException().Message)} (is Azurite or the storage account reachable from the silos?)");
                return ExitCodes.Unavailable;
            }
            catch (Exception e) when (e is SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or OrleansMessageRejectionException or TimeoutException)
            {
                environment.Error.WriteLine($"{name}: the cluster did not answer: {ScaleSweepCli.OneLine(e.Message)}");
                return ExitCodes.Unavailable;
            }
        });
    }

    // Storage errors reach the client as the grain's exception; their types live in the Azure SDK and Orleans' providers.
    private static bool IsStorageFailure(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            string type = x.GetType().FullName ?? "";
            if (type.StartsWith("Azure.", StringComparison.Ordinal) || type.StartsWith("Orleans.Storage.", StringComparison.Ordinal)
                || type.Contains("TableStorage", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
