using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using Spectre.Console;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// The readable report of a sweep in the terminal: a summary line, the groups (fit against theory),
/// the frontiers (fitted r_C against Table 1) and the runs that diverged or failed. Every line fits the
/// console's width: columns with one value in every row move to a line above their table, and text too
/// long for a cell moves under it (<see cref="TableNotes"/>).
/// </summary>
internal static class ReportTables
{
    /// <summary>Writes the report to <paramref name="writer"/>, laid out for the width of <paramref name="console"/> (over the same writer).</summary>
    public static void Write(TextWriter writer, IAnsiConsole console, SweepReport report)
    {
        int width = console.Profile.Width;
        RunCounts r = report.Runs;
        string[] summary =
        [
            $"sweep {report.Id} ({report.Model}):", $"{r.Total} runs:", $"{r.Completed} completed,", $"{r.Diverged} diverged,",
            $"{r.Failed} failed,", $"{r.Cancelled} cancelled,", $"{r.Running} running,", $"{r.Pending} pending",
        ];
        foreach (string line in TextWrap.Items(summary, width, " "))
        {
            writer.WriteLine(line); // broken between counts, never between a count and its word
        }
        if (report.Task is { } task)
        {
            TextWrap.Write(writer, $"task: {task}", width);
        }

        if (report.Groups.Length > 0)
        {
            GroupConfig first = report.Groups[0].Config;
            string modes = first.Mlp is null ? $"M={first.M}, " : $"K={Range(report.Groups.Select(g => g.Config.M))}, ";
            TextWrap.Write(writer, $"groups: {report.Groups.Length} ({modes}steps={first.Steps}); fit: L ~ t^-chi, 95% bootstrap CI over seeds", width);
            var notes = new TableNotes();
            WriteTable(writer, width, "every group: ", GroupTable(report.Groups, notes), notes);
        }

        if (report.Frontiers.Length > 0)
        {
            TextWrap.Write(writer, $"compute-optimal frontiers: {report.Frontiers.Length}; L* ~ C^-r_C, C = N t", width);
            var notes = new TableNotes();
            WriteTable(writer, width, "every frontier: ", FrontierTable(report.Frontiers, notes), notes);
        }

        FloorScalingReport[] floors = FloorLines(report.Floors);
        if (floors.Length > 0)
        {
            TextWrap.Write(
                writer,
                "model-size floor: the exact t -> inf loss (best predictor on the N features), seed mean over N, L ~ N^-x, 95% bootstrap CI "
                + "over seeds; one line per (alpha, beta), as it depends on nothing else; dotted in the loss plots",
                width);
            var notes = new TableNotes();
            WriteTable(writer, width, "every line: ", FloorTable(floors, notes), notes);
        }
        else if (report.FloorsSkipped is { } skipped && report.Frontiers.Length > 0)
        {
            TextWrap.Write(writer, $"model-size floor: {Reason.Clause(skipped)}", width);
        }

        if (report.DataScaling.Length > 0)
        {
            TextWrap.Write(writer, $"data scaling: {report.DataScaling.Length} lines; test loss at the last step L ~ P^-x, 95% bootstrap CI over seeds; theory alpha min(2, beta) (eq. 78)", width);
            var notes = new TableNotes();
            WriteTable(writer, width, "every line: ", DataScalingTable(report.DataScaling, notes), notes);
            var pointNotes = new TableNotes();
            WriteTable(writer, width, "every point: ", DataPointTable(report.DataScaling), pointNotes);
        }

        if (report.TheoryCurves.Length > 0)
        {
            TextWrap.Write(writer, TheoryLine(report.TheoryCurves), width);
        }

        if (report.Issues.Length == 0)
        {
            writer.WriteLine("issues: none");
        }
        else
        {
            writer.WriteLine($"issues: {report.Issues.Length} runs diverged or failed");
            var notes = new TableNotes();
            WriteTable(writer, width, "every run listed: ", IssueTable(report.Issues, notes), notes);
        }
    }

    /// <summary>"theory curves (DMFT): 4: 4 completed, 0 failed, 0 missing; ..." for a sweep whose spec asked for them.</summary>
    public static string TheoryLine(IReadOnlyList<DmftCurveReport> curves)
    {
        int completed = curves.Count(c => c.Status == "completed");
        int failed = curves.Count(c => c.Status == "failed");
        return $"theory curves (DMFT): {curves.Count}: {completed} completed, {failed} failed, {curves.Count - completed - failed} missing; "
            + "dashed in the loss plots, listed in report.json (theoryCurves) and theory.csv";
    }

    /// <summary>One row per group; why a group has no fit, and what its theory exponent is, go to <paramref name="notes"/>.</summary>
    public static TextTable GroupTable(IReadOnlyList<GroupReport> groups, TableNotes notes)
    {
        bool finiteData = groups.Any(g => g.Config.P is not null);
        bool mlp = groups.Any(g => g.Config.Mlp is not null);
        TextTable table = ConfigColumns(
                new TextTable(),
                mlp ? MlpGroupColumns : finiteData ? ["alpha", "beta", "gamma", "N", "P", "B", "eta"] : ["alpha", "beta", "gamma", "N", "B", "eta"])
            .AddColumn("seeds", shared: true)
            .AddColumn("fit chi [95% CI]")
            .AddColumn("window", shared: true)
            .AddColumn("theory chi")
            .AddColumn("phase", right: false, shared: true);
        string[] phases = Phases(groups.Select(g => g.Theory).ToArray(), "theory chi", notes);
        for (int i = 0; i < groups.Count; i++)
        {
            GroupReport g = groups[i];
            GroupConfig c = g.Config;
            string fit = g.Fit is { } f ? Interval(f.Exponent, f.Ci) : "none " + notes.Number("no fit: " + Reason.Clause(g.FitError ?? "no curve"));
            string window = g.Fit is { Window: [long t0, long t1] } ? $"{t0}..{t1}" : "-";
            string[] config = mlp ? MlpGroupValues(c)
                : finiteData
                ? [NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma), NumberFormat.Integer(c.N), BatchSize.Format(c.P), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta)]
                : [NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma), NumberFormat.Integer(c.N), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta)];
            table.AddRow([.. config, Seeds(g), fit, window, NumberFormat.Exponent(g.Theory.Exponent), phases[i]]);
        }

        if (groups.Any(g => g.Config.P is not null))
        {
            // A finite training set has no time exponent of its own: its loss levels off at the data floor.
            notes.Legend("finite P: theory chi is the online (P = inf) time exponent; a finite-P curve levels off at its data floor (data-scaling table below)");
        }

        return table;
    }

    /// <summary>One row per data-scaling line: its fitted P exponent beside eq. 78's; why there is no fit goes to <paramref name="notes"/>.</summary>
    public static TextTable DataScalingTable(IReadOnlyList<DataScalingReport> lines, TableNotes notes)
    {
        TextTable table = ConfigColumns(new TextTable(), "alpha", "beta", "gamma", "N", "B", "eta")
            .AddColumn("sizes", shared: true)
            .AddColumn("fit x [95% CI]")
            .AddColumn("eq. 78 x")
            .AddColumn("phase", right: false, shared: true);
        string[] phases = Phases(lines.Select(l => l.Theory).ToArray(), "eq. 78 x", notes);
        for (int i = 0; i < lines.Count; i++)
        {
            DataScalingReport l = lines[i];
            DataScalingConfig c = l.Config;
            string fit = l.Exponent is { } x ? Interval(x, l.Ci) : "none " + notes.Number("no fit: " + Reason.Clause(l.Reason ?? "no fit"));
            string sizes = l.Points.Length == 0 ? "-" : $"P={NumberFormat.Integer(l.Points[0].P)}..{NumberFormat.Integer(l.Points[^1].P)} ({l.Points.Length})";
            table.AddRow(
                NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma),
                NumberFormat.Integer(c.N), FullBatch(c.B), NumberFormat.Parameter(c.Eta),
                sizes, fit, NumberFormat.Exponent(l.Theory.Exponent), phases[i]);
        }

        if (lines.Count > 0)
        {
            notes.Legend("B=P: full-batch gradient descent at each P");
        }

        return table;
    }

    /// <summary>One row per point of every data-scaling line: the last step's test and train loss, their gap and the onset of overfitting.</summary>
    public static TextTable DataPointTable(IReadOnlyList<DataScalingReport> lines)
    {
        TextTable table = ConfigColumns(new TextTable(), "alpha", "beta", "gamma", "N", "B", "eta")
            .AddColumn("P")
            .AddColumn("step", shared: true)
            .AddColumn("test")
            .AddColumn("train")
            .AddColumn("gap")
            .AddColumn("overfit at");
        foreach (DataScalingReport l in lines)
        {
            DataScalingConfig c = l.Config;
            foreach (DataScalingPointReport p in l.Points)
            {
                table.AddRow(
                    NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma),
                    NumberFormat.Integer(c.N), FullBatch(c.B), NumberFormat.Parameter(c.Eta),
                    NumberFormat.Integer(p.P), NumberFormat.Integer(p.Step), NumberFormat.Value(p.Test), NumberFormat.Value(p.Train),
                    NumberFormat.Value(p.Gap), p.OverfitStep is { } step ? NumberFormat.Integer(step) : "-");
            }
        }

        return table;
    }

    /// <summary>
    /// One row per (alpha, beta) floor line: its fitted N exponent beside the paper's eq. 12 and the corrected
    /// alpha min(1, beta), both named; a line without a fit says why in <paramref name="notes"/>.
    /// </summary>
    public static TextTable FloorTable(IReadOnlyList<FloorScalingReport> lines, TableNotes notes)
    {
        TextTable table = ConfigColumns(new TextTable(), "alpha", "beta")
            .AddColumn("widths", shared: true)
            .AddColumn("fit x [95% CI]")
            .AddColumn("eq. 12 x")
            .AddColumn("corrected x");
        foreach (FloorScalingReport l in lines)
        {
            string fit = l.Exponent is { } x ? Interval(x, l.Ci) : "none " + notes.Number("no fit: " + Reason.Clause(l.Reason ?? "no fit"));
            string widths = l.Points.Length == 0 ? "-" : $"N={NumberFormat.Integer(l.Points[0].N)}..{NumberFormat.Integer(l.Points[^1].N)} ({l.Points.Length})";
            table.AddRow(
                NumberFormat.Parameter(l.Config.Alpha), NumberFormat.Parameter(l.Config.Beta), widths, fit,
                NumberFormat.Exponent(l.PaperExponent), NumberFormat.Exponent(l.CorrectedExponent));
        }

        if (lines.Count > 0)
        {
            notes.Legend("eq. 12 x: the paper's alpha min(2, beta); corrected x: alpha min(1, beta), which the exact floor and the simulations follow for beta > 1 (docs/numerics.md)");
        }

        return table;
    }

    /// <summary>The report's floor lines with points, one per (alpha, beta): the lines of other gamma, B, eta and P repeat it.</summary>
    private static FloorScalingReport[] FloorLines(IReadOnlyList<FloorScalingReport> lines)
    {
        var seen = new HashSet<(double, double)>();
        var distinct = new List<FloorScalingReport>();
        foreach (FloorScalingReport line in lines)
        {
            if (line.Points.Length > 0 && seen.Add((line.Config.Alpha, line.Config.Beta)))
            {
                distinct.Add(line);
            }
        }

        return distinct.ToArray();
    }

    private static string FullBatch(long? b) => b is { } size ? NumberFormat.Integer(size) : "P";

    /// <summary>One row per frontier; why a frontier has no fit, and what Table 1's value is, go to <paramref name="notes"/>.</summary>
    public static TextTable FrontierTable(IReadOnlyList<FrontierReport> frontiers, TableNotes notes)
    {
        bool finiteData = frontiers.Any(f => f.Config.P is not null);
        TextTable table = ConfigColumns(new TextTable(), finiteData ? ["alpha", "beta", "gamma", "P", "B", "eta"] : ["alpha", "beta", "gamma", "B", "eta"])
            .AddColumn("interior", shared: true)
            .AddColumn("fit r_C [95% CI]")
            .AddColumn("Table 1 r_C")
            .AddColumn("phase", right: false, shared: true);
        string[] phases = Phases(frontiers.Select(f => f.Theory).ToArray(), "Table 1 r_C", notes);
        for (int i = 0; i < frontiers.Count; i++)
        {
            FrontierReport f = frontiers[i];
            FrontierConfig c = f.Config;
            int interior = f.Points.Count(p => p.Interior);
            string fit = f.Exponent is { } r ? Interval(r, f.Ci) : "none " + notes.Number("no fit: " + Reason.Clause(f.Reason ?? "no fit"));
            string[] config = finiteData
                ? [NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma), BatchSize.Format(c.P), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta)]
                : [NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta)];
            table.AddRow([.. config, $"{interior}/{f.Points.Length}", fit, NumberFormat.Exponent(f.Theory.Exponent), phases[i]]);
        }

        if (frontiers.Count > 0)
        {
            notes.Legend("interior: points with the optimal width inside the grid (fitted) / all points");
        }

        return table;
    }

    /// <summary>One row per run that diverged or failed; a failed run's error goes to <paramref name="notes"/>.</summary>
    public static TextTable IssueTable(IReadOnlyList<RunIssue> issues, TableNotes notes)
    {
        TextTable table = ConfigColumns(new TextTable().AddColumn("run", right: false), "alpha", "beta", "gamma", "N", "B", "eta")
            .AddColumn("seed")
            .AddColumn("status", right: false, shared: true)
            .AddColumn("detail", right: false);
        foreach (RunIssue issue in issues)
        {
            GroupConfig c = issue.Config;
            string detail = issue.Status == "diverged"
                ? issue.DivergedAtStep is { } step ? $"at step {NumberFormat.Integer(step)}" : "step unknown"
                : "error " + notes.Number($"run {Key(issue)}: " + Reason.Clause(issue.Error ?? "no reason recorded"));
            table.AddRow(
                Key(issue),
                NumberFormat.Parameter(c.Alpha), NumberFormat.Parameter(c.Beta), NumberFormat.Parameter(c.Gamma),
                NumberFormat.Integer(c.N), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta),
                issue.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.Status, detail);
        }

        return table;
    }

    /// <summary>The shared columns' line ("every group: alpha=2, N=512, ..."), the table, its notes.</summary>
    private static void WriteTable(TextWriter writer, int width, string sharedPrefix, TextTable table, TableNotes notes)
    {
        IReadOnlyList<string> shared = table.TakeShared();
        if (shared.Count > 0)
        {
            foreach (string line in TextWrap.Items(shared, width, ", ", TextWrap.Indent, sharedPrefix))
            {
                writer.WriteLine(line);
            }
        }

        table.Write(writer, width);
        notes.Write(writer, width);
    }

    /// <summary>Right-aligned parameter columns, each moved above the table when it has one value.</summary>
    /// <summary>
    /// The MLP on the circle's columns: its own parameters, q and qPhi, with eq. 14's beta that the theory reads (alpha =
    /// 2 qPhi adds nothing beside qPhi), gamma0 and depth; a column with one value moves above the table. K goes on the
    /// line above (a column of it would push the table past 80 columns).
    /// </summary>
    private static readonly string[] MlpGroupColumns = ["q", "qPhi", "beta", "gamma0", "depth", "N", "B", "eta"];

    private static string[] MlpGroupValues(GroupConfig c) => c.Mlp is { } m
        ?
        [
            NumberFormat.Parameter(m.Q), NumberFormat.Parameter(m.QPhi), Derived(c.Beta), NumberFormat.Parameter(c.Gamma),
            NumberFormat.Integer(m.Depth), NumberFormat.Integer(c.N), BatchSize.Format(c.B), NumberFormat.Parameter(c.Eta),
        ]
        : throw new InvalidOperationException("a report mixes mlp-circle groups with others");

    /// <summary>
    /// A value computed from the spec's (eq. 14's beta = (2q - 1)/(2 qPhi)) to 10 significant digits: q = 1.4 gives
    /// 0.8999999999999999 in round-trip form, a rounding of the formula, not a different task.
    /// </summary>
    private static string Derived(double value) => value.ToString("G10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"179..2931", or the one value.</summary>
    private static string Range(IEnumerable<int> values)
    {
        int[] all = values.ToArray();
        return all.Min() == all.Max() ? NumberFormat.Integer(all[0]) : $"{NumberFormat.Integer(all.Min())}..{NumberFormat.Integer(all.Max())}";
    }

    private static TextTable ConfigColumns(TextTable table, params string[] names)
    {
        foreach (string name in names)
        {
            table.AddColumn(name, shared: true);
        }

        return table;
    }

    private static string Key(RunIssue issue) => issue.Key.Length > 12 ? issue.Key[..12] : issue.Key;

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

    /// <summary>
    /// "hard (rich)" per row. A note after the phase ("hard; linear network: observed rate, App. G.2") is too long
    /// for a cell: it becomes a legend line for <paramref name="column"/> when every row has it, else a numbered note.
    /// </summary>
    private static string[] Phases(PredictedExponent[] theories, string column, TableNotes notes)
    {
        var split = theories.Select(t =>
        {
            int at = t.Phase.IndexOf(';', StringComparison.Ordinal);
            string phase = at < 0 ? t.Phase : t.Phase[..at];
            string? note = at < 0 ? null : t.Phase[(at + 1)..].Trim();
            return (Cell: t.Regime is { } regime ? $"{phase} ({regime})" : phase, Note: note);
        }).ToArray();
        if (split.Length > 0 && split[0].Note is { } common && split.All(s => s.Note == common))
        {
            notes.Legend($"{column}: {common}");
            return split.Select(s => s.Cell).ToArray();
        }

        return split.Select(s => s.Note is { } note ? $"{s.Cell} {notes.Number(note)}" : s.Cell).ToArray();
    }
}
