using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>`scalesweep cancel ID`.</summary>
internal static class CancelCommand
{
    public static Command Create(CliEnvironment environment) => Build(environment, "cancel",
        "Cancel a sweep: stop dispatching, release its running runs (checkpointed); finished runs stay stored.",
        sweep => sweep.Cancel());

    private static Command Build(CliEnvironment environment, string name, string description, Func<ISweepGrain, Task<SweepStatus>> act)
    {
        var id = SweepIdArgument.Create();
        var cluster = new ClusterCommandOptions();
        var command = new Command(name, description) { id };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            (ISweepGrain sweep, _) = await KnownSweep.GetAsync(session, parse.GetValue(id)!).ConfigureAwait(false);
            SweepStatus status = await act(sweep).ConfigureAwait(false);
            environment.Out.WriteLine($"{status.Id}: {SweepFollower.Describe(status)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
