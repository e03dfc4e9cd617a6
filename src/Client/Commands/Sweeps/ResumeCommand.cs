using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// `scalesweep resume ID`: dispatches a cancelled or interrupted sweep's unfinished runs again. A cluster
/// behind --gateway computes them on its own, so the command returns at once; the embedded silo lives only
/// as long as this command, so there it follows the sweep to its end and writes the report as `run` does.
/// </summary>
internal static class ResumeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = SweepIdArgument.Create();
        var output = new Option<string?>("--out")
        {
            Description = "Embedded default only: folder for report.json, curves.csv and the plots once the sweep ends. [default: ./results/<sweep name>]",
            HelpName = "dir",
        };
        var cluster = new ClusterCommandOptions();
        var command = new Command(
            "resume",
            "Resume a cancelled or interrupted sweep from its stored runs and checkpoints. On a cluster (--gateway) it returns at once; "
            + "on the embedded default it follows the sweep to its end and writes the report, as run does.")
        {
            id, output,
        };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            const string name = "scalesweep resume";
            (ISweepGrain sweep, _) = await KnownSweep.GetAsync(session, parse.GetValue(id)!).ConfigureAwait(false);
            SweepStatus status = await sweep.Resume().ConfigureAwait(false);
            if (!session.IsEmbedded || status.State is not (SweepState.Running or SweepState.Completed))
            {
                environment.Out.WriteLine($"{status.Id}: {SweepFollower.Describe(status)}");
                return ExitCodes.Success;
            }

            return await SweepToEnd.FollowAndWriteAsync(
                environment, name, session, sweep, status, parse.GetValue(output) ?? Path.Combine("results", status.Name), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
