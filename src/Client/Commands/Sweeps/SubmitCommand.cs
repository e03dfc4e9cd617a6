using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>`scalesweep submit SPEC`: validates and submits a sweep, and prints its id alone on the last line.</summary>
internal static class SubmitCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var spec = SpecArgument.Create();
        var cluster = new ClusterCommandOptions();
        var command = new Command("submit", "Submit a sweep to a running cluster and print its id; the cluster runs it on its own.") { spec };
        cluster.AddTo(command);
        SweepSpec? parsed = null;
        command.SetClusterAction(environment, cluster,
            before: parse =>
            {
                parsed = SpecArgument.Read(parse.GetValue(spec)!);
                return Task.FromResult(ExitCodes.Success);
            },
            body: async (parse, session, cancellationToken) =>
            {
                string id = parsed!.Id();
                (_, SweepStatus status) = await SweepSubmission.SubmitAsync(session.Grains, parsed).ConfigureAwait(false);

                environment.Error.WriteLine($"scalesweep submit: {SweepFollower.Describe(status)}");
                if (session.IsEmbedded && status.State == SweepState.Running)
                {
                    environment.Error.WriteLine("scalesweep submit: no --gateway: the embedded silo stops with this command; `scalesweep run` with the same spec, or `scalesweep resume ID`, follows the sweep to its end.");
                }

                environment.Out.WriteLine(id);
                return ExitCodes.Success;
            });
        return command;
    }
}
