using System.Text;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>
/// Spec field "spectrum": a measured task read from a file beside the spec, its values carried by the spec (so in the
/// sweep id), M set by the file, alpha and beta one label each or the spectrum's fit; and every way it goes wrong
/// named by its field, nothing half-read.
/// </summary>
public sealed class SpectrumSpecTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spectrum-spec-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>lambda_k = k^-1.6 (1 + 0.3 sin k), wStar_k^2 lambda_k = k^-(1.6 * 0.7 + 1): not quite a power law.</summary>
    private static Spectrum Bumpy(int modes = 300, double phase = 0)
    {
        var lambda = new double[modes];
        var wStar = new double[modes];
        for (int k = 1; k <= modes; k++)
        {
            lambda[k - 1] = Math.Pow(k, -1.6) * (1 + 0.3 * Math.Sin(k + phase));
            wStar[k - 1] = Math.Sqrt(Math.Pow(k, -(1.6 * 0.7 + 1)) / lambda[k - 1]);
        }

        return Spectrum.FromValues(lambda, wStar, "bumpy");
    }

    private string WriteSpectrum(string name, Spectrum spectrum)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        SpectrumCsv.Write(writer, spectrum);
        return path;
    }

    private string WriteSpec(string name, string extra, string spectrumPath = "task.csv")
    {
        string json = "{\"name\": \"measured\", \"model\": \"projected\", \"spectrum\": " + Quote(spectrumPath)
            + ", \"gamma\": [0, 1], \"N\": [16, 32], \"B\": 8, \"steps\": 1000, \"seeds\": 2" + extra + "}";
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, json, Encoding.UTF8);
        return path;
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static SweepSpec ParseFile(string path, SweepLimits? limits = null) => SweepSpecParser.ParseFile(path, limits ?? new SweepLimits());

    private static SweepSpecException Rejects(string path, string field, params string[] contains) =>
        TestSpecs.AssertRejection(() => ParseFile(path), field, contains);

    [Fact]
    public void ARelativePathIsReadBesideTheSpecAndEveryRunSimulatesItsValues()
    {
        Spectrum task = Bumpy();
        WriteSpectrum("task.csv", task);
        SweepSpec spec = ParseFile(WriteSpec("spec.json", string.Empty));

        Assert.Equal(300, spec.M);
        Assert.Equal(task.Lambda.ToArray(), spec.Spectrum!.Lambda);
        Assert.Equal(task.WStar.ToArray(), spec.Spectrum.WStar);
        Assert.Equal("task.csv", spec.Spectrum.Source);
        Assert.Equal(8, spec.Grid().Runs.Count);
        Assert.All(spec.Grid().Runs, run =>
        {
            Assert.Equal(task.Fingerprint, run.CustomSpectrum!.Fingerprint);
            Assert.Equal(300, run.M);
            run.Validate();
        });
    }

    [Fact]
    public void AlphaAndBetaLeftOutAreTheSpectrumsFitAndSaySo()
    {
        Spectrum task = Bumpy();
        WriteSpectrum("task.csv", task);
        SweepSpec spec = ParseFile(WriteSpec("spec.json", string.Empty));

        SpectrumFitResult fit = SpectrumFit.Fit(task, resamples: 0);
        Assert.Equal([fit.Alpha], spec.Alpha);
        Assert.Equal([fit.Beta], spec.Beta);
        Assert.InRange(fit.Alpha, 1.5, 1.7); // the bumps average out over two decades of modes
        Assert.Equal($"alpha and beta fitted over modes {fit.Window.K0}..{fit.Window.K1}, as scalesweep spectrum fit does", spec.Spectrum!.LabelsFrom);
        Assert.Contains("spectrum file task.csv (M = 300 modes); alpha = ", spec.Spectrum.Describe(spec.Alpha[0], spec.Beta[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenLabelsAreKeptAndTheirSourceIsTheSpec()
    {
        WriteSpectrum("task.csv", Bumpy());
        SweepSpec spec = ParseFile(WriteSpec("spec.json", ", \"alpha\": 1.6, \"beta\": [0.7], \"M\": 300"));

        Assert.Equal([1.6], spec.Alpha);
        Assert.Equal([0.7], spec.Beta);
        Assert.Null(spec.Spectrum!.LabelsFrom);
        Assert.Contains("(given in the spec)", spec.Spectrum.Describe(1.6, 0.7), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSweepIdFollowsTheValuesNotTheFilesPlace()
    {
        WriteSpectrum("task.csv", Bumpy());
        WriteSpectrum(Path.Combine("elsewhere", "moved.csv"), Bumpy());
        WriteSpectrum("edited.csv", Bumpy(phase: 1e-9));
        string id = ParseFile(WriteSpec("spec.json", string.Empty)).Id();

        Assert.Equal(id, ParseFile(WriteSpec("moved.json", string.Empty, Path.Combine("elsewhere", "moved.csv"))).Id());
        Assert.NotEqual(id, ParseFile(WriteSpec("edited.json", ", \"alpha\": 1.6, \"beta\": 0.7", "edited.csv")).Id());
        Assert.NotEqual(id, ParseFile(WriteSpec("labelled.json", ", \"alpha\": 1.6, \"beta\": 0.7")).Id());

        // An absolute path reads the same file.
        Assert.Equal(id, ParseFile(WriteSpec("absolute.json", string.Empty, Path.Combine(_folder, "task.csv"))).Id());
    }

    [Fact]
    public void AMissingFileOrDirectoryNamesTheFieldAndTheRange()
    {
        Rejects(WriteSpec("spec.json", string.Empty, "nowhere.csv"), "spectrum", "\"nowhere.csv\" does not exist", "spectrum must be the path");
        Directory.CreateDirectory(Path.Combine(_folder, "adir"));
        Rejects(WriteSpec("dir.json", string.Empty, "adir"), "spectrum", "is a directory");
    }

    [Fact]
    public void ABadRowIsNamedWithItsLine()
    {
        File.WriteAllText(Path.Combine(_folder, "task.csv"), "k,lambda,wstar\n1,1,1\n2,-0.5,1\n3,0.1,1\n");
        SweepSpecException e = Rejects(WriteSpec("spec.json", ", \"alpha\": 2, \"beta\": 0.5"), "spectrum", "\"task.csv\"");
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MAlphaAndBetaAreCheckedAgainstTheSpectrum()
    {
        WriteSpectrum("task.csv", Bumpy());
        Rejects(WriteSpec("m.json", ", \"M\": 400"), "M", "400 is not the spectrum's 300 modes", "leave M out");
        Rejects(WriteSpec("alpha.json", ", \"alpha\": [1.5, 2]"), "alpha", "2 values given", "label the task");
        Rejects(WriteSpec("beta.json", ", \"beta\": [0.5, 1]"), "beta", "2 values given");
        Rejects(WriteSpec("alpha1.json", ", \"alpha\": 0.9"), "alpha", "0.9 is out of range", "alpha must be");
    }

    [Fact]
    public void AFitOutOfTheTheorysRangeAsksForLabels()
    {
        var lambda = new double[100];
        var wStar = new double[100];
        for (int k = 1; k <= 100; k++)
        {
            lambda[k - 1] = Math.Pow(k, -0.8);
            wStar[k - 1] = Math.Pow(k, -0.5);
        }

        WriteSpectrum("slow.csv", Spectrum.FromValues(lambda, wStar, "slow"));
        SweepSpecException e = Rejects(WriteSpec("spec.json", string.Empty, "slow.csv"), "spectrum", "fitted alpha = 0.8", "alpha must be");
        Assert.Contains("give one number each", e.Message, StringComparison.Ordinal);

        // Labelled by hand, it runs: the numerics take any positive spectrum.
        SweepSpec labelled = ParseFile(WriteSpec("labelled.json", ", \"alpha\": 1.01, \"beta\": 0.5", "slow.csv"));
        Assert.Equal(100, labelled.M);
    }

    [Fact]
    public void TheModeCapIsTheLimitsAndNamed()
    {
        WriteSpectrum("task.csv", Bumpy());
        TestSpecs.AssertRejection(
            () => ParseFile(WriteSpec("spec.json", string.Empty), new SweepLimits { MaxSpectrumModes = 299 }),
            "spectrum",
            "has 300 modes, out of range",
            "M at most 299 (ScaleSweep:Limits:MaxSpectrumModes)");
    }

    [Fact]
    public void TheMlpOnTheCircleRefusesASpectrum()
    {
        string path = Path.Combine(_folder, "mlp.json");
        File.WriteAllText(path, "{\"name\": \"m\", \"model\": \"mlp-circle\", \"spectrum\": \"task.csv\", \"q\": 1, \"qPhi\": 1, \"gamma0\": 1, \"N\": 8, \"B\": 4, \"steps\": 100, \"seeds\": 1}");
        Rejects(path, "spectrum", "not a field of model \"mlp-circle\"", "spectrum circle");
    }

    [Fact]
    public void ASpecBuiltInCodeIsCheckedByTheValidatorToo()
    {
        WriteSpectrum("task.csv", Bumpy());
        SweepSpec spec = ParseFile(WriteSpec("spec.json", string.Empty));

        TestSpecs.AssertRejection(() => SweepSpecValidator.Validate(spec with { Alpha = [1.5, 1.6] }, new SweepLimits()), "alpha", "2 values given");
        TestSpecs.AssertRejection(() => SweepSpecValidator.Validate(spec with { M = 10 }, new SweepLimits()), "M", "is not the spectrum's 300 modes");
        TestSpecs.AssertRejection(
            () => SweepSpecValidator.Validate(spec with { Spectrum = spec.Spectrum! with { WStar = new double[299] } }, new SweepLimits()),
            "spectrum",
            "wstar has 299");
        TestSpecs.AssertRejection(() => SweepSpecValidator.Validate(spec with { Model = ModelKind.MlpCircle }, new SweepLimits()), "q");
    }

    [Fact]
    public void TheoryCurvesOfASpectrumSweepSolveItsModes()
    {
        Spectrum task = Bumpy();
        WriteSpectrum("task.csv", task);
        SweepSpec spec = ParseFile(WriteSpec("spec.json", ", \"theory\": \"infinite\""));

        ScaleSweep.Sweeps.Dmft.DmftCurveRequest request = ScaleSweep.Sweeps.Dmft.DmftCurvePlan.Requests(spec)[0];
        Assert.Same(spec.Spectrum!.ToSpectrum(), request.ToSettings().Spectrum);
        Assert.Contains("task=spectrum:" + task.Fingerprint, request.CanonicalText(), StringComparison.Ordinal);
        Assert.NotEqual((request with { Spectrum = null }).Key(), request.Key());
    }

    [Fact]
    public void FloorsOfASpectrumSweepAreThoseOfItsTask()
    {
        Spectrum task = Bumpy();
        WriteSpectrum("task.csv", task);
        SweepSpec spec = ParseFile(WriteSpec("spec.json", string.Empty));

        double[]?[] floors = ScaleSweep.Sweeps.Reports.SweepFloors.Compute(spec.Grid());
        int[] widths = [16, 32];
        double[] direct = ProjectedFloor.Compute(spec.Seeds[0], task, widths, new double[32 * task.M]);
        Assert.Equal(direct[0], floors[0]![0]);
        Assert.Equal(direct[1], floors[1]![0]);
        Assert.Equal(32, spec.Grid().Groups[1].N);
    }
}
