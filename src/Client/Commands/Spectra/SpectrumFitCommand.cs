using System.CommandLine;
using System.Text;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Client.Commands.Spectra;

/// <summary>
/// `scalesweep spectrum fit FILE`: alpha and beta of a spectrum file by <see cref="SpectrumFit"/>, with bootstrap
/// intervals, the phase and exponents of the fitted task, and with --out the plot of the spectrum and the fits.
/// </summary>
internal static class SpectrumFitCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Spectrum file: CSV rows 'k,lambda,wstar' for k = 1..M (the format simulate --spectrum reads and spectrum kernel writes).",
        }.Refusing();
        Option<bool> json = OptionFactory.Flag("--json", "Print exactly one JSON object on stdout instead of tables.");
        Option<string?> output = OptionFactory.WithRange(new Option<string?>("--out")
        {
            Description = "Folder to write spectrum.png and spectrum.svg into: lambda_k and lambda_k wstar_k^2 on log-log axes with the fitted power laws (created if missing).",
            HelpName = "dir",
        }, "out must be the path of a folder.");
        Option<(int K0, int K1)?> window = ModeWindowOption.CreateOption(
            "--fit-window",
            "Modes kmin:kmax (inclusive) of the fit. [default: as for the loss fits, the last two decades max(10, M/100):M, or M/10:M when M < 100]");

        var command = new Command(
            "fit",
            "Estimates the capacity alpha (lambda_k ~ k^-alpha) and the source beta (lambda_k wstar_k^2 ~ k^-(alpha beta + 1), eq. 6) "
            + "of a spectrum file by least squares in log-log coordinates over a window of modes, with 95% bootstrap intervals over the "
            + "modes; prints the task phase, the lazy and rich time exponents and the model-size floor exponents they predict (docs/spectra.md).");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.Options.Add(output);
        command.Options.Add(window);
        command.SetGuardedAction(environment, (parseResult, _) =>
        {
            string path = parseResult.GetValue(file)!;
            Spectrum spectrum = SpectrumFile.Load(path, option: null);
            SpectrumFitResult fit;
            try
            {
                fit = SpectrumFit.Fit(spectrum, parseResult.GetValue(window));
            }
            catch (SpectrumException e) when (parseResult.GetResult(window) is { Implicit: false } && e.Message.StartsWith("the window", StringComparison.Ordinal))
            {
                throw new UsageException($"--fit-window: {e.Message}");
            }
            catch (SpectrumException e)
            {
                throw new UsageException($"{Path.GetFileName(path)}: {e.Message}");
            }

            var report = SpectrumFitReport.From(Path.GetFileName(path), spectrum, fit);
            IReadOnlyList<string> plots = parseResult.GetValue(output) is { } folder ? WritePlot(folder, spectrum, fit, report.Source) : [];
            if (parseResult.GetValue(json))
            {
                JsonOutput.Write(environment.Out, SpectrumFitJson.From(report, plots));
            }
            else
            {
                SpectrumFitTable.Write(environment.Out, ConsoleFactory.ForOut(environment).Profile.Width, report, plots);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static IReadOnlyList<string> WritePlot(string folder, Spectrum spectrum, SpectrumFitResult fit, string source)
    {
        RenderedPlot plot = SpectrumPlot.Render(spectrum, fit, $"spectrum of {source} (M={spectrum.M}), fit over k={fit.Window.K0}:{fit.Window.K1}");
        try
        {
            Directory.CreateDirectory(folder);
            return
            [
                ReportWriter.WriteAtomically(folder, SpectrumPlot.BaseName + ".png", plot.Png),
                ReportWriter.WriteAtomically(folder, SpectrumPlot.BaseName + ".svg", new UTF8Encoding(false).GetBytes(plot.Svg)),
            ];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write to '{folder}': {e.Message}");
        }
    }
}
