using System.CommandLine;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// `scalesweep results ID [--format table|json|csv|seeds] [--out DIR [--seeds]]` and `scalesweep plot ID [--out DIR]`:
/// a completed sweep's stored report, printed, or written as a folder with curves and plots; its per-seed
/// curves on request.
/// </summary>
internal static class ResultsCommand
{
    private enum Format
    {
        Table,
        Json,
        Csv,
        Seeds,
    }

    private static readonly Dictionary<string, Format> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = Format.Table,
        ["json"] = Format.Json,
        ["csv"] = Format.Csv,
        ["seeds"] = Format.Seeds,
    };

    public static Command Create(CliEnvironment environment)
    {
        var id = SweepIdArgument.Create();
        Option<Format?> format = OptionFactory.Choice(
            "--format", Formats,
            "table: the readable tables; json: report.json (the same document run writes); csv: curves.csv (seed means); "
            + "seeds: seeds.csv (every seed's curve, streamed group by group). [default: table]",
            "format must be 'table', 'json', 'csv' or 'seeds'.");
        var output = new Option<string?>("--out") { Description = "Also write report.json, curves.csv and the plots to this folder.", HelpName = "dir" };
        Option<bool> seeds = OptionFactory.Flag("--seeds", "With --out: also write seeds.csv, every seed's loss curve, to the folder.");
        var cluster = new ClusterCommandOptions();
        var command = new Command("results", "Print a completed sweep's report.") { id, format, output, seeds };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            string sweepId = parse.GetValue(id)!;
            SweepReport? report = await CompletedReport(environment, "scalesweep results", session, sweepId).ConfigureAwait(false);
            if (report is null)
            {
                return ExitCodes.SweepNotCompleted;
            }

            ISweepGrain sweep = session.Grains.GetGrain<ISweepGrain>(sweepId);
            switch (parse.GetValue(format) ?? Format.Table)
            {
                case Format.Json: environment.Out.Write(ReportJson.Serialize(report)); break;
                case Format.Csv: environment.Out.Write(CurvesCsv.Serialize(report)); break;
                case Format.Seeds: break; // streamed below, in the same pass over the groups as --seeds
                default: ReportTables.Write(environment.Out, ConsoleFactory.ForOut(environment), report); break;
            }

            string? directory = parse.GetValue(output);
            var files = directory is null ? [] : new List<string>(ReportOutput.Write(report, directory));
            TextWriter? stdout = parse.GetValue(format) == Format.Seeds ? environment.Out : null;
            if (stdout is not null || parse.GetValue(seeds))
            {
                string? seedsFile = await SeedsOutput.WriteAsync(sweep, report, stdout, parse.GetValue(seeds) ? directory : null).ConfigureAwait(false);
                files.AddRange(seedsFile is null ? [] : [seedsFile]);
            }

            if (directory is not null)
            {
                environment.Error.WriteLine($"scalesweep results: wrote {files.Count} files to {Path.GetFullPath(directory)}");
            }

            return ExitCodes.Success;
        },
        before: parse => parse.GetValue(seeds) && parse.GetValue(output) is null
            ? throw new UsageException("--seeds: needs --out: it writes seeds.csv into the --out folder (--format seeds prints the per-seed curves instead).")
            : Task.FromResult(ExitCodes.Success),
        readOnly: true);
        return command;
    }

    public static Command CreatePlot(CliEnvironment environment)
    {
        var id = SweepIdArgument.Create();
        var output = new Option<string?>("--out") { Description = "Folder for the plots, report.json and curves.csv. [default: ./results/<sweep name>]", HelpName = "dir" };
        var cluster = new ClusterCommandOptions();
        var command = new Command("plot", "Write a completed sweep's plots (PNG and SVG) with its report.json and curves.csv.") { id, output };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            SweepReport? report = await CompletedReport(environment, "scalesweep plot", session, parse.GetValue(id)!).ConfigureAwait(false);
            if (report is null)
            {
                return ExitCodes.SweepNotCompleted;
            }

            string directory = parse.GetValue(output) ?? Path.Combine("results", report.Name);
            foreach (string file in ReportOutput.Write(report, directory))
            {
                environment.Out.WriteLine(file);
            }

            return ExitCodes.Success;
        }, readOnly: true);
        return command;
    }

    /// <summary>The report of a completed sweep; null, with a line saying why, for one that has none.</summary>
    private static async Task<SweepReport?> CompletedReport(CliEnvironment environment, string name, IClusterSession session, string sweepId)
    {
        (ISweepGrain sweep, SweepStatus status) = await KnownSweep.GetAsync(session, sweepId).ConfigureAwait(false);
        if (status.State == SweepState.Completed)
        {
            return await ReportOutput.GetReport(sweep, sweepId).ConfigureAwait(false);
        }

        environment.Error.WriteLine($"{name}: sweep {sweepId} has no report: {SweepFollower.Describe(status)}.");
        return null;
    }
}
