using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// What the CLI does with a bad spec and with an unreachable cluster: the exit code, and one stderr
/// line that says what is wrong. A bad spec must be refused before anything is connected or started.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ErrorEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Well below the 15 s the CLI waits for a gateway, and the time any silo or Azurite takes to start.</summary>
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _directory = new("errors");

    /// <summary>A loopback port nothing listens on: the CLI gets exit code 4 if it ever tries to connect.</summary>
    private readonly string _closedGateway = "127.0.0.1:" + FreePorts.Take(1)[0].ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> BadSpecs => new() { "missing", "alpha", "binary", "batch-over-P" };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task Run_with_a_bad_spec_exits_2_with_one_line_before_connecting_to_the_gateway(string kind)
    {
        (string spec, string named) = BadSpec(kind);
        CliResult result = await Cli.RunAsync(Timeout, "run", spec, "--gateway", _closedGateway, "--out", _directory.Combine("out"));
        output.ShouldExit(result, 2);
        output.Check(result, () =>
        {
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("scalesweep run: ", line);
            Assert.Contains(named, line);
            Assert.Equal("", result.StdOut);
            Assert.True(result.Elapsed < Quick, $"took {result.Elapsed.TotalSeconds:F1} s");
            Assert.False(Directory.Exists(_directory.Combine("out")), "an output folder was written");
        });
    }

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public async Task Run_with_a_bad_spec_starts_no_embedded_silo_and_no_azurite(string kind)
    {
        // No --gateway: the embedded default. With a deploy folder that does not exist and a data folder
        // that is not there yet, any attempt to start Azurite or the silo would fail with exit code 4 or
        // leave the data folder behind.
        (string spec, string named) = BadSpec(kind);
        string data = _directory.Combine("data");
        CliResult result = await Cli.RunAsync(Timeout, "run", spec, "--data", data, "--deploy", _directory.Combine("no-deploy"), "--out", _directory.Combine("out"));
        output.ShouldExit(result, 2);
        output.Check(result, () =>
        {
            Assert.Contains(named, Assert.Single(result.ErrorLines));
            Assert.True(result.Elapsed < Quick, $"took {result.Elapsed.TotalSeconds:F1} s");
            Assert.False(Directory.Exists(data), "the data folder was created");
        });
    }

    [Fact]
    public async Task Status_with_an_unreachable_gateway_exits_4_naming_the_gateway()
    {
        CliResult result = await Cli.RunAsync(Timeout, "status", "x", "--gateway", _closedGateway);
        output.ShouldExit(result, 4);
        output.Check(result, () =>
        {
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("scalesweep status: ", line);
            Assert.Contains(_closedGateway, line);
            Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"took {result.Elapsed.TotalSeconds:F1} s");
        });
    }

    /// <summary>A bad spec file of the kind, and the name the error line must contain (the field or the file).</summary>
    private (string Path, string Named) BadSpec(string kind)
    {
        switch (kind)
        {
            case "missing":
                string missing = _directory.Combine("no-such-spec.json");
                return (missing, missing);
            case "alpha":
                string alpha = _directory.Combine("alpha.json");
                string text = File.ReadAllText(Repository.Example("linear-network.json"));
                Assert.Contains("\"alpha\": [2]", text);
                File.WriteAllText(alpha, text.Replace("\"alpha\": [2]", "\"alpha\": [0.5]", StringComparison.Ordinal));
                return (alpha, "alpha");
            case "batch-over-P":
                // The finite-data example with a batch larger than its smallest training set: B = 32 > P = 16.
                string batch = _directory.Combine("batch-over-P.json");
                string finite = File.ReadAllText(Repository.Example("finite-data.json"));
                Assert.Contains("\"B\": [\"inf\"]", finite);
                File.WriteAllText(batch, finite.Replace("\"B\": [\"inf\"]", "\"B\": [32]", StringComparison.Ordinal));
                return (batch, "B[0]: 32 is out of range for P = 16 (P[0])");
            case "binary":
                string binary = _directory.Combine("binary.json");
                File.WriteAllBytes(binary, [0x7B, 0x0A, 0x00, 0x01, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x7D]);
                return (binary, binary);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
