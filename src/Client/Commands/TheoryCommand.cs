using System.CommandLine;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Client.Commands;

/// <summary>
/// `scalesweep theory`: the paper's closed-form exponents for a power-law task (alpha, beta) —
/// task phase, time exponents lazy and rich, the approximation levels, the model-size bottleneck
/// and the compute-optimal exponents. With --curve: the DMFT's expected loss curve L(t) for the model
/// settings given (eq. 43-44 for N = B = inf, eq. 26-31 otherwise), on the simulations' log grid. With --floor:
/// the exact t -&gt; infinity loss over widths and its exponent (<see cref="TheoryFloor"/>).
/// </summary>
internal static class TheoryCommand
{
    public const int DefaultLevels = 8;
    public const int MaxLevels = 1000;

    private sealed class TheoryOptions
    {
        public readonly Option<double> Alpha = OptionFactory.Real(
            "--alpha", 2.0, "Capacity exponent alpha > 1: lambda_k = k^-alpha (eq. 6).", LibraryRanges.For("alpha"));

        public readonly Option<double> Beta = OptionFactory.Real(
            "--beta", 0.4, "Source exponent beta > 0: wStar_k^2 lambda_k = k^-(alpha beta + 1).", LibraryRanges.For("beta"));

        public readonly Option<long> Levels = OptionFactory.Integer(
            "--levels", DefaultLevels, 0, MaxLevels,
            "Highest approximation level n of eq. 62: prints chi_0 .. chi_n (chi_0 = beta, chi_{k+1} = beta (2 - chi_k)).",
            $"levels must be an integer from 0 to {MaxLevels}.");

        public readonly Option<bool> Json = OptionFactory.Flag("--json", "Print exactly one JSON object on stdout instead of tables.");

        public readonly Option<bool> Curve = OptionFactory.Flag(
            "--curve", "Print the DMFT loss curve L(t) for --gamma --N --B --eta --M --steps instead of the exponents (docs/dmft.md).");

        public readonly Option<double> Gamma = OptionFactory.Real(
            "--gamma", 0.0, "With --curve: richness gamma >= 0 (0 = lazy).", LibraryRanges.For("gamma"));

        public readonly Option<IReadOnlyList<IntegerOrInfinity>> Width = IntegerOrInfinityList.Create(
            "--N",
            "With --curve: width N, an integer >= 1 or 'inf' (default inf). With --floor: the widths, a comma-separated list such as "
            + $"16,32,64 (default {string.Join(',', TheoryFloor.DefaultWidths)}).",
            "N must be an integer >= 1 or 'inf'; with --floor a list of integers such as 16,32,64.",
            "an integer");

        public readonly Option<IntegerOrInfinity> Batch = BatchSize.CreateOption("--B", "With --curve: batch size B, an integer >= 1 or 'inf' (default inf).");

        public readonly Option<IntegerOrInfinity> Samples = BatchSize.IntegerOrInfinite(
            "--P",
            "With --curve: training-set size P, an integer >= 1, for the DMFT of eq. 41 (full-batch gradient descent on P reused samples; "
            + "--B must then be 'inf'), which adds the train loss; 'inf' is online training (default inf).",
            "P must be an integer >= 1 or 'inf'.",
            "a training-set size");

        public readonly Option<double> Eta = OptionFactory.Real(
            "--eta", SimulationConfig.DefaultEta, "With --curve: learning rate eta > 0. A step at which the finite-N DMFT's SGD is at its edge of stability, or its curve would diverge, exits 2 saying why (docs/dmft.md).", LibraryRanges.For("eta"));

        public readonly Option<long> Modes = OptionFactory.Integer(
            "--M", 10_000, 1, SpectrumValidation.MaxModes,
            "With --curve or --floor: number of modes M of the task (--floor: above the largest N; far above it for the floor of the "
            + "untruncated task, docs/numerics.md).",
            LibraryRanges.For("M"));

        public readonly Option<string?> Spectrum = SpectrumFile.Create(
            $"With --curve or --floor: a {SpectrumFile.Description}: the DMFT of that task (its modes summed exactly, or in bins of equal ln k past "
            + "--modes; docs/dmft.md), or its exact floor, beside the exponents of its fitted alpha and beta (spectrum fit); --M is the "
            + "file's mode count, and --alpha, --beta do not apply.");

        public readonly Option<bool> Floor = OptionFactory.Flag(
            "--floor",
            "Print the exact t -> inf loss of the projected model at each --N (the best predictor on the N features A0 psi, "
            + "S - b^T K^-1 b, for seeds 0 .. K-1 of --seeds): its seed mean with standard error, its fitted exponent x of L ~ N^-x "
            + "with a seed-bootstrap 95% CI, and beside it the paper's alpha min(2, beta) (eq. 12) and the corrected alpha min(1, beta) "
            + "(docs/numerics.md). Cost ~ K N^2 M for the largest N.");

        public readonly Option<long> Seeds = OptionFactory.Integer(
            "--seeds", 8, 1, TheoryFloor.MaxSeeds,
            "With --floor: number of seeds K (seeds 0 .. K-1: seed s gives the floor of simulate's run with seed s).",
            $"seeds must be an integer from 1 to {TheoryFloor.MaxSeeds}.");

        public readonly Option<long> Steps = OptionFactory.Integer(
            "--steps", 1000, 1, DmftSettings.MaxSteps, "With --curve: last step T.", $"steps must be an integer from 1 to {DmftSettings.MaxSteps}.");

        public readonly Option<long> PointsPerDecade = OptionFactory.Integer(
            "--points-per-decade", SimulationConfig.DefaultPointsPerDecade, 1, 1000,
            "With --curve: recorded steps per decade (the simulations' log grid).", LibraryRanges.For("pointsPerDecade"));

        public readonly Option<long?> QuadratureModes = OptionFactory.OptionalInteger(
            "--modes", 16, 10_000_000,
            $"With --curve: most representative modes of the mode quadrature (default {DmftOptions.DefaultInfiniteModes} for N = B = inf, else {DmftOptions.DefaultFiniteModes}).",
            "modes must be an integer from 16 to 10000000.");

        public readonly Option<DmftTimeGrid?> TimeGrid = OptionFactory.Choice(
            "--time-grid",
            new Dictionary<string, DmftTimeGrid> { ["auto"] = DmftTimeGrid.Auto, ["uniform"] = DmftTimeGrid.Uniform, ["geometric"] = DmftTimeGrid.Geometric },
            $"With --curve, N = B = inf: uniform solves every SGD step (cost ~ modes T^2); geometric takes exact steps to --uniform-steps, "
            + "then the gradient flow on a geometric grid (needs eta lambda_max < 1; docs/dmft.md); auto uses geometric when gamma > 0 and T is longer than that. [default: auto]",
            "time-grid must be 'auto', 'uniform' or 'geometric'.");

        public readonly Option<long> UniformSteps = OptionFactory.Integer(
            "--uniform-steps", GradientFlowDmft.DefaultUniformSteps, 1, DmftSettings.MaxSteps,
            "With --time-grid geometric (or auto): exact SGD steps before the gradient flow. Equal to --steps with "
            + "--time-grid geometric: every step exactly, in the rank-structured form (cost ~ modes^2 T).",
            $"uniform-steps must be an integer from 1 to {DmftSettings.MaxSteps}.");

        public IEnumerable<Option> All =>
            [Alpha, Beta, Levels, Json, Curve, Floor, Spectrum, Gamma, Width, Batch, Samples, Eta, Modes, Steps, PointsPerDecade, QuadratureModes, TimeGrid, UniformSteps, Seeds];

        /// <summary>The options the exponents read.</summary>
        public IEnumerable<Option> ExponentsUse => [Alpha, Beta, Levels, Json];

        /// <summary>The options the floor reads.</summary>
        public IEnumerable<Option> FloorUses => [Alpha, Beta, Json, Floor, Spectrum, Width, Modes, Seeds];

        /// <summary>
        /// Refuses an option the chosen output would ignore (e.g. --N without --curve or --floor, --gamma with
        /// --floor), so no one reads a result believing it depends on it.
        /// </summary>
        public void RequireUsed(ParseResult parseResult)
        {
            bool curve = parseResult.GetValue(Curve);
            bool floor = parseResult.GetValue(Floor);
            if (curve && floor)
            {
                throw new UsageException("--floor: not with --curve: give one of them (the loss curve L(t), or the exact t -> inf floor over --N).");
            }

            if ((curve || floor) && parseResult.GetValue(Spectrum) is not null
                && new Option[] { Alpha, Beta, Modes }.FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false }) is { } label)
            {
                throw new UsageException($"{label.Name}: not with --spectrum: the file is the task, its eigenvalues, target coefficients and mode count.");
            }

            IEnumerable<Option> ignored = curve ? [Levels, Seeds] : floor ? All.Except(FloorUses) : All.Except(ExponentsUse);
            Option? given = ignored.FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false });
            if (given is null)
            {
                return;
            }

            const string exponentsOnly = "theory prints the exponents, which depend on --alpha and --beta only.";
            throw new UsageException((curve, floor) switch
            {
                (true, _) when given == Seeds => $"{given.Name}: needs --floor: it sets the seeds of the exact floor, which the curve (a seed average in closed form) does not use.",
                (true, _) => $"{given.Name}: only without --curve: it sets the approximation levels of the exponents, which the curve does not print.",
                (_, true) => $"{given.Name}: not with --floor: the floor is the t -> inf loss of the best predictor on the N features, which depends on "
                    + "--alpha, --beta, --M, --N and --seeds only.",
                _ when given == Seeds => $"{given.Name}: needs --floor: it sets the seeds of the exact floor; without --floor {exponentsOnly}",
                _ when given == Spectrum => $"{given.Name}: needs --curve or --floor: it sets the task of the DMFT loss curve or of the exact floor; without them {exponentsOnly}",
                _ when given == Width || given == Modes =>
                    $"{given.Name}: needs --curve or --floor: it sets the DMFT loss curve or the exact floor; without them {exponentsOnly}",
                _ => $"{given.Name}: needs --curve: it sets the DMFT loss curve; without --curve {exponentsOnly}",
            });
        }
    }

    public static Command Create(CliEnvironment environment)
    {
        var options = new TheoryOptions();
        var command = new Command(
            "theory",
            "Closed-form scaling exponents of the paper for a power-law task: the task phase (hard beta < 1, easy, "
            + "super-easy beta >= 2 - 1/alpha), the time exponent chi of L ~ t^-chi lazy (gamma = 0) and rich (gamma > 0, "
            + "eq. 10-11), its approximation levels (eq. 62), the model-size floor exponent x of L ~ N^-x, the paper's alpha min(2, beta) (eq. 12) beside the corrected alpha min(1, beta), and "
            + "the compute-optimal exponents r_C of L ~ C^-r_C, C = N t (Table 1). Every exponent is a positive decay rate. "
            + "--curve prints the DMFT loss curve instead, --floor the exact t -> inf loss over widths N and its exponent.");
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(environment, (parseResult, _) =>
        {
            options.RequireUsed(parseResult);
            if (parseResult.GetValue(options.Floor) && parseResult.GetValue(options.Spectrum) is { } floorSpectrum)
            {
                TheoryFloor.Request measured = TheoryFloor.BindSpectrum(
                    floorSpectrum,
                    parseResult.GetResult(options.Width) is { Implicit: false } ? parseResult.GetValue(options.Width) : null,
                    parseResult.GetValue(options.Seeds));
                return TheoryFloor.RunAsync(environment, measured, parseResult.GetValue(options.Json));
            }

            if (parseResult.GetValue(options.Floor))
            {
                TheoryFloor.Request request = TheoryFloor.Bind(
                    parseResult.GetValue(options.Alpha),
                    parseResult.GetValue(options.Beta),
                    parseResult.GetValue(options.Modes),
                    parseResult.GetResult(options.Width) is { Implicit: false } ? parseResult.GetValue(options.Width) : null,
                    parseResult.GetValue(options.Seeds));
                return TheoryFloor.RunAsync(environment, request, parseResult.GetValue(options.Json));
            }

            if (parseResult.GetValue(options.Curve))
            {
                Spectrum? spectrum = parseResult.GetValue(options.Spectrum) is { } path ? SpectrumFile.Load(path) : null;
                var settings = new DmftSettings(
                    spectrum is null ? parseResult.GetValue(options.Alpha) : double.NaN,
                    spectrum is null ? parseResult.GetValue(options.Beta) : double.NaN,
                    spectrum?.M ?? (int)parseResult.GetValue(options.Modes),
                    parseResult.GetValue(options.Gamma),
                    SingleWidth(parseResult.GetValue(options.Width)!).ToDouble(),
                    parseResult.GetValue(options.Batch).ToDouble(),
                    parseResult.GetValue(options.Eta),
                    parseResult.GetValue(options.Steps),
                    parseResult.GetValue(options.Samples).ToDouble())
                {
                    Spectrum = spectrum,
                };
                int pointsPerDecade = (int)parseResult.GetValue(options.PointsPerDecade);
                var dmftOptions = new DmftOptions
                {
                    PointsPerDecade = pointsPerDecade,
                    Modes = (int?)parseResult.GetValue(options.QuadratureModes),
                    TimeGrid = parseResult.GetValue(options.TimeGrid) ?? DmftTimeGrid.Auto,
                    UniformSteps = parseResult.GetValue(options.UniformSteps),
                };
                var clock = System.Diagnostics.Stopwatch.StartNew();
                DmftCurve curve = SolveCurve(settings, dmftOptions);
                double seconds = clock.Elapsed.TotalSeconds;
                if (parseResult.GetValue(options.Json))
                {
                    JsonOutput.Write(environment.Out, TheoryCurveJson.From(settings, curve, pointsPerDecade, seconds, parseResult.GetValue(options.Spectrum)));
                }
                else
                {
                    TheoryCurveTable.Write(environment.Out, ConsoleFactory.ForOut(environment).Profile.Width, settings, curve, seconds, parseResult.GetValue(options.Spectrum));
                }

                return Task.FromResult(ExitCodes.Success);
            }

            TheoryResult result = Compute(
                parseResult.GetValue(options.Alpha), parseResult.GetValue(options.Beta), (int)parseResult.GetValue(options.Levels));
            if (parseResult.GetValue(options.Json))
            {
                JsonOutput.Write(environment.Out, TheoryJson.From(result));
            }
            else
            {
                TheoryTable.Write(environment.Out, ConsoleFactory.ForOut(environment), result);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>The one width of the curve; a list is the floor's.</summary>
    private static IntegerOrInfinity SingleWidth(IReadOnlyList<IntegerOrInfinity> widths) =>
        widths.Count == 1
            ? widths[0]
            : throw new UsageException($"--N: {string.Join(',', widths)} is a list: with --curve N is one width, an integer >= 1 or 'inf'; lists are for --floor.");

    /// <summary>The DMFT curve; the library's range errors become usage errors naming the option.</summary>
    public static DmftCurve SolveCurve(DmftSettings settings, DmftOptions options)
    {
        try
        {
            return DmftSolver.Solve(settings, options);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(LibraryRanges.WithOption(LibraryRanges.WithoutParameterName(e)));
        }
    }

    /// <summary>Every exponent the command reports; the library's range errors become usage errors.</summary>
    public static TheoryResult Compute(double alpha, double beta, int levels)
    {
        try
        {
            return new TheoryResult(
                alpha,
                beta,
                Exponents.Phase(alpha, beta),
                Exponents.ChiLazy(beta),
                Exponents.ChiRich(beta),
                Exponents.Levels(beta, levels),
                Exponents.ModelBottleneck(alpha, beta),
                Exponents.ModelBottleneckMeasured(alpha, beta),
                Exponents.ComputeOptimalLazy(alpha, beta),
                Exponents.ComputeOptimalRich(alpha, beta));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(LibraryRanges.WithOption(LibraryRanges.WithoutParameterName(e)));
        }
    }
}

/// <summary>The closed-form exponents of one power-law task.</summary>
internal sealed record TheoryResult(
    double Alpha,
    double Beta,
    TaskPhase Phase,
    double ChiLazy,
    double ChiRich,
    IReadOnlyList<double> Levels,
    double ModelBottleneckExponent,
    double ModelFloorCorrectedExponent,
    double ComputeOptimalLazy,
    double ComputeOptimalRich);
