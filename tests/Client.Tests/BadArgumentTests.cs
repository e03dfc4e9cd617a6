namespace ScaleSweep.Client.Tests;

/// <summary>Every bad command line: one line on stderr naming the option and what it accepts, exit code 2.</summary>
public class BadArgumentTests
{
    public static TheoryData<string[], string[]> Cases => new()
    {
        { ["simulate", "--foo"], ["Unrecognized command or argument '--foo'", "scalesweep simulate --help"] },
        { ["simulate", "extra"], ["Unrecognized command or argument 'extra'"] },
        { ["frob"], ["Unrecognized command or argument 'frob'", "scalesweep --help"] },
        { [], ["Required command was not provided"] },
        { ["simulate", "--alpha"], ["'--alpha'", "alpha must be a finite number > 1"] },
        { ["simulate", "--alpha", "--beta", "0.5"], ["--alpha: missing value before '--beta'", "alpha must be a finite number > 1"] },
        { ["simulate", "--alpha", "abc"], ["--alpha: 'abc' is not a number", "alpha must be a finite number > 1"] },
        { ["simulate", "--alpha", "1"], ["--alpha: alpha = 1 is out of range", "alpha must be a finite number > 1"] },
        { ["simulate", "--beta", "-0.5"], ["--beta: beta = -0.5 is out of range", "beta must be a finite number > 0"] },
        { ["simulate", "--gamma", "-1"], ["--gamma: gamma = -1 is out of range", "gamma must be a finite number >= 0"] },
        { ["simulate", "--model", "linear-network"], ["--gamma: gamma = 0 is out of range for the linear network", "> 0"] },
        { ["simulate", "--model", "mlp"], ["--model: 'mlp' is not allowed", "'projected', 'linear-network' or 'mlp-circle'"] },
        { ["simulate", "--model", "mlp-circle", "--B", "8"], ["--gamma: gamma = 0 is out of range for model 'mlp-circle'", "> 0"] },
        { ["simulate", "--model", "mlp-circle", "--gamma", "1"], ["--B: B = inf is out of range for model 'mlp-circle'", "integer from 1 to 65536"] },
        { ["simulate", "--model", "mlp-circle", "--gamma", "1", "--B", "8", "--q", "0.5"], ["--q: q = 0.5 is out of range", "q must be a finite number > 1/2"] },
        { ["simulate", "--model", "mlp-circle", "--gamma", "1", "--B", "8", "--q-phi", "0.25"], ["--q-phi: qPhi = 0.25 is out of range", "> 1/2 and <= 16"] },
        { ["simulate", "--model", "mlp-circle", "--q-phi", "x"], ["--q-phi: 'x' is not a number", "qPhi must be a number > 1/2"] },
        { ["simulate", "--model", "mlp-circle", "--depth", "17"], ["--depth: 17 is out of range", "depth (hidden layers) must be an integer from 1 to 16"] },
        { ["simulate", "--model", "mlp-circle", "--K", "0"], ["--K: 0 is out of range", "K (target harmonics) must be an integer from 1 to 16384"] },
        { ["simulate", "--model", "mlp-circle", "--gamma", "1", "--B", "8", "--P", "64"], ["--P: P = 64 is out of range for model 'mlp-circle'"] },
        { ["simulate", "--model", "mlp-circle", "--gamma", "1", "--B", "8", "--sampler", "reference"], ["--sampler: sampler = Reference is out of range for model 'mlp-circle'"] },
        { ["simulate", "--model", "mlp-circle", "--beta", "0.5"], ["--beta: not with --model mlp-circle", "beta = (2q - 1)/(2 q_phi)"] },
        { ["simulate", "--model", "mlp-circle", "--M", "100"], ["--M: not with --model mlp-circle", "M = K"] },
        { ["simulate", "--q", "2"], ["--q: needs --model mlp-circle", "'projected'"] },
        { ["simulate", "--model", "linear-network", "--gamma", "1", "--depth", "3"], ["--depth: needs --model mlp-circle", "'linear-network'"] },
        { ["simulate", "--sampler", "slow"], ["--sampler: 'slow' is not allowed", "'fast' or 'reference'"] },
        { ["simulate", "--B", "abc"], ["--B: 'abc' is not a batch size", "B must be an integer >= 1 or 'inf'"] },
        { ["simulate", "--B", "0"], ["--B: 0 is out of range", "B must be an integer >= 1 or 'inf'"] },
        { ["simulate", "--B", "2.5"], ["--B: '2.5' is not a batch size", "'inf'"] },
        { ["simulate", "--N", "0"], ["--N: 0 is out of range", "N must be an integer from 1 to 65536"] },
        { ["simulate", "--N", "1.5"], ["--N: '1.5' is not an integer", "N must be an integer from 1 to 65536"] },
        { ["simulate", "--N", "99999999999999999999999"], ["--N: '99999999999999999999999' is out of range", "N must be an integer"] },
        { ["simulate", "--M", "0"], ["--M: 0 is out of range", "M must be an integer from 1"] },
        { ["simulate", "--eta", "0"], ["--eta: eta = 0 is out of range", "eta must be a finite number > 0"] },
        { ["simulate", "--eta", "NaN"], ["--eta: eta = NaN is out of range", "eta must be a finite number > 0"] },
        { ["simulate", "--steps", "0"], ["--steps: 0 is out of range", "steps must be an integer from 1"] },
        { ["simulate", "--steps", "ten"], ["--steps: 'ten' is not an integer", "steps must be an integer from 1"] },
        { ["simulate", "--seeds", "0"], ["--seeds: 0 is out of range", "seeds must be an integer from 1 to 100000"] },
        { ["simulate", "--seeds"], ["'--seeds'", "seeds must be an integer from 1 to 100000"] },
        { ["simulate", "--seed0", "-1"], ["--seed0: '-1' is not a seed", "seed0 must be an integer from 0"] },
        { ["simulate", "--seed0", "18446744073709551615", "--seeds", "2"], ["--seed0: 18446744073709551615 is out of range", "at most 18446744073709551614"] },
        { ["simulate", "--points-per-decade", "0"], ["--points-per-decade: 0 is out of range", "pointsPerDecade must be an integer from 1 to 1000"] },
        { ["simulate", "--fit-window", "5:2"], ["--fit-window: '5:2' is an empty window", "T0:T1", "0 <= T0 < T1"] },
        { ["simulate", "--fit-window", "5"], ["--fit-window: '5' is not a window", "T0:T1"] },
        { ["simulate", "--fit-window", "a:b"], ["--fit-window: 'a:b' is not a window", "T0:T1"] },
        { ["simulate", "--steps", "200", "--fit-window", "5000:10000"], ["--fit-window: the window 5000:10000 holds 0 of the steps", "at least 2", "T1 <= 200"] },
        { ["simulate", "--spectrum", "/nonexistent/spectrum.csv"], ["--spectrum: spectrum file '/nonexistent/spectrum.csv' does not exist"] },
        { ["simulate", "--spectrum"], ["'--spectrum'", "CSV file"] },
        { ["simulate", "--N", "4", "--N", "8"], ["'--N'", "N must be an integer from 1 to 65536"] },
        { ["simulate", "--threads", "0"], ["--threads: 0 is out of range", "threads must be an integer from 1 to 1024"] },
        { ["simulate", "--json", "maybe"], ["Unrecognized command or argument 'maybe'"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadArgumentsGiveOneLineAndExitCode2(string[] args, string[] expected)
    {
        CliResult result = Cli.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("scalesweep", line);
        foreach (string part in expected)
        {
            Assert.Contains(part, line);
        }

        Assert.DoesNotContain("   at ", result.Stderr); // never a stack trace
        Assert.DoesNotContain("Exception", result.Stderr);
    }

    [Fact]
    public void MalformedSpectrumFileNamesTheLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"scalesweep-bad-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllLines(path, ["k,lambda,wstar", "1,1.0,1.0", "2,-0.5,0.3"]);
            CliResult result = Cli.Run("simulate", "--spectrum", path);
            Assert.Equal(ExitCodes.Usage, result.ExitCode);
            string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("--spectrum:", line);
            Assert.Contains("line 3", line);
            Assert.Contains("lambda must be a finite number >= 0", line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
