using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>
/// Turns a sweep's run results, or its groups' outcomes, into its report: per-group seed means and fits,
/// compute-optimal frontiers, run counts and the runs that went wrong. Pure and deterministic: the same spec and results give the
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
        int perGroup = grid.SeedsPerGroup;
        SimulationConfig[] all = [.. grid.Runs];
        var outcomes = new GroupOutcome[grid.Groups.Count];
        for (int g = 0; g < outcomes.Length; g++)
        {
            var runs = new ArraySegment<SimulationConfig>(all, g * perGroup, perGroup);
            outcomes[g] = GroupAggregator.Aggregate(spec, grid.Groups[g], runs, byKey);
        }

        return Assemble(sweepId, spec, grid, outcomes, theory, SweepFloors.Compute(grid));
    }

    /// <summary>
    /// The report of sweep <paramref name="sweepId"/> from its groups' outcomes (one per group of the grid,
    /// in grid order), as its group grains built them: the same report <see cref="Build"/> gives from the
    /// runs' results, bit for bit.
    /// </summary>
    /// <param name="floors">
    /// Per group, the exact floor of each seed (<see cref="SweepFloors.Compute"/>, CPU work the caller runs off the
    /// grain scheduler); null, or a null entry, leaves that group's floor out.
    /// </param>
    /// <exception cref="ArgumentException">Not one outcome per group of the grid.</exception>
    public static SweepReport Assemble(
        string sweepId,
        SweepSpec spec,
        SweepGrid grid,
        IReadOnlyList<GroupOutcome> outcomes,
        IReadOnlyList<DmftCurveResult>? theory = null,
        IReadOnlyList<double[]?>? floors = null)
    {
        ArgumentNullException.ThrowIfNull(sweepId);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count != grid.Groups.Count)
        {
            throw new ArgumentException($"{outcomes.Count} group outcomes for a grid of {grid.Groups.Count} groups.", nameof(outcomes));
        }

        var counts = new RunCounts(0, 0, 0, 0, 0, 0, 0);
        var issues = new List<RunIssue>();
        var groups = new GroupReport[outcomes.Count];
        for (int g = 0; g < groups.Length; g++)
        {
            GroupOutcome outcome = outcomes[g] ?? throw new ArgumentException($"Group {g} has no outcome.", nameof(outcomes));
            counts = counts.Plus(outcome.Counts);
            issues.AddRange(outcome.Issues);
            groups[g] = outcome.Report with { Floor = floors?[g] is { Length: > 0 } seedFloors ? GroupFloors.Of(seedFloors) : null };
        }

        FrontierReport[] frontiers = BuildFrontiers(grid, outcomes, groups);
        return new SweepReport(
            sweepId, spec.Name, ModelKindNames.Name(spec.Model), counts, groups, frontiers, issues.ToArray())
        {
            TheoryCurves = DmftCurveReports.Build(spec, theory ?? []),
            DataScaling = BuildDataScaling(grid, outcomes, groups),
            Floors = GroupFloors.Lines(grid, floors),
            FloorsSkipped = floors is null ? GroupFloors.NotComputed : SweepFloors.Skipped(grid),
            Task = spec.Spectrum?.Describe(spec.Alpha[0], spec.Beta[0]),
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

    /// <summary>The grid's frontiers, each over the widths whose group has a mean curve.</summary>
    private static FrontierReport[] BuildFrontiers(SweepGrid grid, IReadOnlyList<GroupOutcome> outcomes, GroupReport[] groups)
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
                    curves.Add(new WidthCurve(width.N, group.Steps, group.Mean, SeedCurves(outcomes[width.Group])));
                }
            }

            frontiers[f] = BuildFrontier(frontier.Config, curves, frontier.Widths.Count, PredictedExponents.ComputeOptimal(grid.Spec.Model, frontier.Config));
        }

        return frontiers;
    }

    /// <summary>The grid's data-scaling lines, each over the sizes whose group has a mean curve with its train loss.</summary>
    private static DataScalingReport[] BuildDataScaling(SweepGrid grid, IReadOnlyList<GroupOutcome> outcomes, GroupReport[] groups)
    {
        var lines = new DataScalingReport[grid.DataScaling.Count];
        for (int l = 0; l < lines.Length; l++)
        {
            GridDataScaling line = grid.DataScaling[l];
            var points = new List<DataScalingPointReport>(line.Samples.Count);
            var sizes = new List<double>(line.Samples.Count);
            var finals = new List<IReadOnlyList<double>>(line.Samples.Count);
            foreach (GridSamples size in line.Samples)
            {
                GroupReport group = groups[size.Group];
                if (group.Seeds == 0 || group.TrainMean is not { } train || group.TrainSem is not { } trainSem)
                {
                    continue;
                }

                int last = group.Steps.Length - 1;
                points.Add(new DataScalingPointReport(
                    size.P, group.Steps[last], group.Mean[last], group.Sem[last], train[last], trainSem[last], group.OverfitStep, group.Seeds));
                sizes.Add(size.P);
                finals.Add(FinalTestLosses(outcomes[size.Group]));
            }

            lines[l] = FitDataScaling(line, points.ToArray(), sizes, finals);
        }

        return lines;
    }

    private static double[] FinalTestLosses(GroupOutcome outcome)
    {
        var losses = new List<double>(outcome.Seeds.Length);
        foreach (StoredSeedCurve seed in outcome.Seeds)
        {
            if (!seed.Diverged && seed.Loss.Length > 0)
            {
                losses.Add(seed.Loss[^1]);
            }
        }

        return losses.ToArray();
    }

    private static DataScalingReport FitDataScaling(
        GridDataScaling line, DataScalingPointReport[] points, List<double> sizes, List<IReadOnlyList<double>> finals)
    {
        PredictedExponent theory = PredictedExponents.Data(line.Config);
        if (points.Length < 2)
        {
            return new DataScalingReport(line.Config, points, null, null, null, theory,
                $"{points.Length} of the {line.Samples.Count} training-set sizes have a mean curve; a fit of L against P needs 2.");
        }

        try
        {
            BottleneckFitResult fit = BottleneckFit.Fit(sizes, finals);
            return double.IsFinite(fit.Exponent)
                ? new DataScalingReport(line.Config, points, fit.Exponent, ReportValues.Interval(fit.Ci), ReportValues.Finite(fit.Intercept), theory, null)
                : new DataScalingReport(line.Config, points, null, null, null, theory, "The fit of L against P gave a non-finite exponent.");
        }
        catch (ArgumentException e)
        {
            return new DataScalingReport(line.Config, points, null, null, null, theory, e.Message);
        }
    }

    private static SeedCurve[] SeedCurves(GroupOutcome outcome)
    {
        var curves = new SeedCurve[outcome.Seeds.Length];
        for (int i = 0; i < curves.Length; i++)
        {
            curves[i] = outcome.Seeds[i].ToSeedCurve();
        }

        return curves;
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
