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
/// `scalesweep results ID [--format table|json|csv] [--out DIR]` and `scalesweep plot ID [--out DIR]`:
/// a completed sweep's stored report, printed, or written as a folder with curves and plots.
/// </summary>
internal static class ResultsCommand
{
    private enum Format
    {
        Table,
        Json,
        Csv,
    }

    private static readonly Dictionary<string, Format> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = Format.Table,
        ["json"] = Format.Json,
        ["csv"] = Format.Csv,
    };

    public static Command Create(CliEnvironment environment)
    {
        var id = SweepIdArgument.Create();
        Option<Format?> format = OptionFactory.Choice(
            "--format", Formats,
            "table: the readable tables; json: report.json (the same document run writes); csv: curves.csv. [default: table]",
            "format must be 'table', 'json' or 'csv'.");
        var output = new Option<string?>("--out") { Description = "Also write report.json, curves.csv and the plots to this folder.", HelpName = "dir" };
        var cluster = new ClusterCommandOptions();
        var command = new Command("results", "Print a completed sweep's report.") { id, format, output };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            SweepReport? report = await CompletedReport(environment, "scalesweep results", session, parse.GetValue(id)!).ConfigureAwait(false);
            if (report is null)
            {
                return ExitCodes.SweepNotCompleted;
            }

            switch (parse.GetValue(format) ?? Format.Table)
            {
                case Format.Json: environment.Out.Write(ReportJson.Serialize(report)); break;
                case Format.Csv: environment.Out.Write(CurvesCsv.Serialize(report)); break;
                default: ReportTables.Write(environment.Out, ConsoleFactory.ForOut(environment), report); break;
            }

            if (parse.GetValue(output) is { } directory)
            {
                IReadOnlyList<string> files = ReportOutput.Write(report, directory);
                environment.Error.WriteLine($"scalesweep results: wrote {files.Count} files to {Path.GetFullPath(directory)}");
            }

            return ExitCodes.Success;
        }, readOnly: true);
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
