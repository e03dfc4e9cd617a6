using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using Spectre.Console;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// The readable report of a sweep in the terminal: a summary line, the groups (fit against theory),
/// the frontiers (fitted r_C against Table 1) and the runs that diverged or failed.
/// </summary>
internal static class ReportTables
{
    /// <summary>Plain lines go straight to <paramref name="writer"/> (never wrapped); tables through <paramref name="console"/> over it.</summary>
    public static void Write(TextWriter writer, IAnsiConsole console, SweepReport report)
    {
        RunCounts r = report.Runs;
        writer.WriteLine(
            $"sweep {report.Id} ({report.Model}): {r.Total} runs: {r.Completed} completed, {r.Diverged} diverged, "
            + $"{r.Failed} failed, {r.Cancelled} cancelled, {r.Running} running, {r.Pending} pending");
        if (report.Groups.Length > 0)
        {
            GroupConfig first = report.Groups[0].Config;
            writer.WriteLine($"groups: {report.Groups.Length} (M={first.M}, steps={first.Steps}); fit: L ~ t^-chi, 95% bootstrap CI over seeds");
            var notes = new List<string>();
            console.Write(GroupTable(report.Groups, notes));
            WriteNotes(writer, notes);
        }

        if (report.Frontiers.Length > 0)
        {
            writer.WriteLine($"compute-optimal frontiers: {report.Frontiers.Length}; L* ~ C^-r_C, C = N t");
            var notes = new List<string>();
            console.Write(FrontierTable(report.Frontiers, notes));
            WriteNotes(writer, notes);
        }

        if (report.TheoryCurves.Length > 0)
        {
            writer.WriteLine(TheoryLine(report.TheoryCurves));
        }

        if (report.Issues.Length == 0)
        {
            writer.WriteLine("issues: none");
        }
        else
        {
            writer.WriteLine($"issues: {report.Issues.Length} runs diverged or failed");
            console.Write(IssueTable(report.Issues));
        }
    }

    /// <summary>"theory curves (DMFT): 4: 4 completed, 0 failed, 0 missing; ..." for a sweep whose spec asked for them.</summary>
    public static string TheoryLine(IReadOnlyList<TheoryCurveReport> curves)
    {
        int completed = curves.Count(c => c.Status == "completed");
        int failed = curves.Count(c => c.Status == "failed");
        return $"theory curves (DMFT): {curves.Count}: {completed} completed, {failed} failed, {curves.Count - completed - failed} missing; "
            + "dashed in the loss plots, listed in report.json (theoryCurves) and theory.csv";
    }

    /// <summary>One row per group; why a group has no fit goes to <paramref name="notes"/>, numbered, to keep the rows short.</summary>
    public static Table GroupTable(IEnumerable<GroupReport> groups, List<string> notes)
    {
        Table table = NewTable("alpha", "beta", "gamma", "N", "B", "eta");
        table.AddColumn(Column("seeds", right: true));
        table.AddColumn(Column("fit chi [95% CI]", right: true));
        table.AddColumn(Column("window", right: true));
        table.AddColumn(Column("theory chi", right: true));
        table.AddColumn(Column("phase", right: false));
        foreach (GroupReport g in groups)
        {
            GroupConfig c = g.Config;
            string fit = g.Fit is { } f ? Interval(f.Exponent, f.Ci) : Note(notes, g.FitError ?? "no curve");
            string window = g.Fit is { Window: [long t0, long t1] } ? $"{t0}..{t1}" : "-";
            AddRow(
                table,
                NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma),
                NumberFormat.Integer(c.N), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta),
                Seeds(g), fit, window, NumberFormat.Exponent(g.Theory.Exponent), Phase(g.Theory));
        }

        return table;
    }

    /// <summary>One row per frontier; why a frontier has no fit goes to <paramref name="notes"/>, numbered.</summary>
    public static Table FrontierTable(IEnumerable<FrontierReport> frontiers, List<string> notes)
    {
        Table table = NewTable("alpha", "beta", "gamma", "B", "eta");
        table.AddColumn(Column("interior/points", right: true));
        table.AddColumn(Column("fit r_C [95% CI]", right: true));
        table.AddColumn(Column("Table 1 r_C", right: true));
        table.AddColumn(Column("phase", right: false));
        foreach (FrontierReport f in frontiers)
        {
            FrontierConfig c = f.Config;
            int interior = f.Points.Count(p => p.Interior);
            string fit = f.Exponent is { } r ? Interval(r, f.Ci) : Note(notes, f.Reason ?? "no fit");
            AddRow(
                table,
                NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma),
                BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta),
                $"{interior}/{f.Points.Length}", fit, NumberFormat.Exponent(f.Theory.Exponent), Phase(f.Theory));
        }

        return table;
    }

    public static Table IssueTable(IEnumerable<RunIssue> issues)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(Column("run", right: false));
        foreach (string name in new[] { "alpha", "beta", "gamma", "N", "B", "eta", "seed" })
        {
            table.AddColumn(Column(name, right: true));
        }

        table.AddColumn(Column("status", right: false));
        table.AddColumn(Column("detail", right: false));
        foreach (RunIssue issue in issues)
        {
            GroupConfig c = issue.Config;
            string detail = issue.Status == "diverged"
                ? issue.DivergedAtStep is { } step ? $"at step {NumberFormat.Integer(step)}" : "step unknown"
                : ScaleSweepCli.OneLine(issue.Error ?? "no reason recorded");
            AddRow(
                table,
                issue.Key.Length > 12 ? issue.Key[..12] : issue.Key,
                NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma),
                NumberFormat.Integer(c.N), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta),
                issue.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.Status, detail);
        }

        return table;
    }

    private static string Note(List<string> notes, string reason)
    {
        notes.Add(ScaleSweepCli.OneLine(reason));
        return $"none [{notes.Count}]";
    }

    private static void WriteNotes(TextWriter writer, List<string> notes)
    {
        for (int i = 0; i < notes.Count; i++)
        {
            writer.WriteLine($"  [{i + 1}] no fit: {notes[i]}");
        }
    }

    private static Table NewTable(params string[] rightAligned)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string name in rightAligned)
        {
            table.AddColumn(Column(name, right: true));
        }

        return table;
    }

    /// <summary>Headers as plain text: "[95% CI]" would otherwise be read as Spectre markup.</summary>
    private static TableColumn Column(string header, bool right)
    {
        var column = new TableColumn(new Text(header));
        return right ? column.RightAligned() : column;
    }

    private static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(c => new Text(c)).ToArray());

    private static string Interval(double value, double[]? ci) =>
        ci is [double lo, double hi]
            ? $"{NumberFormat.Exponent(value)} [{NumberFormat.Exponent(lo)}, {NumberFormat.Exponent(hi)}]"
            : $"{NumberFormat.Exponent(value)} (no CI)";

    private static string Seeds(GroupReport g)
    {
        var notes = new List<string>(2);
        if (g.Diverged > 0)
        {
            notes.Add($"{g.Diverged} diverged");
        }

        if (g.Missing > 0)
        {
            notes.Add($"{g.Missing} missing");
        }

        return notes.Count == 0 ? NumberFormat.Integer(g.Seeds) : $"{g.Seeds} ({string.Join(", ", notes)})";
    }

    /// <summary>"hard (rich)", keeping a linear-network note after the regime: "hard (rich); linear network: ...".</summary>
    private static string Phase(TheoryReport theory)
    {
        if (theory.Regime is not { } regime)
        {
            return theory.Phase;
        }

        int note = theory.Phase.IndexOf(';', StringComparison.Ordinal);
        return note < 0 ? $"{theory.Phase} ({regime})" : $"{theory.Phase[..note]} ({regime}){theory.Phase[note..]}";
    }
}
