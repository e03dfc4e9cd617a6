using System.CommandLine;
using System.Globalization;
using System.Text;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Numerics.Spectra.Circle;

namespace ScaleSweep.Client.Commands.Spectra;

/// <summary>
/// `scalesweep spectrum circle`: the circle experiment of Sec. 5.1 as a task of the solvable model (<see cref="CircleTask"/>):
/// the infinite-width NTK eigenvalues of a ReLU^qPhi MLP and the target k^-q cos(k theta) in its eigenbasis, fitted as
/// `spectrum fit` does (with the self-consistent rich exponent of eq. 10 on the spectrum itself), beside eq. 14's
/// alpha = 2 qPhi and beta = (2q - 1)/(2 qPhi); --out writes it as a spectrum file for `theory --curve --spectrum`
/// and `simulate --spectrum`.
/// </summary>
internal static class SpectrumCircleCommand
{
    public const int DefaultHarmonics = 1024;
    public const int MaxDepth = 16;

    private const string QRange = "q must be a finite number > 1/2.";
    private const string QPhiRange = "q-phi must be a finite number > 1/2.";

    public static Command Create(CliEnvironment environment)
    {
        Option<double> q = OptionFactory.Real("--q", 1.4, "Target exponent q > 1/2 of y = sum_k k^-q cos(k theta) (eq. 13).", QRange);
        Option<double> qPhi = OptionFactory.Real(
            "--q-phi", 1.0, "Activation power q_phi > 1/2 of ReLU(h)^q_phi (below 1/2 the NTK diverges).", QPhiRange);
        Option<long> depth = OptionFactory.Integer("--depth", 2, 1, MaxDepth, "Hidden layers of the MLP (1 has no odd harmonic above the first).", $"depth must be an integer from 1 to {MaxDepth}.");
        Option<long> harmonics = OptionFactory.Integer(
            "--K", DefaultHarmonics, 16, 4096, "Harmonics k = 1..K of the task (the kernel is evaluated on 64 K points).", "K must be an integer from 16 to 4096.");
        Option<bool> json = OptionFactory.Flag("--json", "Print exactly one JSON object on stdout instead of tables.");
        Option<string?> output = OptionFactory.WithRange(new Option<string?>("--out")
        {
            Description = "Spectrum file to write (CSV 'k,lambda,wstar', one row per harmonic, readable by theory --spectrum, simulate --spectrum and spectrum fit).",
            HelpName = "out.csv",
        }, "out must be the path of a file.");
        Option<(int K0, int K1)?> window = ModeWindowOption.CreateOption(
            "--fit-window", "Harmonics kmin:kmax (inclusive) of the fit. [default: as spectrum fit, max(10, K/100):K]");

        var command = new Command(
            "circle",
            "The circle experiment (Sec. 5.1) as a task of the solvable model: the infinite-width NTK eigenvalues of a ReLU^q_phi MLP "
            + "(no biases) and the target k^-q cos(k theta) in its eigenbasis; prints alpha and beta fitted to it beside eq. 14's "
            + "2 q_phi and (2q - 1)/(2 q_phi), and the self-consistent rich exponent of eq. 10 on it (docs/spectra.md).")
        {
            q, qPhi, depth, harmonics, json, output, window,
        };
        command.SetGuardedAction(environment, (parseResult, _) =>
        {
            CircleTask task;
            try
            {
                task = CircleTask.Create(parseResult.GetValue(q), parseResult.GetValue(qPhi), (int)parseResult.GetValue(depth), (int)parseResult.GetValue(harmonics));
            }
            catch (ArgumentOutOfRangeException e)
            {
                // The parser takes any number; the ranges are the library's, so its refusal names which one.
                throw new UsageException(e.ParamName == "q"
                    ? FormattableString.Invariant($"--q: q = {parseResult.GetValue(q)} is out of range: {QRange}")
                    : FormattableString.Invariant($"--q-phi: q-phi = {parseResult.GetValue(qPhi)} is out of range: {QPhiRange}"));
            }

            Spectrum spectrum = task.Spectrum;
            SpectrumFitResult fit;
            try
            {
                fit = SpectrumFit.Fit(spectrum, parseResult.GetValue(window));
            }
            catch (SpectrumException e)
            {
                throw new UsageException($"--fit-window: {e.Message}");
            }

            double qValue = parseResult.GetValue(q), qPhiValue = parseResult.GetValue(qPhi);
            var circle = new CircleSummary(
                qValue, qPhiValue, (int)parseResult.GetValue(depth), (int)parseResult.GetValue(harmonics), spectrum.M,
                2 * qPhiValue, ((2 * qValue) - 1) / (2 * qPhiValue), task.UnreachablePower);
            IReadOnlyList<string> written = parseResult.GetValue(output) is { } path ? [Write(path, spectrum)] : [];
            var report = SpectrumFitReport.From(spectrum.Description, spectrum, fit);
            if (parseResult.GetValue(json))
            {
                JsonOutput.Write(environment.Out, new SpectrumCircleJson(circle, SpectrumFitJson.From(report, written)));
            }
            else
            {
                int width = ConsoleFactory.ForOut(environment).Profile.Width;
                TextWrap.Write(environment.Out, circle.Describe(), width);
                SpectrumFitTable.Write(environment.Out, width, report, written);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string Write(string path, Spectrum spectrum)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        SpectrumCsv.Write(text, spectrum);
        string full = Path.GetFullPath(path);
        try
        {
            return ReportWriter.WriteAtomically(Path.GetDirectoryName(full)!, Path.GetFileName(full), new UTF8Encoding(false).GetBytes(text.ToString()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write '{path}': {e.Message}");
        }
    }
}

/// <summary>What `spectrum circle` adds to the fit: the experiment and eq. 14's exponents.</summary>
internal sealed record CircleSummary(
    double Q,
    double QPhi,
    int Depth,
    int K,
    int Modes,
    double AlphaEq14,
    double BetaEq14,
    double UnreachablePower)
{
    public string Describe() =>
        FormattableString.Invariant($"circle: target k^-{Q} cos(k theta), NTK of a {Depth}-hidden-layer ReLU^{QPhi} MLP, harmonics 1..{K} ({Modes} kept); ")
        + $"eq. 14: alpha = 2 q_phi = {NumberFormat.Exponent(AlphaEq14)}, beta = (2q - 1)/(2 q_phi) = {NumberFormat.Exponent(BetaEq14)}"
        + (UnreachablePower > 0 ? FormattableString.Invariant($"; target power the kernel cannot reach: {UnreachablePower:G4} (a loss floor)") : string.Empty);
}

/// <summary>The one JSON object `spectrum circle --json` prints: the experiment and the fit as `spectrum fit --json` has it.</summary>
internal sealed record SpectrumCircleJson(CircleSummary Circle, SpectrumFitJson Fit);
