using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A sweep's view of every one of its runs, in grid order: what each run grain last reported, which runs
/// are in flight, which to hand out next, and whether anything changed since the last state write. It
/// wraps the stored list of entries (it changes them in place), so writing the sweep's state stores it.
/// </summary>
/// <remarks>
/// Nothing here walks every run on a hot path: runs in flight are a set, and pending runs lie at or
/// after a cursor that only moves back on a failed dispatch or a resume. Counting and steps done do walk
/// every run; the coordinator asks for them once a tick.
/// </remarks>
public sealed class RunTable
{
    private readonly IReadOnlyList<SimulationConfig> _configs;
    private readonly List<SweepRunEntry> _entries;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private int _nextPending;

    /// <summary>Wraps <paramref name="entries"/>, the stored view of <paramref name="grid"/>'s runs in grid order.</summary>
    /// <exception cref="ArgumentException">The entries are not the grid's runs.</exception>
    public RunTable(SweepGrid grid, List<SweepRunEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(entries);
        _configs = grid.Runs;
        _entries = entries;
        if (entries.Count != _configs.Count)
        {
            throw new ArgumentException($"{entries.Count} stored runs for a grid of {_configs.Count}.", nameof(entries));
        }

        for (int i = 0; i < entries.Count; i++)
        {
            _index[entries[i].Key] = i;
            if (entries[i].Status is RunStatus.Queued or RunStatus.Running)
            {
                _inFlight.Add(entries[i].Key);
            }
        }
    }

    /// <summary>The entries of a new sweep: every run of <paramref name="grid"/> pending, in grid order.</summary>
    public static List<SweepRunEntry> NewEntries(SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.Runs.Select(c => new SweepRunEntry { Key = c.Fingerprint() }).ToList();
    }

    /// <summary>Runs of the sweep.</summary>
    public int Count => _entries.Count;

    /// <summary>Run keys in grid order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Keys of the runs handed to their grains and not final yet.</summary>
    public IReadOnlyCollection<string> InFlight => _inFlight;

    /// <summary>Something changed since <see cref="MarkStored"/>: the state wants writing.</summary>
    public bool Dirty { get; private set; }

    /// <summary>True when no run is in flight or pending: every run is final.</summary>
    public bool AllFinal => _inFlight.Count == 0 && NextPending() is null;

    /// <summary>Notes that the state holding the entries changed elsewhere (it wants writing too).</summary>
    public void MarkDirty() => Dirty = true;

    /// <summary>Notes that the state was written.</summary>
    public void MarkStored() => Dirty = false;

    /// <summary>
    /// Notes a run grain's report. A final entry never changes; a run cancelled or pending at its grain
    /// (every other sweep released it) is this sweep's to ask for again, so it stands as queued.
    /// </summary>
    /// <returns>False when <paramref name="progress"/> is not of one of this sweep's runs.</returns>
    public bool Record(RunProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!_index.TryGetValue(progress.Key, out int i))
        {
            return false;
        }

        SweepRunEntry entry = _entries[i];
        if (entry.Status.IsFinal())
        {
            return true;
        }

        RunStatus status = progress.Status is RunStatus.Cancelled or RunStatus.Pending ? RunStatus.Queued : progress.Status;
        entry.Step = progress.Step;
        if (status != entry.Status)
        {
            entry.Status = status;
            Dirty = true;
        }

        if (status.IsFinal())
        {
            _inFlight.Remove(entry.Key);
        }
        else
        {
            _inFlight.Add(entry.Key);
        }

        return true;
    }

    /// <summary>
    /// The next pending runs in grid order, as many as fit beside the runs in flight within
    /// <paramref name="capacity"/>; they are taken (not offered again) until <see cref="Retry"/>.
    /// </summary>
    public IReadOnlyList<PendingRun> TakePending(int capacity)
    {
        var batch = new List<PendingRun>();
        int free = capacity - _inFlight.Count;
        while (batch.Count < free && NextPending() is int i)
        {
            batch.Add(new PendingRun(i, _entries[i].Key, _configs[i]));
            _nextPending = i + 1;
        }

        return batch;
    }

    /// <summary>
    /// Offers <paramref name="batch"/> again, whole: its dispatch failed, and asking a run grain twice is
    /// harmless for the runs that did start.
    /// </summary>
    public void Retry(IReadOnlyList<PendingRun> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > 0)
        {
            _nextPending = Math.Min(_nextPending, batch[0].Index);
        }
    }

    /// <summary>Cancels every run not final; none is in flight afterwards.</summary>
    public void CancelUnfinished()
    {
        foreach (SweepRunEntry entry in _entries)
        {
            if (!entry.Status.IsFinal())
            {
                entry.Status = RunStatus.Cancelled;
            }
        }

        _inFlight.Clear();
        Dirty = true;
    }

    /// <summary>Makes the cancelled runs pending again, to be handed out from the first on.</summary>
    public void ResumeCancelled()
    {
        foreach (SweepRunEntry entry in _entries)
        {
            if (entry.Status is RunStatus.Cancelled)
            {
                entry.Status = RunStatus.Pending;
            }
        }

        _nextPending = 0;
        Dirty = true;
    }

    /// <summary>Steps done over all runs: a run that ended (completed, diverged, failed) counts whole.</summary>
    public long StepsDone()
    {
        long steps = 0;
        for (int i = 0; i < _entries.Count; i++)
        {
            SweepRunEntry entry = _entries[i];
            steps += entry.Status is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed ? _configs[i].Steps : entry.Step;
        }

        return steps;
    }

    /// <summary>
    /// The runs by status. When <paramref name="interrupted"/> (the silo running the sweep shut down),
    /// runs queued or running stopped with it and wait, like pending ones, to go on from their checkpoints.
    /// </summary>
    public RunTableCounts Counts(bool interrupted)
    {
        int pending = 0, running = 0, queued = 0, completed = 0, diverged = 0, failed = 0, cancelled = 0;
        foreach (SweepRunEntry entry in _entries)
        {
            switch (entry.Status)
            {
                case RunStatus.Pending or RunStatus.Queued or RunStatus.Running when interrupted: pending++; break;
                case RunStatus.Pending: pending++; break;
                case RunStatus.Queued: running++; queued++; break;
                case RunStatus.Running: running++; break;
                case RunStatus.Completed: completed++; break;
                case RunStatus.Diverged: diverged++; break;
                case RunStatus.Failed: failed++; break;
                case RunStatus.Cancelled: cancelled++; break;
            }
        }

        return new RunTableCounts(new RunCounts(_entries.Count, pending, running, completed, diverged, failed, cancelled), queued);
    }

    private int? NextPending()
    {
        for (int i = _nextPending; i < _entries.Count; i++)
        {
            if (_entries[i].Status == RunStatus.Pending)
            {
                return i;
            }
        }

        return null;
    }
}
