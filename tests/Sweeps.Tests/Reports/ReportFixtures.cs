using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Sweeps.Tests.Reports;

/// <summary>Specs and run results with synthetic curves, so report tests know the exact answer.</summary>
internal static class ReportFixtures
{
    public static SweepSpec Spec(
        double[]? beta = null,
        double[]? gamma = null,
        int[]? n = null,
        long?[]? b = null,
        ulong[]? seeds = null,
        long steps = 10_000,
        int pointsPerDecade = 10,
        FitWindow? window = null,
        ModelKind model = ModelKind.Projected) =>
        new(
            "test",
            model,
            [2.0],
            beta ?? [0.4],
            gamma ?? [0.0, 1.0],
            n ?? [64],
            b ?? [null],
            [0.05],
            1000,
            steps,
            seeds ?? [1, 2, 3],
            pointsPerDecade,
            window,
            null);

    public static string Key(SimulationConfig config) => config.Fingerprint();

    /// <summary>A completed run whose loss at step t is <paramref name="loss"/>(t) on the spec's log grid.</summary>
    public static RunResult Completed(SimulationConfig config, Func<long, double> loss)
    {
        long[] steps = LogGrid.Steps(config.Steps, config.PointsPerDecade);
        var values = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            values[i] = loss(steps[i]);
        }

        return new RunResult(
            config,
            new RunProgress(Key(config), RunStatus.Completed, config.Steps, config.Steps, null, null, 1.0, "silo"),
            new LossCurve(steps, values, []));
    }

    /// <summary>A run that blew up at <paramref name="atStep"/>: its curve stops there with a huge loss.</summary>
    public static RunResult Diverged(SimulationConfig config, long atStep)
    {
        long[] all = LogGrid.Steps(config.Steps, config.PointsPerDecade);
        long[] steps = all.Where(s => s < atStep).Append(atStep).ToArray();
        double[] loss = steps.Select(s => s == atStep ? double.PositiveInfinity : 1.0).ToArray();
        return new RunResult(
            config,
            new RunProgress(Key(config), RunStatus.Diverged, atStep, config.Steps, atStep, null, 1.0, "silo"),
            new LossCurve(steps, loss, []));
    }

    public static RunResult Failed(SimulationConfig config, string error) =>
        new(config, new RunProgress(Key(config), RunStatus.Failed, 0, config.Steps, null, error, 0.0, "silo"), null);

    public static RunResult WithStatus(SimulationConfig config, RunStatus status) =>
        new(config, new RunProgress(Key(config), status, 0, config.Steps, null, null, 0.0, null), null);

    /// <summary>Deterministic multiplicative noise per (seed, step), so seed means have a real spread.</summary>
    public static double Noise(ulong seed, long step)
    {
        var random = new System.Random(unchecked((int)((seed * 1_000_003UL) + (ulong)step)));
        return 1.0 + (0.1 * ((2.0 * random.NextDouble()) - 1.0));
    }
}
