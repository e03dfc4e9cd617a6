using System.CommandLine;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Commands;

/// <summary>
/// `scalesweep theory`: the paper's closed-form exponents for a power-law task (alpha, beta) —
/// task phase, time exponents lazy and rich, the approximation levels, the model-size bottleneck
/// and the compute-optimal exponents. More outputs (e.g. a predicted loss curve) join as options.
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

        public IEnumerable<Option> All => [Alpha, Beta, Levels, Json];
    }

    public static Command Create(CliEnvironment environment)
    {
        var options = new TheoryOptions();
        var command = new Command(
            "theory",
            "Closed-form scaling exponents of the paper for a power-law task: the task phase (hard beta < 1, easy, "
            + "super-easy beta >= 2 - 1/alpha), the time exponent chi of L ~ t^-chi lazy (gamma = 0) and rich (gamma > 0, "
            + "eq. 10-11), its approximation levels (eq. 62), the model-size bottleneck exponent of L ~ N^-x (eq. 12) and "
            + "the compute-optimal exponents r_C of L ~ C^-r_C, C = N t (Table 1). Every exponent is a positive decay rate.");
        foreach (Option option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(environment, (parseResult, _) =>
        {
            TheoryResult result = Compute(
                parseResult.GetValue(options.Alpha), parseResult.GetValue(options.Beta), (int)parseResult.GetValue(options.Levels));
            if (parseResult.GetValue(options.Json))
            {
                JsonOutput.Write(environment.Out, TheoryJson.From(result));
            }
            else
            {
                TheoryTable.Write(environment.Out, ConsoleFactory.For(environment.Out, environment.OutIsTerminal), result);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
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
    double ComputeOptimalLazy,
    double ComputeOptimalRich);
