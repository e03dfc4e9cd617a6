using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Client.Commands;

/// <summary>
/// `scalesweep theory --floor`: the exact t -&gt; infinity loss of the projected model for seeds 0..K-1 at each
/// width N (<see cref="FloorScaling"/>), its seed mean with standard error, the fitted exponent of L ~ N^-x,
/// and both theory exponents: the paper's alpha min(2, beta) (eq. 12) and the measured alpha min(1, beta).
/// </summary>
internal static class TheoryFloor
{
    public const int MaxSeeds = 1000;

    /// <summary>The widths without --N: four octaves, a second or two in all at the default M.</summary>
    public static readonly int[] DefaultWidths = [16, 32, 64, 128];

    /// <summary>What --N accepts with --floor, for its messages.</summary>
    public static readonly string WidthsRange =
        $"with --floor N must be a list of at least two distinct integers from 1 to {SimulationConfigValidation.MaxWidth}, e.g. 16,32,64.";

    /// <summary>
    /// The settings of one floor run, checked: widths finite, distinct and below M. With a measured
    /// <paramref name="Spectrum"/> (--spectrum) the floors are of that task, and alpha and beta are its fitted values
    /// (`spectrum fit`), which only set the two theory exponents beside the measured one.
    /// </summary>
    internal sealed record Request(double Alpha, double Beta, int M, IReadOnlyList<int> Widths, int Seeds, Spectrum? Spectrum = null, string? SpectrumPath = null);

    /// <summary>
    /// The request for a measured task: its mode count, and alpha, beta fitted to it as `spectrum fit` does (default
    /// window); a fit outside the theory's range (alpha &gt; 1, beta &gt; 0) is a usage error naming --spectrum.
    /// </summary>
    public static Request BindSpectrum(string path, IReadOnlyList<IntegerOrInfinity>? widths, long seeds)
    {
        Spectrum spectrum = SpectrumFile.Load(path);
        SpectrumFitResult fit;
        try
        {
            fit = SpectrumFit.Fit(spectrum);
        }
        catch (SpectrumException e)
        {
            throw new UsageException($"--spectrum: its alpha and beta cannot be fitted for the theory exponents: {e.Message}");
        }

        if (!(fit.Alpha > 1) || !(fit.Beta > 0))
        {
            throw new UsageException(
                $"--spectrum: the fitted alpha = {NumberFormat.Exponent(fit.Alpha)}, beta = {NumberFormat.Exponent(fit.Beta)} are outside the theory's "
                + "alpha > 1, beta > 0, so there are no theory exponents to set beside the floor (spectrum fit shows the fit).");
        }

        return Bind(fit.Alpha, fit.Beta, spectrum.M, widths, seeds, modesFrom: "--spectrum") with { Spectrum = spectrum, SpectrumPath = path };
    }

    /// <summary>
    /// Checks the values the parser could not (widths finite, in range and distinct; M above the largest width;
    /// alpha and beta in range) and returns the request; a bad value is a usage error naming its option
    /// (<c>modesFrom</c> for M: "--M", or "--spectrum" whose file has M modes).
    /// </summary>
    public static Request Bind(double alpha, double beta, long m, IReadOnlyList<IntegerOrInfinity>? widths, long seeds, string modesFrom = "--M")
    {
        try
        {
            _ = Exponents.ModelBottleneck(alpha, beta);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(LibraryRanges.WithOption(LibraryRanges.WithoutParameterName(e)));
        }

        int[] n = widths is null ? DefaultWidths : new int[widths.Count];
        for (int i = 0; widths is not null && i < n.Length; i++)
        {
            if (widths[i].Finite is not { } width || width > SimulationConfigValidation.MaxWidth)
            {
                throw new UsageException($"--N: {widths[i]} is out of range: {WidthsRange}");
            }

            n[i] = (int)width;
        }

        if (n.Length < 2 || n.Distinct().Count() != n.Length)
        {
            throw new UsageException($"--N: {string.Join(',', n)} {(n.Length < 2 ? "is one width" : "repeats a width")}: {WidthsRange} The exponent needs two widths or more.");
        }

        int largest = n.Max();
        if (m <= largest)
        {
            throw new UsageException(
                $"{modesFrom}: M = {m} is out of range with --N up to {largest}: M must exceed the largest N (with M <= N the N features span "
                + "every mode and the floor is 0); keep it far above, docs/numerics.md says how far.");
        }

        if (largest * m > Array.MaxLength)
        {
            throw new UsageException($"{modesFrom}: M = {m} is out of range with --N up to {largest}: N x M must be at most {Array.MaxLength} (A0 is held in one array).");
        }

        return new Request(alpha, beta, (int)m, n, (int)seeds);
    }

    /// <summary>Computes the floors of <paramref name="request"/> and writes the table or the JSON.</summary>
    public static async Task<int> RunAsync(CliEnvironment environment, Request request, bool json)
    {
        var seeds = new ulong[request.Seeds];
        for (int s = 0; s < seeds.Length; s++)
        {
            seeds[s] = (ulong)s;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Spectrum spectrum = request.Spectrum ?? Spectrum.PowerLaw(request.Alpha, request.Beta, request.M);
        FloorScalingResult result = await ProgressDisplay.RunAsync(
            environment,
            show: !json && environment.ErrorIsTerminal,
            $"floor: {seeds.Length} seeds up to N = {request.Widths.Max()}",
            seeds.Length,
            report => Task.FromResult(FloorScaling.Compute(request.Alpha, request.Beta, spectrum, request.Widths, seeds, _ => report(1)))).ConfigureAwait(false);
        double seconds = clock.Elapsed.TotalSeconds;
        if (json)
        {
            JsonOutput.Write(environment.Out, TheoryFloorJson.From(request, result, seconds));
        }
        else
        {
            TheoryFloorTable.Write(environment.Out, ConsoleFactory.ForOut(environment).Profile.Width, request, result, seconds);
        }

        return ExitCodes.Success;
    }
}
