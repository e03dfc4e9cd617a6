using System.Diagnostics;
using System.Globalization;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// What following a sweep measured: the wall time, the runs that finished meanwhile, the worker seconds
/// they took, and the round trip of every status call. Its <see cref="Summary"/> is the timing line `run`
/// and `resume` print at the end, the figures the benchmarks in docs/large-sweeps.md read.
/// </summary>
internal sealed class FollowTimings
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<double> _statusMilliseconds = [];
    private SweepStatus? _first;

    /// <summary>Times one status call and notes its answer.</summary>
    public async Task<SweepStatus> TimeAsync(Func<Task<SweepStatus>> call)
    {
        long started = Stopwatch.GetTimestamp();
        SweepStatus status = await call().ConfigureAwait(false);
        _statusMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _first ??= status;
        return status;
    }

    /// <summary>Status round trips so far.</summary>
    public int StatusCalls => _statusMilliseconds.Count;

    /// <summary>The 95th percentile of the status round trips, in milliseconds (nearest rank); 0 before any.</summary>
    public double StatusP95Milliseconds()
    {
        if (_statusMilliseconds.Count == 0)
        {
            return 0;
        }

        double[] sorted = [.. _statusMilliseconds];
        Array.Sort(sorted);
        return sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
    }

    /// <summary>
    /// "10000 runs finished in 9.8 s (1020 runs/s); 7.9 worker-s on 2 slots (efficiency 41%); report built in 0.4 s;
    /// status round trip p95 3.1 ms over 20 calls". Efficiency is worker seconds over (wall seconds before the
    /// report x slots): how busy the workers were while runs remained.
    /// </summary>
    public string Summary(SweepStatus last)
    {
        ArgumentNullException.ThrowIfNull(last);
        SweepStatus first = _first ?? last;
        double wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        int runs = last.Runs.Finished - first.Runs.Finished;
        var line = string.Create(CultureInfo.InvariantCulture, $"{runs} runs finished in {wall:0.0} s");
        if (runs > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" ({Rate(runs / wall)} runs/s)");
            double compute = last.ComputeSeconds - first.ComputeSeconds;
            double busyWall = wall - (last.ReportSeconds ?? 0);
            if (last.Slots > 0 && busyWall > 0)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"; {compute:0.0} worker-s on {last.Slots} slots (efficiency {100 * compute / (busyWall * last.Slots):0.#}%)");
            }
        }

        if (last.ReportSeconds is { } report)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"; report built in {report:0.00} s");
        }

        return line + string.Create(CultureInfo.InvariantCulture, $"; status round trip p95 {StatusP95Milliseconds():0.0} ms over {StatusCalls} calls");
    }

    // Whole runs a second for short runs; two decimals for runs of a second or more, which would read "2" or "0".
    private static string Rate(double perSecond) =>
        perSecond.ToString(perSecond >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
