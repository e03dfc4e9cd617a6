using System.Diagnostics;
using System.Globalization;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// What following a sweep measured: the wall time, the runs that finished meanwhile, the worker seconds
/// they took, and the round trip of every status call. Its <see cref="Summary"/> is the timing line `run`
/// and `resume` print at the end, the figures the benchmarks in docs/large-sweeps.md read.
/// </summary>
internal sealed class FollowTimings(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly List<double> _statusMilliseconds = [];
    private readonly long _started = (time ?? TimeProvider.System).GetTimestamp();
    private SweepStatus? _first;

    // Worker slots integrated over the time between status answers: silos may die or join while a sweep runs.
    private double _slotSeconds;
    private double _slotSpan;
    private (long At, int Slots)? _lastSlots;
    private int _minSlots = int.MaxValue;
    private int _maxSlots;

    /// <summary>Times one status call and notes its answer.</summary>
    public async Task<SweepStatus> TimeAsync(Func<Task<SweepStatus>> call)
    {
        long started = _time.GetTimestamp();
        SweepStatus status = await call().ConfigureAwait(false);
        long answered = _time.GetTimestamp();
        _statusMilliseconds.Add(_time.GetElapsedTime(started, answered).TotalMilliseconds);
        _first ??= status;
        NoteSlots(answered, status.Slots);
        return status;
    }

    /// <summary>The mean of the worker slots the status answers gave, weighted by the time each held; null before two answers.</summary>
    public double? MeanSlots => _slotSpan > 0 ? _slotSeconds / _slotSpan : null;

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
    /// report x slots): how busy the workers were while runs remained. When the cluster's slots changed
    /// (a silo died or joined) the line says "on 2-6 slots, 3.1 on average" and divides by that average.
    /// </summary>
    public string Summary(SweepStatus last)
    {
        ArgumentNullException.ThrowIfNull(last);
        SweepStatus first = _first ?? last;
        double wall = _time.GetElapsedTime(_started).TotalSeconds;
        int runs = last.Runs.Finished - first.Runs.Finished;
        var line = string.Create(CultureInfo.InvariantCulture, $"{runs} runs finished in {wall:0.0} s");
        if (runs > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" ({Rate(runs / wall)} runs/s)");
            double compute = last.ComputeSeconds - first.ComputeSeconds;
            double busyWall = wall - (last.ReportSeconds ?? 0);
            bool varied = _maxSlots > _minSlots && MeanSlots is not null;
            double slots = varied ? MeanSlots!.Value : last.Slots;
            if (slots > 0 && busyWall > 0)
            {
                string on = varied
                    ? string.Create(CultureInfo.InvariantCulture, $"{_minSlots}-{_maxSlots} slots, {slots:0.0} on average")
                    : string.Create(CultureInfo.InvariantCulture, $"{last.Slots} slots");
                line += string.Create(CultureInfo.InvariantCulture, $"; {compute:0.0} worker-s on {on} (efficiency {100 * compute / (busyWall * slots):0.#}%)");
            }
        }

        if (last.ReportSeconds is { } report)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"; report built in {report:0.00} s");
        }

        return line + string.Create(CultureInfo.InvariantCulture, $"; status round trip p95 {StatusP95Milliseconds():0.0} ms over {StatusCalls} calls");
    }

    private void NoteSlots(long at, int slots)
    {
        if (_lastSlots is { } previous)
        {
            double held = _time.GetElapsedTime(previous.At, at).TotalSeconds;
            _slotSeconds += previous.Slots * held;
            _slotSpan += held;
        }

        _lastSlots = (at, slots);
        if (slots > 0)
        {
            _minSlots = Math.Min(_minSlots, slots);
            _maxSlots = Math.Max(_maxSlots, slots);
        }
    }

    // Whole runs a second for short runs; two decimals for runs of a second or more, which would read "2" or "0".
    private static string Rate(double perSecond) =>
        perSecond.ToString(perSecond >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
