using System.CommandLine;
using System.Globalization;
using ScaleSweep.Client;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// The one exit-code table (<see cref="ExitCodes.All"/>): the table of docs/cli.md and every command's --help
/// state it, and each row is what the real program exits with when that happens. No cluster is started
/// here; the rows that need one are elsewhere:
/// <list type="bullet">
/// <item>1 (internal error) has no trigger short of a bug: it is the catch-all of ScaleSweepCli.RunAsync. Every
/// documented value of every option is checked never to reach it (<see cref="SimulateValuesEndToEndTests"/>,
/// <see cref="TheoryAndClusterValuesEndToEndTests"/>); the bad inputs here are checked the same way.</item>
/// <item>4 for every cluster command: <see cref="TheoryAndClusterValuesEndToEndTests"/> (a closed gateway),
/// <see cref="ErrorEndToEndTests"/> (the message).</item>
/// <item>2 for an unknown sweep id and 5 for a cancelled sweep: <see cref="RunCommandEndToEndTests"/>, against its silo.</item>
/// </list>
/// </summary>
[Collection(CliOnlyCollection.Name)]
public sealed class ExitCodesEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Small = ["simulate", "--M", "100", "--N", "16", "--steps", "50", "--seeds", "2"];

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (Command command in DocumentedValues.Root().Subcommands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Fact]
    public void The_docs_table_is_the_table_of_ExitCodes()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root, "docs", "cli.md"));
        int section = readme.IndexOf("## Errors and exit codes", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/cli.md has no section \"## Errors and exit codes\"");
        int end = readme.IndexOf("\n#", section + 1, StringComparison.Ordinal);
        string[] rows = readme[section..end].Split('\n')
            .Where(l => l.Length > 2 && l.StartsWith("| ", StringComparison.Ordinal) && char.IsAsciiDigit(l[2]))
            .ToArray();
        Assert.Equal(ExitCodes.All.Select(c => $"| {c.Code} | {c.Meaning} |"), rows);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_help_ends_with_the_exit_codes_of_the_table(string command)
    {
        string description = DocumentedValues.Root().Subcommands.Single(c => c.Name == command).Description ?? "";
        Assert.EndsWith(ExitCodes.HelpSentence, description, StringComparison.Ordinal);
        foreach (ExitCodeMeaning code in ExitCodes.All)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{code.Code} {code.Short}"), ExitCodes.HelpSentence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Exit_0_a_valid_run()
    {
        CliResult result = await Cli.RunAsync(Timeout, Small);
        output.ShouldExit(result, ExitCodes.Success);
        output.Check(result, () => Assert.Contains("fit: L ~ t^-", result.StdOut, StringComparison.Ordinal));
    }

    /// <summary>An unknown option: one line naming it, ending with where to read more, for every command.</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Exit_2_an_unknown_option_for_every_command(string command)
    {
        // A closed gateway: were the option ever taken for an ID or SPEC, the command would exit 4, not start an embedded cluster.
        string[] gateway = DocumentedValues.IsLocal(command) ? [] : ["--gateway", $"127.0.0.1:{FreePorts.Take(1)[0]}"];
        await ExpectUsageError([command, "--no-such-option", .. gateway], command, "'--no-such-option'");
    }

    /// <summary>Usage errors found after parsing carry the same "(see ...)" as the parser's own.</summary>
    [Theory]
    [InlineData("theory --alpha 1", "--alpha: alpha = 1 is out of range")]
    [InlineData("theory --N 64", "--N: needs --curve")]
    [InlineData("theory --B inf", "--B: needs --curve")]
    [InlineData("theory --curve --levels 3", "--levels: only without --curve")]
    [InlineData("theory --floor --N 16,32 --M 32", "--M: M = 32 is out of range with --N up to 32")]
    [InlineData("theory --floor --N 16,x", "--N: 'x' is not an integer")]
    [InlineData("simulate --M 100 --N 16 --steps 50 --fit-window 60:70", "--fit-window: the window 60:70")]
    [InlineData("simulate --B 0", "--B: 0 is out of range")]
    [InlineData("simulate --P 0", "--P: 0 is out of range: P must be an integer from 1 to 100000000")]
    [InlineData("simulate --P 2.5", "--P: '2.5' is not a training-set size")]
    [InlineData("simulate --M 100 --N 16 --steps 50 --P 8 --B 16", "--B: B = 16 is out of range for P = 8: on a finite training set B must be an integer from 1 to P")]
    [InlineData("simulate --M 100 --N 16 --steps 50 --P 8 --model linear-network --gamma 1", "--P: P = 8 is out of range for model 'linear-network'")]
    [InlineData("simulate --M 100 --N 65536 --steps 50 --P 100000000", "--P: P = 100000000 is out of range with N = 65536: P x N must be at most")]
    public async Task Exit_2_a_value_the_command_refuses(string line, string named)
    {
        string[] arguments = line.Split(' ');
        await ExpectUsageError(arguments, arguments[0], named);
    }

    [Fact]
    public async Task Exit_3_every_seed_diverged()
    {
        CliResult result = await Cli.RunAsync(Timeout, [.. Small, "--eta", "1000"]);
        output.ShouldExit(result, ExitCodes.NoResult);
        output.Check(result, () =>
        {
            DocumentedValueRunner.AssertNoInternalError(result);
            Assert.Contains("scalesweep simulate: all 2 seeds diverged", result.StdErr, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Exit_4_the_cluster_cannot_be_reached()
    {
        string gateway = $"127.0.0.1:{FreePorts.Take(1)[0]}";
        CliResult result = await Cli.RunAsync(Timeout, "list", "--gateway", gateway);
        output.ShouldExit(result, ExitCodes.Unavailable);
        output.Check(result, () =>
        {
            DocumentedValueRunner.AssertNoInternalError(result);
            Assert.StartsWith("scalesweep list: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
            Assert.Contains(gateway, result.StdErr, StringComparison.Ordinal);
        });
    }

    /// <summary>SIGINT (Ctrl+C) in the middle of a long simulation: the command says so and exits 130.</summary>
    [Fact]
    public async Task Exit_130_interrupted_by_SIGINT()
    {
        (CliResult result, bool interrupted) = await Cli.InterruptAsync(
            Interrupt.AfterProcessorTime(TimeSpan.FromSeconds(1)), Timeout, "simulate", "--M", "1000", "--N", "128", "--steps", "1e7", "--seeds", "2", "--threads", "2");
        output.ShouldExit(result, ExitCodes.Cancelled);
        output.Check(result, () =>
        {
            Assert.True(interrupted, "the simulation ended before it had used 1 s of processor time");
            DocumentedValueRunner.AssertNoInternalError(result);
            Assert.Equal("scalesweep simulate: cancelled.", Assert.Single(result.ErrorLines));
            Assert.Equal("", result.StdOut);
        });
    }

    private async Task ExpectUsageError(string[] arguments, string command, string named)
    {
        CliResult result = await Cli.RunAsync(Timeout, arguments);
        output.ShouldExit(result, ExitCodes.Usage);
        output.Check(result, () =>
        {
            DocumentedValueRunner.AssertNoInternalError(result);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith($"scalesweep {command}: ", line, StringComparison.Ordinal);
            Assert.Contains(named, line, StringComparison.Ordinal);
            Assert.EndsWith($"(see 'scalesweep {command} --help')", line, StringComparison.Ordinal);
            Assert.Equal("", result.StdOut);
        });
    }
}
