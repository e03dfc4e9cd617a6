using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Client.Output;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>`scalesweep list`: every sweep the cluster knows, newest first.</summary>
internal static class ListCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var cluster = new ClusterCommandOptions();
        var command = new Command("list", "List every sweep, newest first.");
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            SweepSummary[] all = await session.Grains.GetGrain<ISweepIndexGrain>(0).List().ConfigureAwait(false);
            SweepStatus[] statuses = await Task.WhenAll(all.Select(s => session.Grains.GetGrain<ISweepGrain>(s.Id).GetStatus())).ConfigureAwait(false);
            SweepTable.Write(ConsoleFactory.ForOut(environment), statuses);
            SweepFollower.WriteInterruptedNotes(environment, "scalesweep list", statuses);
            return ExitCodes.Success;
        }, readOnly: true);
        return command;
    }
}
