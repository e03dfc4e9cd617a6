using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Reproduce;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Client.Commands;

/// <summary>
/// `scalesweep reproduce [FIGURE...] [--quick] [--out DIR]`: runs the sweeps behind the paper's figures (on the
/// embedded default or a cluster), then draws each figure with its theory, its data as CSV and a caption with the
/// measured numbers, and a reproduce.md that shows them all with a table of measured against predicted exponents.
/// Sweeps already stored are not run again, so a second call only redraws.
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var figures = new Argument<string[]>("FIGURE")
        {
            Description = $"Figures to draw: {FigureCatalog.Names}. [default: all of them]",
            Arity = ArgumentArity.ZeroOrMore,
        }.Refusing();
        Option<bool> quick = OptionFactory.Flag(
            "--quick", "Smaller grids, fewer steps and seeds (each caption says which): every figure on 2 cores within 15 minutes.");
        var output = new Option<string?>("--out")
        {
            Description = "Folder for the figures (a subfolder each) and reproduce.md. [default: ./results/reproduce, or ./results/reproduce-quick with --quick]",
            HelpName = "dir",
        };
        var cluster = new ClusterCommandOptions();
        var command = new Command("reproduce", "Run the sweeps behind the paper's figures and draw them with their theory.") { figures, quick, output };
        cluster.AddTo(command);

        IReadOnlyList<PaperFigure> chosen = [];
        var specs = new List<(PaperFigure Figure, SweepSpec Spec)>();
        command.SetClusterAction(environment, cluster,
            before: parse =>
            {
                // Every spec is read before anything starts: a bad name costs no Azurite, no silo.
                chosen = FigureCatalog.Select(parse.GetValue(figures) ?? []);
                var limits = new SweepLimits();
                specs.AddRange(chosen.SelectMany(f => f.Specs(parse.GetValue(quick), limits).Select(s => (f, s))));
                return Task.FromResult(ExitCodes.Success);
            },
            body: async (parse, session, cancellationToken) =>
            {
                const string name = "scalesweep reproduce";
                bool isQuick = parse.GetValue(quick);
                string directory = parse.GetValue(output) ?? Path.Combine("results", isQuick ? "reproduce-quick" : "reproduce");

                // Submit every sweep first, so the cluster works on all of them at once, then follow them in turn.
                var submitted = new List<(PaperFigure Figure, SweepSpec Spec, ISweepGrain Sweep, SweepStatus Status)>();
                foreach ((PaperFigure figure, SweepSpec spec) in specs)
                {
                    (ISweepGrain sweep, SweepStatus status) = await SweepSubmission.SubmitAsync(session.Grains, spec).ConfigureAwait(false);
                    environment.Error.WriteLine(status.State == SweepState.Completed
                        ? $"{name}: {figure.Name}: sweep {status.Id} is already complete."
                        : $"{name}: {figure.Name}: sweep {status.Id}: {status.Runs.Total} runs on the {session.Description}.");
                    submitted.Add((figure, spec, sweep, status));
                }

                var reports = new Dictionary<PaperFigure, List<SweepReport>>();
                foreach ((PaperFigure figure, SweepSpec spec, ISweepGrain sweep, SweepStatus _) in submitted)
                {
                    SweepStatus final = await SweepFollower.FollowAsync(sweep, environment, $"{name}: {figure.Name}", new FollowTimings(), cancellationToken).ConfigureAwait(false);
                    if (final.State != SweepState.Completed)
                    {
                        environment.Error.WriteLine($"{name}: {figure.Name}: sweep {final.Id} is {final.State.ToString().ToLowerInvariant()}{(final.Error is null ? "" : ": " + final.Error)}; its figure is not drawn.");
                        return ExitCodes.SweepNotCompleted;
                    }

                    SweepReport report = await ReportOutput.GetReport(sweep, final.Id).ConfigureAwait(false);
                    (reports.TryGetValue(figure, out List<SweepReport>? list) ? list : reports[figure] = []).Add(report);
                }

                var drawn = new List<(PaperFigure Figure, FigureResult Result, IReadOnlyList<SweepSpec> Specs)>();
                foreach (PaperFigure figure in chosen)
                {
                    FigureResult result = figure.Render(reports[figure], isQuick);
                    drawn.Add((figure, result, specs.Where(s => s.Figure == figure).Select(s => s.Spec).ToArray()));
                    environment.Out.WriteLine($"{figure.Name}: {result.Caption}");
                    environment.Out.WriteLine();
                }

                IReadOnlyList<string> files = ReproduceWriter.Write(directory, drawn.Select(d => (d.Figure, d.Result)).ToArray(), isQuick);
                environment.Error.WriteLine($"{name}: wrote {files.Count} files to {Path.GetFullPath(directory)} (reproduce.md shows every figure)");
                return ExitCodes.Success;
            });
        return command;
    }
}
