using System.CommandLine;
using System.Globalization;
using System.Text;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Client.Commands.Spectra;

/// <summary>
/// `scalesweep spectrum kernel DATA`: the spectrum file of a data set under a random-feature kernel
/// (<see cref="KernelSpectrum"/>), on stdout or into --out.
/// </summary>
internal static class SpectrumKernelCommand
{
    public const long DefaultWidth = 1000;

    public static Command Create(CliEnvironment environment)
    {
        var data = new Argument<string>("DATA")
        {
            Description = "Data set: CSV rows 'x_1,...,x_d,y' (inputs, then the target in the last column), an optional header line, '#' comments.",
        }.Refusing();
        Option<KernelActivation?> activation = OptionFactory.Choice(
            "--activation",
            new Dictionary<string, KernelActivation> { ["relu"] = KernelActivation.Relu, ["linear"] = KernelActivation.Linear, ["tanh"] = KernelActivation.Tanh },
            "Activation phi of the features phi(W x / sqrt(d)): relu is max(0, h)^q_phi (the paper's MLPs), linear gives the kernel x . x' / d. [default: relu]",
            "activation must be 'relu', 'linear' or 'tanh'.");
        Option<double> qPhi = OptionFactory.Real(
            "--q-phi", 1.0, "With --activation relu: the power q_phi > 0 of ReLU(h)^q_phi (the paper's MLPs, Section 5.1).",
            "q-phi must be a finite number > 0.");
        Option<long> width = OptionFactory.Integer(
            "--width", DefaultWidth, 1, KernelSpectrum.MaxWidth,
            $"Number of random features N; min(n, N) must be at most {KernelSpectrum.MaxDimension} (the decomposed matrix is min(n, N) squared).",
            $"width must be an integer from 1 to {KernelSpectrum.MaxWidth}.");
        Option<long> seed = OptionFactory.Integer(
            "--seed", 0, 0, long.MaxValue, "Seed of the random weights W (row a of W does not depend on N).", "seed must be an integer >= 0.");
        Option<string?> output = OptionFactory.WithRange(new Option<string?>("--out")
        {
            Description = "Spectrum file to write (CSV 'k,lambda,wstar', readable by simulate --spectrum and spectrum fit); a summary goes to stdout. [default: the CSV on stdout]",
            HelpName = "out.csv",
        }, "out must be the path of a file.");

        var command = new Command(
            "kernel",
            "Writes the spectrum of a data set under a random-feature kernel: features phi(W x / sqrt(d)), W ~ N(0, 1) of shape N x d, "
            + "kernel K = Phi Phi^T / N over the n samples; lambda_k = (eigenvalues of K) / n, descending, and the target's coefficients "
            + "wstar_k = (u_k . y) / sqrt(n lambda_k) >= 0 in its eigenbasis, so sum_k lambda_k wstar_k^2 = |y|^2 / n when K has full rank. "
            + "Eigenvalues at or below lambda_1 max(n, N) 2^-52 are dropped as numerically zero (docs/spectra.md).");
        command.Arguments.Add(data);
        command.Options.Add(activation);
        command.Options.Add(qPhi);
        command.Options.Add(width);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetGuardedAction(environment, (parseResult, cancellationToken) =>
        {
            KernelActivation phi = parseResult.GetValue(activation) ?? KernelActivation.Relu;
            if (phi != KernelActivation.Relu && parseResult.GetResult(qPhi) is { Implicit: false })
            {
                throw new UsageException($"--q-phi: only with --activation relu: the power applies to ReLU, not to {parseResult.GetResult(activation)!.Tokens[0].Value}.");
            }

            string path = parseResult.GetValue(data)!;
            DataSet set = Load(path);
            KernelSpectrumResult result;
            try
            {
                result = KernelSpectrum.Compute(set, phi, parseResult.GetValue(qPhi), (int)parseResult.GetValue(width), (ulong)parseResult.GetValue(seed));
            }
            catch (SpectrumException e)
            {
                throw new UsageException(e.Message);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (parseResult.GetValue(output) is not { } file)
            {
                SpectrumCsv.Write(environment.Out, result.Spectrum);
                environment.Out.Flush();
                return Task.FromResult(ExitCodes.Success);
            }

            string written = Write(file, result.Spectrum);
            TextWrap.Write(environment.Out, Summary(Path.GetFileName(path), set, result, parseResult.GetValue(width), written), ConsoleFactory.ForOut(environment).Profile.Width);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static DataSet Load(string path)
    {
        try
        {
            return DataSetCsv.Load(path);
        }
        catch (SpectrumException e)
        {
            throw new UsageException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read data file '{path}': {e.Message}");
        }
    }

    private static string Write(string file, Spectrum spectrum)
    {
        try
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            Directory.CreateDirectory(folder);
            var text = new StringWriter(CultureInfo.InvariantCulture);
            SpectrumCsv.Write(text, spectrum);
            return ReportWriter.WriteAtomically(folder, Path.GetFileName(file), new UTF8Encoding(false).GetBytes(text.ToString()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"--out: cannot write '{file}': {e.Message}");
        }
    }

    private static string Summary(string source, DataSet set, KernelSpectrumResult result, long width, string written)
    {
        double share = result.MeanSquare > 0 ? result.Captured / result.MeanSquare : 1;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"spectrum kernel: {source}: n={set.Count} d={set.Dimension} N={width}: "
            + $"{result.Spectrum.M} modes kept, {result.Dropped} dropped at or below lambda = {NumberFormat.Value(result.Threshold)}; "
            + $"lambda_1 = {NumberFormat.Value(result.Spectrum.Lambda[0])}, lambda_M = {NumberFormat.Value(result.Spectrum.Lambda[^1])}; "
            + $"sum lambda wstar^2 = {NumberFormat.Value(result.Captured)} of the target's mean square {NumberFormat.Value(result.MeanSquare)} ({share:P1}); wrote {written}");
    }
}
