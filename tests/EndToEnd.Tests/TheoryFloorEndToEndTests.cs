using System.Text.Json;
using ScaleSweep.Client;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// `scalesweep theory --floor` through the real program: each spelling of a width list the help names
/// ("16,32,64", scientific items, spaces after commas) gives the same JSON points, and the table names both
/// theory exponents. The documented-value cases (<see cref="TheoryAndClusterValuesEndToEndTests"/>) run every
/// form once more with the other options.
/// </summary>
[Collection(CliOnlyCollection.Name)]
public sealed class TheoryFloorEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("16,32,64")]
    [InlineData("1.6e1,3.2e1,6.4e1")]
    [InlineData("16, 32, 64")]
    [InlineData("64,16,32")]
    public async Task A_width_list_gives_one_point_per_width(string widths)
    {
        CliResult result = await Cli.RunAsync(Timeout, "theory", "--floor", "--alpha", "2", "--beta", "1.2", "--N", widths, "--M", "500", "--seeds", "2", "--json");
        output.ShouldExit(result, ExitCodes.Success);
        output.Check(result, () =>
        {
            using var json = JsonDocument.Parse(result.StdOut);
            JsonElement root = json.RootElement;
            int[] expected = widths.StartsWith("64", StringComparison.Ordinal) ? [64, 16, 32] : [16, 32, 64];
            Assert.Equal(expected, root.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("N").GetInt32()));
            Assert.Equal(2.4, root.GetProperty("paperExponent").GetDouble(), 12);
            Assert.Equal(2.0, root.GetProperty("correctedExponent").GetDouble(), 12);
            Assert.True(root.GetProperty("exponent").GetDouble() > 0);
        });
    }

    [Fact]
    public async Task The_table_names_the_papers_exponent_and_the_corrected_one()
    {
        CliResult result = await Cli.RunAsync(Timeout, "theory", "--floor", "--alpha", "2", "--beta", "1.5", "--N", "8,16,32", "--M", "400", "--seeds", "2");
        output.ShouldExit(result, ExitCodes.Success);
        output.Check(result, () =>
        {
            Assert.Contains("paper, eq. 12: alpha min(2, beta)", result.StdOut, StringComparison.Ordinal);
            Assert.Contains("corrected: alpha min(1, beta)", result.StdOut, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.StdErr);
        });
    }

    /// <summary>The circle experiment's task from `spectrum circle --out` into `theory --floor --spectrum` and `theory --curve --spectrum`.</summary>
    [Fact]
    public async Task A_circle_spectrum_file_feeds_the_floor_and_the_curve()
    {
        string folder = Directory.CreateTempSubdirectory("scalesweep-circle-e2e-").FullName;
        try
        {
            string file = Path.Combine(folder, "circle.csv");
            CliResult circle = await Cli.RunAsync(Timeout, "spectrum", "circle", "--q", "1", "--q-phi", "1", "--K", "256", "--out", file);
            output.ShouldExit(circle, ExitCodes.Success);

            CliResult floor = await Cli.RunAsync(Timeout, "theory", "--floor", "--spectrum", file, "--N", "8,16,32", "--seeds", "2", "--json");
            output.ShouldExit(floor, ExitCodes.Success);
            output.Check(floor, () =>
            {
                using var json = JsonDocument.Parse(floor.StdOut);
                Assert.Equal(256, json.RootElement.GetProperty("m").GetInt32());
                Assert.Equal(3, json.RootElement.GetProperty("points").GetArrayLength());
            });

            CliResult curve = await Cli.RunAsync(Timeout, "theory", "--curve", "--spectrum", file, "--gamma", "0", "--eta", "0.1", "--steps", "1000", "--json");
            output.ShouldExit(curve, ExitCodes.Success);
            output.Check(curve, () =>
            {
                using var json = JsonDocument.Parse(curve.StdOut);
                double[] loss = json.RootElement.GetProperty("loss").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.True(loss[^1] < loss[0] / 5, $"the lazy curve falls: {loss[0]} -> {loss[^1]}");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
