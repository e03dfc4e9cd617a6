using ScaleSweep.Numerics.Models;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;
using R = ScaleSweep.Sweeps.Specs.SweepSpecRanges;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The range rules of a sweep spec, applied to an already built <see cref="SweepSpec"/>. The parser
/// ends by calling it, and the coordinator calls it again on submit since a client can send any
/// object; so there is one set of rules whichever way a spec arrives.
/// </summary>
public static class SweepSpecValidator
{
    /// <summary>Longest sweep name: it names a folder and prefixes the sweep id.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest interval between checkpoints of a run: one day.</summary>
    public const double MaxCheckpointSeconds = 86_400;

    /// <summary>
    /// Throws <see cref="SweepSpecException"/> naming the first field that breaks a rule or a cap of
    /// <paramref name="limits"/>: the field's path, the value given and the allowed range.
    /// </summary>
    public static void Validate(SweepSpec spec, SweepLimits limits) => Validate(spec, limits, SpecPaths.Indexed);

    internal static void Validate(SweepSpec spec, SweepLimits limits, SpecPaths paths)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(limits);
        limits.EnsureValid();

        CheckName(spec.Name);
        if (!Enum.IsDefined(spec.Model))
        {
            throw new SweepSpecException(F.Model, $"{(int)spec.Model} is not a model: {R.Model}");
        }

        bool mlp = spec.Model == ModelKind.MlpCircle;
        if (mlp)
        {
            MlpCircleSpecRules.CheckOwnFields(spec, paths);
        }
        else if (spec.Mlp is not null)
        {
            throw new SweepSpecException(
                F.Q, $"only for model \"mlp-circle\" (the MLP on the circle, eq. 13-14), not {R.Quote(ModelKindNames.Name(spec.Model))}: leave q, qPhi, depth and K out.");
        }
        else
        {
            CheckPowerLawTask(spec, paths);
        }

        if (spec.Spectrum is not null)
        {
            CheckSpectrum(spec, limits);
        }

        CheckGrid(F.N, spec.N, paths, n => n >= 1 && n <= SimulationConfigValidation.MaxWidth, R.N, n => R.Number(n));

        if (mlp)
        {
            MlpCircleSpecRules.CheckBatch(spec, paths);
        }
        else
        {
            // Null (infinite batch) is keyed by long.MinValue, which no valid batch size can equal.
            CheckGrid(F.B, spec.B, paths, b => b is not { } size || size >= 1, R.B, R.Batch, b => b ?? long.MinValue);
        }

        if (spec.P is not null)
        {
            CheckGrid(F.P, spec.P, paths, p => p is not { } size || size is >= 1 and <= SimulationConfigValidation.MaxSamples, R.P, R.Batch, p => p ?? long.MinValue);
            CheckFiniteData(spec, paths);
        }

        CheckGrid(F.Eta, spec.Eta, paths, e => double.IsFinite(e) && e > 0.0, R.Eta, R.Number);

        // The MLP's M is each task's K, checked with the task.
        if (!mlp && (spec.M < 1 || spec.M > Numerics.Spectra.SpectrumValidation.MaxModes))
        {
            throw OutOfRange(F.M, R.Number(spec.M), R.M);
        }

        if (spec.Steps < 1 || spec.Steps > limits.StepsCap)
        {
            throw OutOfRange(F.Steps, R.Number(spec.Steps), R.Steps(limits));
        }

        CheckGrid(F.Seeds, spec.Seeds, paths, _ => true, R.Seeds(limits), R.Number);

        if (spec.PointsPerDecade < 1 || spec.PointsPerDecade > SimulationConfigValidation.MaxPointsPerDecade)
        {
            throw OutOfRange(F.PointsPerDecade, R.Number(spec.PointsPerDecade), R.PointsPerDecade);
        }

        if (spec.FitWindow is { } window)
        {
            CheckFitWindow(window, spec.Steps, spec.PointsPerDecade);
        }

        if (spec.CheckpointSeconds is { } seconds && !(double.IsFinite(seconds) && seconds > 0 && seconds <= MaxCheckpointSeconds))
        {
            throw OutOfRange(F.CheckpointSeconds, R.Number(seconds), R.CheckpointSeconds);
        }

        CheckRunCount(spec, limits);
        CheckStorage(spec, limits);
        if (mlp)
        {
            MlpCircleSpecRules.CheckMemory(spec, limits, paths);
            MlpCircleSpecRules.CheckWithNumerics(spec, paths);
        }
        else
        {
            CheckMemory(spec, limits, paths);
            CheckWithNumerics(spec, paths);
        }
        if (spec.Theory is { } theory)
        {
            TheorySpecRules.Check(spec, theory, limits);
        }
    }

    /// <summary>alpha, beta and gamma of the power-law models (projected, linear-network).</summary>
    private static void CheckPowerLawTask(SweepSpec spec, SpecPaths paths)
    {
        CheckGrid(F.Alpha, spec.Alpha, paths, a => double.IsFinite(a) && a > 1.0, R.Alpha, R.Number);
        CheckGrid(F.Beta, spec.Beta, paths, b => double.IsFinite(b) && b > 0.0, R.Beta, R.Number);
        if (spec.Model == ModelKind.LinearNetwork)
        {
            CheckGrid(F.Gamma, spec.Gamma, paths, g => double.IsFinite(g) && g > 0.0, R.GammaLinearNetwork, R.Number);
        }
        else
        {
            CheckGrid(F.Gamma, spec.Gamma, paths, g => double.IsFinite(g) && g >= 0.0, R.Gamma, R.Number);
        }
    }

    /// <summary>
    /// A measured task: for the power-law models only, valid values within the mode cap, its M, and one label each for
    /// alpha and beta (a grid over them would run the same task under other names).
    /// </summary>
    private static void CheckSpectrum(SweepSpec spec, SweepLimits limits)
    {
        SpecSpectrum measured = spec.Spectrum!;
        string range = R.Spectrum(limits);
        if (spec.Model == ModelKind.MlpCircle)
        {
            throw new SweepSpecException(F.Spectrum, $"not a field of model \"mlp-circle\", whose task is the circle's (eq. 13): {range}");
        }

        if (measured.Lambda is null || measured.WStar is null || measured.M > limits.MaxSpectrumModes)
        {
            throw new SweepSpecException(F.Spectrum, $"{R.Quote(measured.Source ?? string.Empty)} has {measured.Lambda?.Length ?? 0} modes, out of range: {range}");
        }

        try
        {
            measured.ToSpectrum();
        }
        catch (Numerics.Spectra.SpectrumException e)
        {
            throw new SweepSpecException(F.Spectrum, $"{R.Quote(measured.Source ?? string.Empty)}: {e.Message}");
        }

        if (spec.M != measured.M)
        {
            throw new SweepSpecException(F.M, $"{R.Number(spec.M)} is not the spectrum's {measured.M} modes: leave M out, the file sets it.");
        }

        if (spec.Alpha.Length != 1)
        {
            throw new SweepSpecException(F.Alpha, $"{spec.Alpha.Length} values given: {R.SpectrumLabels}");
        }

        if (spec.Beta.Length != 1)
        {
            throw new SweepSpecException(F.Beta, $"{spec.Beta.Length} values given: {R.SpectrumLabels}");
        }
    }

    private static void CheckName(string? name)
    {
        if (name is null)
        {
            throw new SweepSpecException(F.Name, $"missing (null): {R.Name}");
        }

        bool allowed = name.Length is >= 1 and <= MaxNameLength
            && char.IsAsciiLetterOrDigit(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        if (!allowed)
        {
            throw new SweepSpecException(F.Name, $"{R.Quote(name)} is not allowed: {R.Name}");
        }
    }

    internal static void CheckGrid<T>(
        string field, T[]? values, SpecPaths paths, Func<T, bool> allowed, string range, Func<T, string> format)
        where T : notnull
        => CheckGrid(field, values, paths, allowed, range, format, v => v);

    internal static void CheckGrid<T, TKey>(
        string field, T[]? values, SpecPaths paths, Func<T, bool> allowed, string range, Func<T, string> format,
        Func<T, TKey> key)
        where TKey : notnull
    {
        if (values is null)
        {
            throw new SweepSpecException(field, $"missing (null): {range}");
        }

        if (values.Length == 0)
        {
            throw new SweepSpecException(field, $"[] is empty: a grid needs at least one entry; {range}");
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!allowed(values[i]))
            {
                throw OutOfRange(paths.Entry(field, i), format(values[i]), range);
            }
        }

        // A repeated entry would expand to the same runs twice, and both would claim one stored result.
        var firstIndex = new Dictionary<TKey, int>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (!firstIndex.TryAdd(key(values[i]), i))
            {
                throw new SweepSpecException(
                    paths.Entry(field, i),
                    $"{format(values[i])} repeats {field}[{firstIndex[key(values[i])]}]: the entries of {field} must be distinct, "
                    + $"since a repeat would run the same configurations twice; {range}");
            }
        }
    }

    /// <summary>
    /// Every (P, B) pair of the grid must be a run the numerics accepts: a finite P only for the projected model,
    /// and B from 1 to P, where "inf" is the full batch P (so "inf" beside B = P would run the same groups twice).
    /// </summary>
    private static void CheckFiniteData(SweepSpec spec, SpecPaths paths)
    {
        long?[] samples = spec.P!;
        for (int i = 0; i < samples.Length; i++)
        {
            if (samples[i] is not { } p)
            {
                continue;
            }

            if (spec.Model != ModelKind.Projected)
            {
                throw new SweepSpecException(
                    paths.Entry(F.P, i),
                    $"{R.Number(p)} is out of range for model {R.Quote(ModelKindNames.Name(spec.Model))}: a finite training set is for the projected model; "
                    + "leave P out (or \"inf\") for online training.");
            }

            int fullBatch = Array.IndexOf(spec.B, null);
            for (int j = 0; j < spec.B.Length; j++)
            {
                if (spec.B[j] is { } b && b > p)
                {
                    throw new SweepSpecException(paths.Entry(F.B, j), $"{R.Number(b)} is out of range for P = {R.Number(p)} ({paths.Entry(F.P, i)}): {R.BForP}");
                }

                if (spec.B[j] == p && fullBatch >= 0)
                {
                    throw new SweepSpecException(
                        paths.Entry(F.B, fullBatch),
                        $"\"inf\" is the full batch B = P = {R.Number(p)} ({paths.Entry(F.P, i)}), which {paths.Entry(F.B, j)} already is: "
                        + "the same runs would be listed twice; drop one of them.");
                }
            }
        }
    }

    private static void CheckFitWindow(FitWindow window, long steps, int pointsPerDecade)
    {
        string range = R.FitWindow(steps);
        if (window.T0 < 1 || window.T0 >= steps)
        {
            throw OutOfRange($"{F.FitWindow}[0]", R.Number(window.T0), range);
        }

        if (window.T1 <= window.T0 || window.T1 > steps)
        {
            throw OutOfRange($"{F.FitWindow}[1]", R.Number(window.T1), range);
        }

        // A fit needs two recorded points; the curve is only recorded on the log grid.
        int inside = LogGrid.Steps(steps, pointsPerDecade).Count(t => t >= window.T0 && t <= window.T1);
        if (inside < 2)
        {
            throw new SweepSpecException(
                F.FitWindow,
                $"[{window.T0}, {window.T1}] holds {inside} of the steps a run of {steps} steps records ({pointsPerDecade} per decade); "
                + "a fit needs at least 2, so widen the window or raise pointsPerDecade.");
        }
    }

    private static void CheckRunCount(SweepSpec spec, SweepLimits limits)
    {
        // P is named only when the spec has it, so an online spec's message is the one it always had.
        bool mlp = spec.Mlp is not null;
        (string Name, int Length)[] grids =
        [
            (mlp ? F.QPhi : F.Alpha, spec.TaskRows), (mlp ? F.Q : F.Beta, spec.TaskColumns), (mlp ? F.Gamma0 : F.Gamma, spec.Gamma.Length), (F.N, spec.N.Length),
            .. spec.P is null ? Array.Empty<(string, int)>() : [(F.P, spec.P.Length)],
            (F.B, spec.B.Length), (F.Eta, spec.Eta.Length), (F.Seeds, spec.Seeds.Length),
        ];

        long runs = 1;
        bool overflow = false;
        try
        {
            foreach ((_, int length) in grids)
            {
                runs = checked(runs * length);
            }
        }
        catch (OverflowException)
        {
            overflow = true;
        }

        if (overflow || runs > limits.MaxRunsPerSweep)
        {
            string product = string.Join(" x ", grids.Select(g => $"{g.Length} {g.Name}"));
            string total = overflow ? $"more than {long.MaxValue}" : R.Number(runs);
            throw new SweepSpecException(
                F.Root,
                $"{product} = {total} runs is out of range: a sweep may have at most {limits.MaxRunsPerSweep} runs "
                + $"({SweepLimits.SectionName}:{nameof(SweepLimits.MaxRunsPerSweep)}); shrink a grid or the seeds.");
        }
    }

    /// <summary>
    /// The bytes the sweep will store (<see cref="SweepStorageEstimate"/>), once the run count is known to be
    /// within its cap. Runs times recorded points, so the message names both and what lowers each; the
    /// path is the root, as for the run count, since seeds, every grid, steps and pointsPerDecade all count.
    /// </summary>
    private static void CheckStorage(SweepSpec spec, SweepLimits limits)
    {
        SweepStorage storage = SweepStorageEstimate.Of(spec);
        if (storage.TotalBytes <= limits.MaxStoredBytes)
        {
            return;
        }

        throw new SweepSpecException(
            F.Root,
            $"{R.Number(storage.Runs)} runs x {storage.PointsPerCurve} recorded points "
            + $"({F.Steps} = {R.Number(spec.Steps)} at {F.PointsPerDecade} = {spec.PointsPerDecade}) is out of range: "
            + $"the sweep would store about {R.Bytes(storage.TotalBytes)}, above the cap of {R.Bytes(limits.MaxStoredBytes)} per sweep "
            + $"({SweepLimits.SectionName}:{nameof(SweepLimits.MaxStoredBytes)}); use fewer seeds or grid points, or lower {F.Steps} or {F.PointsPerDecade}.");
    }

    /// <summary>
    /// The peak memory grows with N, M and P; every N is tried with the spec's M and its largest P, and the
    /// message blames P when the width fits without a training set, M when even the smallest width is too
    /// large, else the width.
    /// </summary>
    private static void CheckMemory(SweepSpec spec, SweepLimits limits, SpecPaths paths)
    {
        int largestP = LargestSamples(spec);
        SimulationConfig at = largestP < 0 ? Representative(spec) : WithSamples(Representative(spec), spec.PGrid[largestP]);
        string cap = $"the cap of {R.Bytes(limits.MaxBytesPerRun)} per run ({SweepLimits.SectionName}:{nameof(SweepLimits.MaxBytesPerRun)})";
        int smallest = spec.N.Min();
        for (int i = 0; i < spec.N.Length; i++)
        {
            SimulationConfig run = at with { N = spec.N[i] };
            long bytes = run.EstimatedPeakBytes();
            if (bytes <= limits.MaxBytesPerRun)
            {
                continue;
            }

            if (largestP >= 0 && WithSamples(run, null).EstimatedPeakBytes() <= limits.MaxBytesPerRun)
            {
                long p = spec.PGrid[largestP]!.Value;
                throw new SweepSpecException(
                    paths.Entry(F.P, largestP),
                    $"{R.Number(p)} is out of range: a run with P = {R.Number(p)}, N = {spec.N[i]} and M = {spec.M} needs about {R.Bytes(bytes)} at its peak "
                    + $"(its training set is held in memory), above {cap}; lower P or N.");
            }

            string need = $"a run with N = {spec.N[i]} and M = {spec.M} needs about {R.Bytes(bytes)} at its peak, above {cap}";
            bool widthAlone = (run with { M = 1 }).EstimatedPeakBytes() > limits.MaxBytesPerRun;
            bool modesAlone = (at with { N = smallest }).EstimatedPeakBytes() > limits.MaxBytesPerRun;
            if (modesAlone && !widthAlone)
            {
                throw new SweepSpecException(F.M, $"{spec.M} is out of range: {need}, even at the smallest width; lower M.");
            }

            throw new SweepSpecException(paths.Entry(F.N, i), $"{spec.N[i]} is out of range: {need}; lower N or M.");
        }
    }

    /// <summary>
    /// Runs the numerics' own check on one run per grid entry. The rules above are meant to match it,
    /// so this only fires if the numerics tightens a range; then its message still reaches the user,
    /// with the spec field it is about. Each field is checked on its own, so trying each entry beside
    /// the first of every other grid covers every run without expanding the grid.
    /// </summary>
    private static void CheckWithNumerics(SweepSpec spec, SpecPaths paths)
    {
        SimulationConfig first = Representative(spec);
        CheckRun(first, FieldOfMessage);
        for (int i = 1; i < spec.Alpha.Length; i++)
        {
            CheckRun(first with { Alpha = spec.Alpha[i] }, _ => paths.Entry(F.Alpha, i));
        }

        for (int i = 1; i < spec.Beta.Length; i++)
        {
            CheckRun(first with { Beta = spec.Beta[i] }, _ => paths.Entry(F.Beta, i));
        }

        for (int i = 1; i < spec.Gamma.Length; i++)
        {
            CheckRun(first with { Gamma = spec.Gamma[i] }, _ => paths.Entry(F.Gamma, i));
        }

        for (int i = 1; i < spec.N.Length; i++)
        {
            CheckRun(first with { N = spec.N[i] }, _ => paths.Entry(F.N, i));
        }

        for (int i = 1; i < spec.PGrid.Length; i++)
        {
            CheckRun(WithSamples(first, spec.PGrid[i], spec.B[0]), _ => paths.Entry(F.P, i));
        }

        for (int i = 1; i < spec.B.Length; i++)
        {
            CheckRun(first with { Batch = SweepSpec.EffectiveBatch(spec.B[i], first.P) }, _ => paths.Entry(F.B, i));
        }

        for (int i = 1; i < spec.Eta.Length; i++)
        {
            CheckRun(first with { Eta = spec.Eta[i] }, _ => paths.Entry(F.Eta, i));
        }

        // The first run's message names the numerics' field ("alpha = 1 is ..."); a grid's first entry is [0].
        string FieldOfMessage(string message)
        {
            int equals = message.IndexOf(" = ", StringComparison.Ordinal);
            string field = equals > 0 ? message[..equals] : F.Root;
            return field switch
            {
                F.Alpha or F.Beta or F.Gamma or F.N or F.P or F.B or F.Eta => paths.Entry(field, 0),
                F.Model or F.M or F.Steps or F.PointsPerDecade => field,
                _ => F.Root,
            };
        }
    }

    private static void CheckRun(SimulationConfig config, Func<string, string> field)
    {
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
            throw new SweepSpecException(field(message), message);
        }
    }

    /// <summary>The spec's first run: every grid at its first entry, the batch as <see cref="SweepSpec.EffectiveBatch"/> makes it.</summary>
    private static SimulationConfig Representative(SweepSpec spec) => WithSamples(
        new(spec.Model, spec.Alpha[0], spec.Beta[0], spec.M, spec.Gamma[0], spec.N[0], spec.B[0], spec.Eta[0], spec.Steps, spec.Seeds[0], spec.PointsPerDecade)
        {
            CustomSpectrum = spec.Spectrum?.ToSpectrum(),
        },
        spec.PGrid[0],
        spec.B[0]);

    /// <summary><paramref name="run"/> on a training set of <paramref name="p"/> samples, its batch from the spec's <paramref name="b"/>.</summary>
    private static SimulationConfig WithSamples(SimulationConfig run, long? p, long? b) =>
        run with { P = p, Batch = SweepSpec.EffectiveBatch(b, p) };

    /// <summary>For the memory bound only, which does not depend on the batch: the full batch on a finite set.</summary>
    private static SimulationConfig WithSamples(SimulationConfig run, long? p) => run with { P = p, Batch = p ?? run.Batch };

    /// <summary>The index in the P grid of its largest finite entry, or -1 when every entry is online.</summary>
    private static int LargestSamples(SweepSpec spec)
    {
        int largest = -1;
        long?[] samples = spec.PGrid;
        for (int i = 0; i < samples.Length; i++)
        {
            if (samples[i] is { } p && (largest < 0 || p > samples[largest]!.Value))
            {
                largest = i;
            }
        }

        return largest;
    }

    private static SweepSpecException OutOfRange(string path, string value, string range) =>
        new(path, $"{value} is out of range: {range}");
}
