using System.CommandLine;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Client.Simulation;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Client.Commands;

/// <summary>
/// `scalesweep simulate`: runs K seeds of one configuration on the local cores and reports the
/// seed-mean loss curve, its power-law decay rate and the seeds that diverged.
/// </summary>
internal static class SimulateCommand
{
    public const int MaxSeeds = 100_000;

    private static readonly Dictionary<string, ModelKind> Models = new(ModelKindNames.ByName, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Sampler> Samplers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fast"] = Sampler.Fast,
        ["reference"] = Sampler.Reference,
    };

    private static readonly string Seed0Range = $"seed0 must be an integer from 0 to {ulong.MaxValue}.";

    private sealed class SimulateOptions
    {
        public readonly Option<ModelKind?> Model = OptionFactory.Choice(
            "--model", Models,
            "Model: 'projected' (the feature-learning model of eq. 4; gamma = 0 is lazy random features), "
            + "'linear-network' (the two-layer linear network of Appendix G; needs --gamma > 0, its gamma_0) or "
            + "'mlp-circle' (the MLP on the circle of Sec. 5.1, set by --q, --q-phi, --depth and --K; needs --gamma > 0, its gamma_0, "
            + "and an integer --B). [default: projected]",
            "model must be 'projected', 'linear-network' or 'mlp-circle'.");

        public readonly Option<double> Alpha = OptionFactory.Real(
            "--alpha", 2.0, "Capacity exponent alpha > 1: lambda_k = k^-alpha (eq. 6).", LibraryRanges.For("alpha"));

        public readonly Option<double> Beta = OptionFactory.Real(
            "--beta", 0.4,
            "Source exponent beta > 0: wStar_k^2 lambda_k = k^-(alpha beta + 1). beta < 1 is a hard task, "
            + "as in the paper's Fig. 2 (beta = 0.4).",
            LibraryRanges.For("beta"));

        public readonly Option<double> Gamma = OptionFactory.Real(
            "--gamma", 0.0, "Richness gamma >= 0 (0 = lazy); for the linear network gamma_0 > 0.", LibraryRanges.For("gamma"));

        public readonly Option<long> N = OptionFactory.Integer(
            "--N", 128, 1, SimulationConfigValidation.MaxWidth, "Width N: number of learned features.", LibraryRanges.For("N"));

        public readonly Option<IntegerOrInfinity> Batch = BatchSize.CreateOption(
            "--B", "Batch size B of SGD, or 'inf': online the population gradient, with a finite --P the full batch B = P.");

        public readonly Option<IntegerOrInfinity> P = BatchSize.IntegerOrInfinite(
            "--P",
            "Training-set size P: train on one fixed set of P samples drawn from the seed and reused every step "
            + "(Appendix D), reporting the train loss beside the test loss; B = P is full-batch gradient descent, "
            + "B < P multi-pass SGD. 'inf' is online training, a fresh batch every step. Projected model only.",
            LibraryRanges.For("P"),
            "a training-set size");

        public readonly Option<double> Q = OptionFactory.Real(
            "--q", SimulateRequest.DefaultQ,
            "With --model mlp-circle: target decay q > 1/2, y(theta) = sum_k k^-q cos(k theta) (eq. 13); "
            + "beta = (2q - 1)/(2 q_phi) (eq. 14).",
            LibraryRanges.For("q"));

        public readonly Option<double> QPhi = OptionFactory.Real(
            "--q-phi", SimulateRequest.DefaultQPhi,
            "With --model mlp-circle: activation power q_phi, phi(h) = ReLU(h)^q_phi (1 = ReLU); alpha = 2 q_phi (eq. 14).",
            LibraryRanges.For("qPhi"));

        public readonly Option<long> Depth = OptionFactory.Integer(
            "--depth", MlpCircleSettings.DefaultDepth, 1, MlpCircleValidation.MaxDepth,
            "With --model mlp-circle: number of hidden layers L (L - 1 of them N x N).", LibraryRanges.For("depth"));

        public readonly Option<long?> Harmonics = OptionFactory.OptionalInteger(
            "--K", 1, MlpCircleValidation.MaxHarmonics,
            "With --model mlp-circle: harmonics K the target is truncated at (also its M). "
            + "[default: enough that the truncation error is 10 times below the loss reachable in --steps, at least 64]",
            LibraryRanges.For("K"));

        public readonly Option<double> Eta = OptionFactory.Real(
            "--eta", SimulationConfig.DefaultEta,
            $"Learning rate eta. The default {SimulationConfig.DefaultEta} is stable for the paper's settings; "
            + "with beta < 1 and gamma > 0 a larger eta can blow up late in training.",
            LibraryRanges.For("eta"));

        public readonly Option<long?> M = OptionFactory.OptionalInteger(
            "--M", 1, int.MaxValue,
            $"Number of task modes M (keep M well above N). [default: {SimulateRequest.DefaultM}, or the --spectrum file's mode count]",
            LibraryRanges.For("M"));

        public readonly Option<long> Steps = OptionFactory.Integer(
            "--steps", 10_000, 1, SimulationConfigValidation.MaxSteps,
            "Number of SGD steps T; the loss is recorded on a log-spaced grid up to T.", LibraryRanges.For("steps"));

        public readonly Option<long> Seeds = OptionFactory.Integer(
            "--seeds", 8, 1, MaxSeeds, "Number of seeds K averaged (seeds seed0 .. seed0 + K - 1).",
            $"seeds must be an integer from 1 to {MaxSeeds}.");

        public readonly Option<ulong> Seed0 = OptionFactory.WithRange(new Option<ulong>("--seed0")
        {
            Description = "First seed.",
            HelpName = "integer",
            DefaultValueFactory = _ => 0,
            CustomParser = result =>
            {
                // Like every integer option, an exact scientific form ("1e3") is read as the integer.
                string token = OptionFactory.SingleToken(result);
                if (ulong.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong value))
                {
                    return value;
                }

                if (OptionFactory.TryParseInteger(token, out long exact, out _) && exact >= 0)
                {
                    return (ulong)exact;
                }

                result.AddError(OptionFactory.Malformed("--seed0", token, "a seed", Seed0Range));
                return 0;
            },
        }, Seed0Range);

        public readonly Option<Sampler?> Sampler = OptionFactory.Choice(
            "--sampler", Samplers,
            "Batch sampler: 'fast' (exact in distribution, cost independent of B) or 'reference' (the literal batch; slow). "
            + "[default: fast]",
            "sampler must be 'fast' or 'reference'.");

        public readonly Option<long> PointsPerDecade = OptionFactory.Integer(
            "--points-per-decade", SimulationConfig.DefaultPointsPerDecade, 1, SimulationConfigValidation.MaxPointsPerDecade,
            "Recorded points per decade of steps.", LibraryRanges.For("pointsPerDecade"));

        public readonly Option<(long T0, long T1)?> FitWindow = FitWindowOption.CreateOption(
            "--fit-window",
            "Steps T0:T1 (inclusive) of the power-law fit. [default: the last two decades, max(10, T/100):T]");

        public readonly Option<string?> Spectrum = SpectrumFile.Create(SpectrumFile.Description + " (alpha and beta then only label it).");

        public readonly Option<long> Threads = OptionFactory.Integer(
            "--threads", Environment.ProcessorCount, 1, 1024,
            "Seeds run at once (by default one per core); results do not depend on it.",
            "threads must be an integer from 1 to 1024.");

        public readonly Option<bool> Json = OptionFactory.Flag(
            "--json", "Print exactly one JSON object on stdout instead of tables, and no progress display.");

        public readonly Option<bool> PerSeed = OptionFactory.Flag(
            "--per-seed", "Also report every seed: its whole curve in JSON (\"perSeed\"), its last point in the table.");

        public IEnumerable<Option> All =>
        [
            Model, Alpha, Beta, Gamma, N, P, Batch, Eta, M, Q, QPhi, Depth, Harmonics, Steps, Seeds, Seed0, Sampler,
            PointsPerDecade, FitWindow, Spectrum, Threads, Json, PerSeed,
        ];

        /// <summary>The options only the MLP on the circle reads.</summary>
        private IEnumerable<Option> MlpOnly => [Q, QPhi, Depth, Harmonics];

        /// <summary>
        /// The options the MLP on the circle has no use for: its task is eq. 13's, so alpha, beta and M follow
        /// from q, q_phi and K (eq. 14). --P, --B and --sampler it does read (and refuses some values of).
        /// </summary>
        private IEnumerable<Option> PowerLawOnly => [Alpha, Beta, M, Spectrum];

        /// <summary>
        /// Refuses an option the chosen model would ignore (--q without --model mlp-circle, --alpha with it), so no
        /// one reads a result believing it depends on it; as theory refuses an option its output ignores.
        /// </summary>
        public void RequireUsed(ParseResult parseResult)
        {
            ModelKind model = parseResult.GetValue(Model) ?? ModelKind.Projected;
            bool mlp = model == ModelKind.MlpCircle;
            Option? given = (mlp ? PowerLawOnly : MlpOnly).FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false });
            if (given is null)
            {
                return;
            }

            throw new UsageException(mlp
                ? $"{given.Name}: not with --model mlp-circle: its task is the target of eq. 13 on the circle, set by --q, --q-phi and --K "
                    + "(alpha = 2 q_phi, beta = (2q - 1)/(2 q_phi) by eq. 14, M = K)."
                : $"{given.Name}: needs --model mlp-circle: it sets the MLP on the circle (eq. 13-14), which model '{ModelKindNames.Name(model)}' does not have.");
        }

        public SimulateRequest Bind(ParseResult p) => new(
            p.GetValue(Model) ?? ModelKind.Projected,
            p.GetValue(Alpha),
            p.GetValue(Beta),
            p.GetValue(Gamma),
            (int)p.GetValue(N),
            p.GetValue(Batch).Finite,
            p.GetValue(Eta),
            p.GetValue(M) is { } m ? (int)m : null,
            p.GetValue(Steps),
            (int)p.GetValue(Seeds),
            p.GetValue(Seed0),
            p.GetValue(Sampler) ?? Numerics.Models.Sampler.Fast,
            (int)p.GetValue(PointsPerDecade),
            p.GetValue(FitWindow),
            p.GetValue(Spectrum),
            (int)p.GetValue(Threads),
            p.GetValue(Json),
            p.GetValue(PerSeed),
            p.GetValue(P).Finite,
            new SimulateRequest.MlpOptions(
                p.GetValue(Q), p.GetValue(QPhi), (int)p.GetValue(Depth), p.GetValue(Harmonics) is { } k ? (int)k : null));
    }

    public static Command Create(CliEnvironment environment)
    {
        var options = new SimulateOptions();
        var command = new Command(
            "simulate",
            "Run K seeds of one configuration on this machine's cores and print the seed-mean loss curve with "
            + "its standard error, the fitted decay rate chi of L ~ t^-chi with a seed-bootstrap 95% CI, and the seeds "
            + "that diverged (left out of mean and fit).");
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(environment, (parseResult, cancellationToken) =>
        {
            options.RequireUsed(parseResult);
            return RunAsync(options.Bind(parseResult), environment, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(SimulateRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        SimulationConfig config = request.ToConfig();
        int threads = Math.Min(request.Threads, request.Seeds);
        RequireMemory(config, threads);

        IReadOnlyList<SimulationConfig> seeds = request.SeedConfigs(config);
        bool showProgress = environment.ErrorIsTerminal && !request.Json;
        long totalSteps = config.Steps * request.Seeds;
        SeedRun[] runs = await ProgressDisplay.RunAsync(
            environment,
            showProgress,
            $"{request.Seeds} seeds x {config.Steps} steps",
            totalSteps,
            report => SeedRunner.RunAsync(seeds, threads, report, cancellationToken)).ConfigureAwait(false);

        SimulationSummary summary = SimulationSummary.From(runs, request.FitWindow);
        if (request.Json)
        {
            JsonOutput.Write(environment.Out, SimulateJson.From(request, config, summary));
        }
        else
        {
            SimulateTable.Write(
                environment.Out, ConsoleFactory.ForOut(environment), request, config, summary);
        }

        string path = $"{ScaleSweepCli.Name} simulate";
        if (summary.Aggregate.Used == 0)
        {
            SeedRun first = runs.OrderBy(r => r.DivergedAtStep ?? long.MaxValue).First();
            environment.Error.WriteLine(
                $"{path}: all {runs.Length} seeds diverged (the first at step {first.DivergedAtStep}): there is no curve to average or fit. "
                + $"Try a smaller --eta (now {NumberFormat.Parameter(config.Eta)}, default {SimulationConfig.DefaultEta}).");
            return ExitCodes.NoResult;
        }

        if (summary.Fit is null && request.Json)
        {
            environment.Error.WriteLine($"{path}: warning: no fit: {Reason.Clause(summary.FitError ?? string.Empty)}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Refuses, before allocating anything, a run whose concurrent seeds would not fit in memory.</summary>
    private static void RequireMemory(SimulationConfig config, int threads)
    {
        long perSeed = config.EstimatedPeakBytes();
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        double need = (double)perSeed * threads;
        if (available > 0 && need > 0.8 * available)
        {
            // A training set is held whole, so with a finite P it is one of the sizes to lower.
            string sizes = config.P is null ? "--N/--M" : "--N/--M/--P";
            string lower = config.P is null ? "--N, --M or --threads" : "--N, --M, --P or --threads";
            throw new UsageException(
                $"{sizes}: {threads} seed(s) at once need about {need / (1 << 30):F1} GiB ({perSeed / (double)(1 << 30):F2} GiB each) "
                + $"but {available / (double)(1 << 30):F1} GiB is available; lower {lower}.");
        }
    }
}
