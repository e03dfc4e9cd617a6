using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// `scalesweep reproduce` through the real binary on the embedded silo: a figure's sweeps run, the figure, its data,
/// caption and specs are written with reproduce.md; a second call finds the sweeps stored and only redraws.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReproduceEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TempDirectory _directory = new("reproduce");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Reproduce_fig10_quick_writes_the_figure_and_a_second_call_only_redraws_it()
    {
        string data = _directory.Combine("data");
        string first = _directory.Combine("first");
        string second = _directory.Combine("second");

        CliResult run = await Cli.RunAsync(Timeout, "reproduce", "fig10", "--quick", "--data", data, "--out", first, "--workers", "2");
        output.ShouldExit(run, 0);
        output.Check(run, () =>
        {
            Assert.Contains("fig10: sweep fig10-", run.StdErr);
            Assert.StartsWith("fig10: Fig. 10 (quick size): ", run.StdOut);
            Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(first, "fig10", "fig10.png"))[..8]);
            Assert.Contains("</svg>", File.ReadAllText(Path.Combine(first, "fig10", "fig10.svg")));
            Assert.StartsWith("beta,level,chi\n", File.ReadAllText(Path.Combine(first, "fig10", "fig10-levels.csv")));
            string summary = File.ReadAllText(Path.Combine(first, "reproduce.md"));
            Assert.Contains("![fig10](fig10/fig10.png)", summary);
            Assert.Equal(4, summary.Split('\n').Count(l => l.StartsWith("| fig10 | time exponent chi (rich) |", StringComparison.Ordinal)));
        });

        CliResult again = await Cli.RunAsync(Timeout, "reproduce", "fig10", "--quick", "--data", data, "--out", second, "--workers", "2");
        output.ShouldExit(again, 0);
        output.Check(again, () =>
        {
            Assert.Contains("is already complete", again.StdErr);
            Assert.Equal(File.ReadAllText(Path.Combine(first, "reproduce.md")), File.ReadAllText(Path.Combine(second, "reproduce.md")));
        });
    }

    [Fact]
    public async Task Reproduce_with_an_unknown_figure_exits_2_before_starting_anything()
    {
        string data = _directory.Combine("data-unknown");
        CliResult result = await Cli.RunAsync(Timeout, "reproduce", "fig99", "--quick", "--data", data);
        output.ShouldExit(result, 2);
        output.Check(result, () =>
        {
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("scalesweep reproduce: FIGURE: 'fig99' is not a figure: the figures are fig1, fig2, fig3, fig4, fig5, fig7, fig10, fig11-12, floor", line);
            Assert.False(Directory.Exists(data), "the data folder was created");
        });
    }
}
