using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// Turns a sweep's run results into its report: per-group seed means and fits, compute-optimal frontiers,
/// run counts and the runs that went wrong. Pure and deterministic: the same spec and results give the
/// same report bit for bit (the bootstraps use the analysis library's fixed seed), whatever the order of
/// <c>results</c>.
/// </summary>
public static class SweepReportBuilder
{
    /// <summary>Builds the report of sweep <paramref name="sweepId"/> from whatever results exist.</summary>
    /// <param name="sweepId">The sweep's id, copied into the report.</param>
    /// <param name="spec">The sweep's spec; its grid order (alpha, beta, gamma, N, B, eta) orders the groups and frontiers.</param>
    /// <param name="results">
    /// Results of any subset of the spec's runs, in any order. Runs without a result (a cancelled or
    /// unfinished sweep) are counted as pending and missing from their group's mean.
    /// </param>
    /// <param name="theory">
    /// Results of any subset of the spec's theory curves (<see cref="DmftCurvePlan.Requests"/>), in any order;
    /// curves without one are listed as "missing". Null or empty without "theory".
    /// </param>
    /// <exception cref="ArgumentException">A result is not a run of the spec, or two results are for the same run.</exception>
    public static SweepReport Build(
        string sweepId, SweepSpec spec, IReadOnlyList<RunResult> results, IReadOnlyList<DmftCurveResult>? theory = null)
    {
        ArgumentNullException.ThrowIfNull(sweepId);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(results);

        SweepGrid grid = spec.Grid();
        Dictionary<string, RunResult> byKey = IndexResults(grid.Runs, results);
        var tally = new RunTally();
        var issues = new List<RunIssue>();
        List<GroupSeeds> seeds = CollectGroups(grid, byKey, tally, issues);

        (long T0, long T1)? window = spec.FitWindow is { } w ? (w.T0, w.T1) : null;
        var groups = new GroupReport[seeds.Count];
        for (int i = 0; i < seeds.Count; i++)
        {
            groups[i] = BuildGroup(seeds[i], spec.Model, window);
            if (DmftCurvePlan.For(spec, seeds[i].Config) is { } request)
            {
                groups[i] = groups[i] with { TheoryCurve = request.Key() };
            }
        }

        FrontierReport[] frontiers = BuildFrontiers(grid, seeds, groups);
        return new SweepReport(
            sweepId, spec.Name, ModelKindNames.Name(spec.Model), tally.ToCounts(), groups, frontiers, issues.ToArray())
        {
            TheoryCurves = DmftCurveReports.Build(spec, theory ?? []),
        };
    }

    private static Dictionary<string, RunResult> IndexResults(IReadOnlyList<SimulationConfig> runs, IReadOnlyList<RunResult> results)
    {
        var expected = new HashSet<string>(runs.Count, StringComparer.Ordinal);
        foreach (SimulationConfig run in runs)
        {
            expected.Add(run.Fingerprint());
        }

        var byKey = new Dictionary<string, RunResult>(results.Count, StringComparer.Ordinal);
        for (int i = 0; i < results.Count; i++)
        {
            RunResult result = results[i] ?? throw new ArgumentException($"Result {i} is null.", nameof(results));
            string key = result.Config.Fingerprint();
            if (!expected.Contains(key))
            {
                throw new ArgumentException(
                    $"Result {i} ({result.Config.CanonicalText()}) is not a run of the sweep's spec.", nameof(results));
            }

            if (!byKey.TryAdd(key, result))
            {
                throw new ArgumentException(
                    $"Results hold run {result.Config.CanonicalText()} twice; give one result per run.", nameof(results));
            }
        }

        return byKey;
    }

    /// <summary>Walks the grid's groups in order: counts every run once, gathers each group's curves, notes the issues.</summary>
    private static List<GroupSeeds> CollectGroups(
        SweepGrid grid, Dictionary<string, RunResult> byKey, RunTally tally, List<RunIssue> issues)
    {
        int perGroup = grid.SeedsPerGroup;
        var groups = new List<GroupSeeds>(grid.Groups.Count);
        for (int g = 0; g < grid.Groups.Count; g++)
        {
            GroupConfig config = grid.Groups[g];
            var curves = new List<SeedCurve>(perGroup);
            int missing = 0;
            for (int j = g * perGroup; j < (g + 1) * perGroup; j++)
            {
                byKey.TryGetValue(grid.Runs[j].Fingerprint(), out RunResult? result);
                tally.Add(result?.Progress.Status);
                SeedCurve? curve = CurveOf(result);
                if (curve is null)
                {
                    missing++;
                }
                else
                {
                    curves.Add(curve);
                }

                if (result is not null && IssueOf(result, config) is { } issue)
                {
                    issues.Add(issue);
                }
            }

            groups.Add(new GroupSeeds(config, curves, missing));
        }

        return groups;
    }

    /// <summary>The seed's curve if it enters the group: completed, or diverged (flagged, so it is counted and left out).</summary>
    /// <remarks>A run still in progress may carry a partial curve on a shorter step grid; it is not averaged.</remarks>
    private static SeedCurve? CurveOf(RunResult? result) => result switch
    {
        { Progress.Status: RunStatus.Completed, Curve: { } c } => new SeedCurve(c.Steps, c.Loss),
        { Progress.Status: RunStatus.Diverged } r => new SeedCurve(r.Curve?.Steps ?? [], r.Curve?.Loss ?? [], Diverged: true),
        _ => null,
    };

    private static RunIssue? IssueOf(RunResult result, GroupConfig config)
    {
        RunProgress progress = result.Progress;
        return progress.Status switch
        {
            RunStatus.Diverged => new RunIssue(progress.Key, config, result.Config.Seed, "diverged", progress.DivergedAtStep, progress.Error),
            RunStatus.Failed => new RunIssue(progress.Key, config, result.Config.Seed, "failed", null, progress.Error ?? "no reason recorded"),
            _ => null,
        };
    }

    private static GroupReport BuildGroup(GroupSeeds group, ModelKind model, (long T0, long T1)? window)
    {
        GroupConfig c = group.Config;
        PredictedExponent theory = PredictedExponents.Time(model, c.Alpha, c.Beta, c.Gamma);
        SeedAggregateResult aggregate;
        try
        {
            aggregate = SeedAggregate.Compute(group.Curves);
        }
        catch (ArgumentException e)
        {
            int diverged = group.Curves.Count(s => s.Diverged);
            return new GroupReport(c, [], [], [], 0, diverged, null, "The seeds cannot be averaged: " + e.Message, theory, group.Missing);
        }

        (FitReport? fit, string? fitError) = FitGroup(group, aggregate, window);
        return new GroupReport(
            c,
            aggregate.Steps.ToArray(),
            aggregate.Mean.ToArray(),
            aggregate.Sem.ToArray(),
            aggregate.Used,
            aggregate.Diverged,
            fit,
            fitError,
            theory,
            group.Missing);
    }

    private static (FitReport? Fit, string? Error) FitGroup(GroupSeeds group, SeedAggregateResult aggregate, (long T0, long T1)? window)
    {
        if (aggregate.Used == 0)
        {
            string reason = aggregate.Diverged > 0
                ? $"All {aggregate.Diverged} seeds with a curve diverged ({group.Missing} without a curve); there is no curve to fit."
                : $"No seed has completed ({group.Missing} without a curve); there is no curve to fit.";
            return (null, reason);
        }

        try
        {
            PowerLawFitResult fit = PowerLawFit.FitSeeds(group.Curves, window);
            if (!double.IsFinite(fit.Exponent) || !double.IsFinite(fit.Intercept))
            {
                return (null, $"The fit over steps {fit.Window.T0}..{fit.Window.T1} gave a non-finite exponent.");
            }

            return (new FitReport(fit.Exponent, ReportValues.Interval(fit.Ci), [fit.Window.T0, fit.Window.T1], fit.Intercept, fit.Points), null);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The grid's frontiers, each over the widths whose group has a mean curve.</summary>
    private static FrontierReport[] BuildFrontiers(SweepGrid grid, List<GroupSeeds> seeds, GroupReport[] groups)
    {
        var frontiers = new FrontierReport[grid.Frontiers.Count];
        for (int f = 0; f < frontiers.Length; f++)
        {
            GridFrontier frontier = grid.Frontiers[f];
            var curves = new List<WidthCurve>(frontier.Widths.Count);
            foreach (GridWidth width in frontier.Widths)
            {
                GroupReport group = groups[width.Group];
                if (group.Seeds > 0)
                {
                    curves.Add(new WidthCurve(width.N, group.Steps, group.Mean, seeds[width.Group].Curves));
                }
            }

            frontiers[f] = BuildFrontier(frontier.Config, curves, frontier.Widths.Count, PredictedExponents.ComputeOptimal(grid.Spec.Model, frontier.Config));
        }

        return frontiers;
    }

    private static FrontierReport BuildFrontier(FrontierConfig config, List<WidthCurve> curves, int gridWidths, PredictedExponent theory)
    {
        if (curves.Count == 0)
        {
            return new FrontierReport(
                config, [], null, null, theory, $"None of the {gridWidths} widths has a mean curve (no completed seed).");
        }

        ComputeFrontierResult result;
        try
        {
            result = ComputeFrontier.Compute(curves);
        }
        catch (ArgumentException e)
        {
            return new FrontierReport(config, [], null, null, theory, e.Message);
        }

        var points = new FrontierPointReport[result.Points.Count];
        for (int i = 0; i < points.Length; i++)
        {
            FrontierPoint p = result.Points[i];
            points[i] = new FrontierPointReport(p.Compute, p.Loss, p.Width, p.Interior);
        }

        string? reason = result.Reason;
        if (curves.Count < gridWidths && reason is not null)
        {
            reason = $"{gridWidths - curves.Count} of the {gridWidths} widths have no mean curve yet. " + reason;
        }

        bool fitted = result.IsFitted && double.IsFinite(result.Exponent);
        if (result.IsFitted && !fitted)
        {
            reason = "The frontier fit gave a non-finite exponent.";
        }

        return new FrontierReport(
            config,
            points,
            fitted ? result.Exponent : null,
            fitted ? ReportValues.Interval(result.Ci) : null,
            theory,
            reason,
            fitted ? ReportValues.Finite(result.Intercept) : null,
            fitted ? ReportValues.Interval(result.FitRange) : null);
    }
}
