using System.Diagnostics;
using System.Text.Json;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>A sweep's state as `scalesweep status ID --json` printed it; null fields when the command failed.</summary>
public sealed record SweepStatusReading(DateTime At, CliResult Result, string? State, int? Completed, int? Total)
{
    public override string ToString() => State is null
        ? $"exit {Result.ExitCode}: {Result.ErrorLines.LastOrDefault() ?? Result.StdOut.Trim()}"
        : $"{State}, {Completed}/{Total} completed";
}

/// <summary>The CLI commands the fault tests drive a sweep with, each through one gateway.</summary>
public static class SweepCommands
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>`scalesweep submit`: returns the sweep id (the last line of stdout).</summary>
    public static async Task<string> SubmitAsync(ITestOutputHelper output, string spec, string gateway, string clusterId)
    {
        CliResult submit = await Cli.RunAsync(CommandTimeout, "submit", spec, "--gateway", gateway, "--cluster-id", clusterId);
        output.ShouldExit(submit, 0);
        return submit.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    /// <summary>`scalesweep status ID --json`, whatever its outcome (a gateway that is down, a timeout: no state).</summary>
    public static async Task<SweepStatusReading> StatusAsync(string id, string gateway, string clusterId, TimeSpan? timeout = null)
    {
        DateTime at = DateTime.UtcNow;
        CliResult result;
        try
        {
            result = await Cli.RunAsync(timeout ?? CommandTimeout, "status", id, "--json", "--gateway", gateway, "--cluster-id", clusterId);
        }
        catch (TimeoutException e)
        {
            result = new CliResult($"scalesweep status {id} --json --gateway {gateway}", -1, "", e.Message.Split('\n')[0], DateTime.UtcNow - at);
        }

        if (result.ExitCode != 0)
        {
            return new SweepStatusReading(at, result, null, null, null);
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(result.StdOut);
            JsonElement runs = json.RootElement.GetProperty("runs");
            return new SweepStatusReading(at, result, json.RootElement.GetProperty("state").GetString(),
                runs.GetProperty("completed").GetInt32() + runs.GetProperty("diverged").GetInt32(), runs.GetProperty("total").GetInt32());
        }
        catch (JsonException)
        {
            return new SweepStatusReading(at, result, null, null, null);
        }
    }

    /// <summary>
    /// Polls `status` (through whichever gateway <paramref name="gateway"/> names at the time) until the
    /// sweep is no longer running; fails when that takes longer than the timeout or it ends otherwise
    /// than completed. Like a user following the sweep, each poll also wakes its coordinator.
    /// </summary>
    public static async Task<SweepStatusReading> WaitUntilCompletedAsync(
        ITestOutputHelper output, string id, Func<string> gateway, string clusterId, TimeSpan timeout, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        SweepStatusReading? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await StatusAsync(id, gateway(), clusterId, TimeSpan.FromSeconds(30));
            if (last.State is "completed")
            {
                return last;
            }

            if (last.State is "failed" or "cancelled")
            {
                Assert.Fail($"sweep {id} ended {last.State}:\n{last.Result}");
            }

            await Task.Delay(every ?? TimeSpan.FromSeconds(1));
        }

        Assert.Fail($"sweep {id} did not complete within {timeout.TotalSeconds:F0} s; last status: {last}");
        return last!;
    }

    /// <summary>
    /// `scalesweep results ID --format json`: the report's "groups" (seed means, SEMs, fits) as the raw
    /// JSON text it printed, for a byte-for-byte comparison.
    /// </summary>
    public static async Task<string> GroupsAsync(ITestOutputHelper output, string id, string gateway, string clusterId)
    {
        CliResult results = await Cli.RunAsync(CommandTimeout, "results", id, "--format", "json", "--gateway", gateway, "--cluster-id", clusterId);
        output.ShouldExit(results, 0);
        using JsonDocument report = JsonDocument.Parse(results.StdOut);
        return report.RootElement.GetProperty("groups").GetRawText();
    }
}
