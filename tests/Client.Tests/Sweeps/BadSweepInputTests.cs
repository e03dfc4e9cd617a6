using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScaleSweep.Client.Tests.Sweeps;

/// <summary>
/// A corpus of malformed specs and command lines for the cluster commands. Each gets one clear line on
/// stderr, a non-zero exit, and nothing on stdout. Spec errors must be found before any connection is
/// made: with --gateway pointing at a closed port, reaching for the cluster would exit 4, not 2, so an
/// exit of 2 also shows that nothing was started or stored.
/// </summary>
public sealed class BadSweepInputTests : IDisposable
{
    private const string Valid = """
        { "name": "ok", "model": "projected", "alpha": [2], "beta": [0.4], "gamma": [0, 1], "N": [16],
          "B": [32], "M": 200, "steps": 100, "seeds": 2 }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("scalesweep-bad-").FullName;
    private readonly string _closedGateway = $"127.0.0.1:{ClosedPort()}";

    public static TheoryData<string, string, string> Specs => new()
    {
        { "alpha is a string", """{"alpha": "abc"}""", "alpha" },
        { "NaN as a string", """{"beta": ["NaN"]}""", "beta" },
        { "Infinity as a string", """{"gamma": ["Infinity"]}""", "gamma" },
        { "a number that overflows", """{"eta": [1e400]}""", "eta" },
        { "negative width", """{"N": [-16]}""", "N" },
        { "zero width", """{"N": [0]}""", "N" },
        { "alpha = 1", """{"alpha": [1]}""", "alpha" },
        { "alpha < 1", """{"alpha": [0.5]}""", "alpha" },
        { "beta = 0", """{"beta": [0]}""", "beta" },
        { "negative gamma", """{"gamma": [-1]}""", "gamma" },
        { "a huge grid", """{"seeds": 60000, "N": [16, 32]}""", "100000" },
        { "a huge seed count", """{"seeds": 1000000}""", "seeds" },
        { "huge N x M", """{"N": [60000], "M": 10000000}""", "N" },
        { "unknown model", """{"model": "transformer"}""", "model" },
        { "zero steps", """{"steps": 0}""", "steps" },
        { "zero batch", """{"B": [0]}""", "B" },
        { "negative eta", """{"eta": -0.1}""", "eta" },
        { "zero modes", """{"M": 0}""", "M" },
        { "negative seed count", """{"seeds": -1}""", "seeds" },
        { "a name with a slash", """{"name": "../x"}""", "name" },
        { "zero checkpoint interval", """{"checkpointSeconds": 0}""", "checkpointSeconds" },
        { "linear network with gamma 0", """{"model": "linear-network", "gamma": [0]}""", "gamma" },
        { "zero points per decade", """{"pointsPerDecade": 0}""", "pointsPerDecade" },
        { "an empty grid", """{"beta": []}""", "beta" },
        { "a repeated grid entry", """{"N": [16, 16]}""", "N" },
        { "a reversed fit window", """{"fitWindow": [100, 10]}""", "fitWindow" },
        { "an unknown field", """{"learningRate": 0.1}""", "learningRate" },
        { "a width that is not an integer", """{"N": [1.5]}""", "N" },
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(Specs))]
    public void ABadSpecIsRefusedBeforeAnythingIsStartedWithOneLineNamingTheField(string what, string change, string field)
    {
        string path = Write(what, Merge(Valid, change));
        CliResult result = Cli.Run("run", path, "--gateway", _closedGateway);
        AssertOneLineError(result, 2, what);
        Assert.Contains(field, result.Stderr);
    }

    [Theory]
    [InlineData("duplicate keys", """{ "name": "a", "name": "b" }""")]
    [InlineData("truncated JSON", """{ "name": "ok", "model": "projected", "alpha": [2""")]
    [InlineData("an empty file", "")]
    [InlineData("a top-level array", "[1, 2, 3]")]
    [InlineData("comments", "{ /* no */ }")]
    public void MalformedJsonIsRefusedWithOneLine(string what, string text)
    {
        CliResult result = Cli.Run("run", Write(what, text), "--gateway", _closedGateway);
        AssertOneLineError(result, 2, what);
    }

    [Fact]
    public void ABinaryFileIsRefused()
    {
        string path = Path.Combine(_dir, "binary.json");
        File.WriteAllBytes(path, [0x7B, 0x00, 0xFF, 0xFE, 0x00, 0x01, 0x7D]);
        AssertOneLineError(Cli.Run("run", path, "--gateway", _closedGateway), 2, "binary file");
    }

    [Fact]
    public void AMissingFileIsRefused()
    {
        CliResult result = Cli.Run("submit", Path.Combine(_dir, "nope.json"), "--gateway", _closedGateway);
        AssertOneLineError(result, 2, "missing file");
        Assert.Contains("nope.json", result.Stderr);
    }

    [Fact]
    public void AnUnreachableGatewayIsNamedAndExits4()
    {
        CliResult result = Cli.Run("run", Write("valid", Valid), "--gateway", _closedGateway);
        AssertOneLineError(result, 4, "unreachable gateway");
        Assert.Contains(_closedGateway, result.Stderr);
    }

    [Theory]
    [InlineData("status", "x")]
    [InlineData("list")]
    [InlineData("cancel", "x")]
    public void EveryClusterCommandNamesAnUnreachableGateway(params string[] args)
    {
        CliResult result = Cli.Run([.. args, "--gateway", _closedGateway]);
        AssertOneLineError(result, 4, string.Join(' ', args));
    }

    [Theory]
    [InlineData("a malformed gateway", "run", "SPEC", "--gateway", "nonsense")]
    [InlineData("a gateway port out of range", "status", "x", "--gateway", "127.0.0.1:70000")]
    [InlineData("an unknown option", "run", "SPEC", "--colour")]
    [InlineData("no spec", "run")]
    [InlineData("no id", "results")]
    [InlineData("zero workers", "run", "SPEC", "--workers", "0")]
    [InlineData("an unknown format", "results", "x", "--format", "xml")]
    [InlineData("--seeds without --out", "results", "x", "--seeds")]
    public void BadCommandLinesExit2WithOneLine(string what, params string[] args)
    {
        string spec = Write("valid", Valid);
        CliResult result = Cli.Run(args.Select(a => a == "SPEC" ? spec : a).ToArray());
        AssertOneLineError(result, 2, what);
    }

    private static void AssertOneLineError(CliResult result, int exitCode, string what)
    {
        Assert.True(exitCode == result.ExitCode, $"{what}: exit {result.ExitCode}, expected {exitCode}; stderr: {result.Stderr}");
        Assert.True(result.Stdout.Length == 0, $"{what}: stdout should be empty: {result.Stdout}");
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"{what}: expected one line on stderr, got {lines.Length}: {result.Stderr}");
        Assert.StartsWith("scalesweep ", lines[0]);
    }

    private string Write(string what, string text)
    {
        string path = Path.Combine(_dir, what.Replace(' ', '-') + ".json");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    // The valid spec with the keys of `change` replaced (or added), as text, so a bad value reaches the parser as written.
    private static string Merge(string valid, string change)
    {
        var keys = System.Text.Json.JsonDocument.Parse(change).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var kept = System.Text.Json.JsonDocument.Parse(valid).RootElement.EnumerateObject()
            .Where(p => !keys.Contains(p.Name))
            .Select(p => $"\"{p.Name}\": {p.Value.GetRawText()}");
        string inner = change.Trim().TrimStart('{').TrimEnd('}').Trim();
        return "{ " + string.Join(", ", kept.Append(inner)) + " }";
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
