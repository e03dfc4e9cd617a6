using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The rules of <see cref="SweepSpecValidator"/> that are the MLP on the circle's own: its task axes (q, q_phi), depth
/// and K, gamma_0 &gt; 0, an integer B, its memory, and the numerics' check of every axis entry, each message naming
/// the spec's field ("qPhi[1]", "gamma0", "depth").
/// </summary>
internal static class MlpCircleSpecRules
{
    /// <summary>The task (q, qPhi, depth, K), the richness gamma0 and the batch sizes.</summary>
    public static void CheckOwnFields(SweepSpec spec, SpecPaths paths)
    {
        if (spec.Mlp is not { } mlp)
        {
            throw new SweepSpecException(F.Q, $"missing (null): model \"mlp-circle\" needs its task; {R.Q}");
        }

        // Eq. 14 derives alpha, beta and M; a spec object built in code must not carry its own.
        if (spec.Alpha is not { Length: 0 } || spec.Beta is not { Length: 0 } || spec.M != 0)
        {
            throw new SweepSpecException(
                F.Alpha, "not a field of model \"mlp-circle\": alpha, beta and M must be empty (0) since eq. 14 derives them from qPhi, q and K.");
        }

        SweepSpecValidator.CheckGrid(F.Q, mlp.Q, paths, q => double.IsFinite(q) && q > 0.5, R.Q, R.Number);
        SweepSpecValidator.CheckGrid(
            F.QPhi, mlp.QPhi, paths, q => double.IsFinite(q) && q > 0.5 && q <= MlpCircleValidation.MaxQPhi, R.QPhi, R.Number);
        if (mlp.Depth is < 1 or > MlpCircleValidation.MaxDepth)
        {
            throw new SweepSpecException(F.Depth, $"{mlp.Depth} is out of range: {R.Depth}");
        }

        if (mlp.Harmonics is { } k && k is < 1 or > MlpCircleValidation.MaxHarmonics)
        {
            throw new SweepSpecException(F.K, $"{k} is out of range: {R.K}");
        }

        SweepSpecValidator.CheckGrid(F.Gamma0, spec.Gamma, paths, g => double.IsFinite(g) && g > 0.0, R.Gamma0, R.Number);
    }

    /// <summary>B is an integer from 1 to the MLP's cap: it has no population gradient.</summary>
    public static void CheckBatch(SweepSpec spec, SpecPaths paths) =>
        SweepSpecValidator.CheckGrid(
            F.B, spec.B, paths, b => b is >= 1 and <= MlpCircleValidation.MaxBatch, R.BMlp, R.Batch, b => b ?? long.MinValue);

    /// <summary>
    /// The dearest run: the largest K over the tasks (the quadrature grid), at the largest B; every width is tried, and
    /// the message names the width.
    /// </summary>
    public static void CheckMemory(SweepSpec spec, SweepLimits limits, SpecPaths paths)
    {
        SimulationConfig dearest = Representative(spec);
        for (int row = 0; row < spec.TaskRows; row++)
        {
            for (int column = 0; column < spec.TaskColumns; column++)
            {
                SimulationConfig run = Run(spec, row, column, 0, 0, 0, 0);
                if (run.M > dearest.M)
                {
                    dearest = run;
                }
            }
        }

        long batch = spec.B.Max(b => b ?? 1);
        for (int i = 0; i < spec.N.Length; i++)
        {
            SimulationConfig run = dearest with { N = spec.N[i], Batch = batch };
            long bytes = run.EstimatedPeakBytes();
            if (bytes > limits.MaxBytesPerRun)
            {
                throw new SweepSpecException(
                    paths.Entry(F.N, i),
                    $"{spec.N[i]} is out of range: a run with N = {spec.N[i]}, depth = {run.Mlp!.Depth}, B = {batch} and K = {run.M} needs about "
                    + $"{R.Bytes(bytes)} at its peak, above the cap of {R.Bytes(limits.MaxBytesPerRun)} per run "
                    + $"({SweepLimits.SectionName}:{nameof(SweepLimits.MaxBytesPerRun)}); lower N or depth.");
            }
        }
    }

    /// <summary>
    /// The numerics' own check (<see cref="SimulationConfig.Validate"/>) of every task, and of every other grid's
    /// entries beside the first task, as the validator does for the other models; a message is put on the spec's
    /// field it is about.
    /// </summary>
    public static void CheckWithNumerics(SweepSpec spec, SpecPaths paths)
    {
        for (int row = 0; row < spec.TaskRows; row++)
        {
            for (int column = 0; column < spec.TaskColumns; column++)
            {
                int r = row, c = column;
                Check(Run(spec, row, column, 0, 0, 0, 0), field => field switch
                {
                    "q" => paths.Entry(F.Q, c),
                    "qPhi" => paths.Entry(F.QPhi, r),
                    _ => Field(field, paths),
                });
            }
        }

        for (int i = 1; i < spec.Gamma.Length; i++)
        {
            Check(Run(spec, 0, 0, i, 0, 0, 0), _ => paths.Entry(F.Gamma0, i));
        }

        for (int i = 1; i < spec.N.Length; i++)
        {
            Check(Run(spec, 0, 0, 0, i, 0, 0), _ => paths.Entry(F.N, i));
        }

        for (int i = 1; i < spec.B.Length; i++)
        {
            Check(Run(spec, 0, 0, 0, 0, i, 0), _ => paths.Entry(F.B, i));
        }

        for (int i = 1; i < spec.Eta.Length; i++)
        {
            Check(Run(spec, 0, 0, 0, 0, 0, i), _ => paths.Entry(F.Eta, i));
        }

        string Field(string field, SpecPaths p) => field switch
        {
            "gamma" => p.Entry(F.Gamma0, 0),
            F.N or F.B or F.Eta or F.P => p.Entry(field, 0),
            F.Depth or F.K or F.Steps or F.PointsPerDecade => field,
            _ => F.Root,
        };
    }

    /// <summary>The spec's first run.</summary>
    public static SimulationConfig Representative(SweepSpec spec) => Run(spec, 0, 0, 0, 0, 0, 0);

    private static SimulationConfig Run(SweepSpec spec, int row, int column, int gamma, int n, int b, int eta) =>
        SimulationConfig.ForMlpCircle(
            spec.Mlp!.Settings(row, column, spec.Steps), spec.Gamma[gamma], spec.N[n], spec.B[b] ?? 0, spec.Eta[eta], spec.Steps,
            spec.Seeds[0], spec.PointsPerDecade);

    private static void Check(SimulationConfig config, Func<string, string> fieldOf)
    {
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
            int equals = message.IndexOf(" = ", StringComparison.Ordinal);
            throw new SweepSpecException(fieldOf(equals > 0 ? message[..equals] : F.Root), message);
        }
    }
}
