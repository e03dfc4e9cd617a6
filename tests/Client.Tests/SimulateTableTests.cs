namespace ScaleSweep.Client.Tests;

public class SimulateTableTests
{
    [Fact]
    public void TableShowsParametersCurveFitAndDivergence()
    {
        CliResult result = Cli.Simulate("--seeds", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr); // no progress display when stderr is not a terminal
        string[] lines = result.Stdout.Split('\n');
        // The settings line breaks between settings at 80 columns; joined again, it reads as before.
        Assert.StartsWith("simulate projected: alpha=2 beta=0.4 M=100 gamma=0 N=16 B=inf eta=0.05 steps=200 seeds=2 (0..1)", lines[0] + " " + lines[1].Trim());
        Assert.Contains(lines, l => l.Contains("step") && l.Contains("mean") && l.Contains("sem") && l.Contains(" n"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("200 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fit: L ~ t^-0.", StringComparison.Ordinal) && l.Contains("95% CI [") && l.Contains("over steps 10..200"));
        Assert.Contains("diverged: 0 of 2 seeds", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout); // no ANSI escapes into a captured stream
    }

    /// <summary>A rising loss (N = 16 rich features on P = 64 reused samples overfit from early on: the fit over
    /// steps 10..200 has chi about -0.015 with its whole CI below 0) is named, not printed as "t^--0.0146".</summary>
    [Fact]
    public void NegativeFittedExponentIsNamedAsARisingLoss()
    {
        CliResult result = Cli.Simulate("--alpha", "1.5", "--gamma", "1", "--P", "64", "--eta", "0.5", "--seeds", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("t^--", result.Stdout);
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("fit: L ~ t^-chi with chi = -0.0", StringComparison.Ordinal) && l.Contains("(the loss rises), 95% CI [-"));
    }

    [Fact]
    public void PerSeedTableListsEverySeed()
    {
        CliResult result = Cli.Simulate("--seeds", "2", "--seed0", "40", "--per-seed");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("last loss", result.Stdout);
        Assert.Matches(@"\n\s+40\s+completed\s+200\s", result.Stdout);
        Assert.Matches(@"\n\s+41\s+completed\s+200\s", result.Stdout);
    }

    [Fact]
    public void LinearNetworkTableHasTheWeightNormColumn()
    {
        CliResult result = Cli.Simulate("--model", "linear-network", "--gamma", "0.5", "--seeds", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("|w|^2/N", result.Stdout);
        Assert.Contains("no CI (fewer than 2 seeds)", result.Stdout);
    }

    [Fact]
    public void AllDivergedInTableModeSaysSoAndExits3()
    {
        CliResult result = Cli.Simulate("--seeds", "2", "--eta", "20");
        Assert.Equal(ExitCodes.NoResult, result.ExitCode);
        Assert.Contains("diverged: 2 of 2 seeds: seed 0 at step", result.Stdout);
        Assert.Contains("fit: none (all 2 seeds diverged)", result.Stdout);
        Assert.Contains("all 2 seeds diverged", result.Stderr);
    }

    [Fact]
    public void HelpDocumentsEveryOptionAndTheEtaDefault()
    {
        CliResult result = Cli.Run("simulate", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[]
                 {
                     "--model", "--alpha", "--beta", "--gamma", "--N", "--B", "--eta", "--M", "--steps", "--seeds", "--seed0",
                     "--sampler", "--points-per-decade", "--fit-window", "--spectrum", "--threads", "--json", "--per-seed",
                 })
        {
            Assert.Contains(option, result.Stdout);
        }

        Assert.Contains("0.05", result.Stdout);
        Assert.Contains("blow up", result.Stdout);
        Assert.Contains("default: inf", result.Stdout);
    }

    [Fact]
    public void RootHelpListsTheCommands()
    {
        CliResult result = Cli.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("simulate", result.Stdout);
        Assert.Contains("theory", result.Stdout);
    }
}
