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
}
