using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// `scalesweep run SPEC`: validates, submits, follows the sweep with a live progress display, then
/// prints the report and writes it with curves and plots to --out. Running the same spec again
/// resumes an interrupted sweep, or returns the stored report without recomputing.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var spec = SpecArgument.Create();
        var output = new Option<string?>("--out")
        {
            Description = "Folder for report.json, curves.csv and the plots. [default: ./results/<sweep name>]",
            HelpName = "dir",
        };
        var cluster = new ClusterCommandOptions();
        var command = new Command("run", "Run a sweep to the end and write its report, curves and plots.") { spec, output };
        cluster.AddTo(command);

        SweepSpec? parsed = null;
        command.SetClusterAction(environment, cluster,
            before: parse =>
            {
                // Read the spec before starting anything: a bad one costs no Azurite, no silo.
                parsed = SpecArgument.Read(parse.GetValue(spec)!);
                return Task.FromResult(ExitCodes.Success);
            },
            body: async (parse, session, cancellationToken) =>
            {
                string name = "scalesweep run";
                SweepSpec sweepSpec = parsed!;
                string id = sweepSpec.Id();
                (ISweepGrain sweep, SweepStatus status) = await SweepSubmission.SubmitAsync(session.Grains, sweepSpec).ConfigureAwait(false);

                environment.Error.WriteLine(status.State == SweepState.Completed
                    ? $"{name}: sweep {id} is already complete; its stored report follows."
                    : $"{name}: sweep {id}: {status.Runs.Total} runs on the {session.Description} ({status.Slots} worker slots).");

                return await SweepToEnd.FollowAndWriteAsync(
                    environment, name, session, sweep, status, parse.GetValue(output) ?? Path.Combine("results", sweepSpec.Name), cancellationToken).ConfigureAwait(false);
            });
        return command;
    }
}
