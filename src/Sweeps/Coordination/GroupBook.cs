using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A group grain's books on its seeds (one grid point, every seed, in the spec's seed order): what each
/// run grain last reported, which runs are in flight, which to hand out next within the group's budget,
/// and the final runs' curves until the group is aggregated. Every decision of the group grain is made here.
/// </summary>
/// <remarks>
/// A run is in flight from its request until it is final. A run whose grain answers pending or cancelled
/// while the group wants it (its activation or its silo is gone, or another sweep released it) is pending
/// again here, and handed out again: its grain continues from its stored checkpoint.
/// </remarks>
public sealed class GroupBook
{
    private readonly IReadOnlyList<SimulationConfig> _runs;
    private readonly string[] _keys;
    private readonly RunStatus[] _status;
    private readonly long[] _step;
    private readonly RunProgress?[] _final;
    private readonly LossCurve?[] _curves;
    private readonly bool[] _mayBeStored;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<int> _inFlight = [];
    private int _nextPending;
    private int _finalCount;

    /// <summary>The books of group <paramref name="group"/>, whose runs are <paramref name="runs"/> in seed order, all pending.</summary>
    public GroupBook(int group, IReadOnlyList<SimulationConfig> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Group = group;
        _runs = runs;
        _keys = new string[runs.Count];
        _status = new RunStatus[runs.Count];
        _step = new long[runs.Count];
        _final = new RunProgress?[runs.Count];
        _curves = new LossCurve?[runs.Count];
        _mayBeStored = new bool[runs.Count];
        for (int i = 0; i < runs.Count; i++)
        {
            _keys[i] = runs[i].Fingerprint();
            if (!_index.TryAdd(_keys[i], i))
            {
                throw new ArgumentException($"Run {i} of group {group} repeats run {_index[_keys[i]]}.", nameof(runs));
            }
        }
    }

    /// <summary>The group's index in grid order.</summary>
    public int Group { get; }

    /// <summary>Seeds of the group.</summary>
    public int Count => _runs.Count;

    /// <summary>Runs handed to their grains and not final yet.</summary>
    public IReadOnlyCollection<int> InFlight => _inFlight;

    /// <summary>Every run is final.</summary>
    public bool AllFinal => _finalCount == _runs.Count;

    /// <summary>Seed <paramref name="i"/>'s configuration.</summary>
    public SimulationConfig Config(int i) => _runs[i];

    /// <summary>Seed <paramref name="i"/>'s run key.</summary>
    public string Key(int i) => _keys[i];

    /// <summary>The seed of run <paramref name="key"/>; null when it is not one of the group's.</summary>
    public int? IndexOf(string key) => _index.TryGetValue(key, out int i) ? i : null;

    /// <summary>Whether run <paramref name="i"/> may have a stored row: false only when the group read its partition and found none.</summary>
    public bool MayBeStored(int i) => _mayBeStored[i];

    /// <summary>Notes what the group's stored partition holds of run <paramref name="key"/> (a row exists).</summary>
    /// <returns>False when the key is not one of the group's runs (the partition is shared by every sweep with this grid point).</returns>
    public bool Stored(string key, RunProgress progress, LossCurve? curve)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (IndexOf(key) is not int i)
        {
            return false;
        }

        _mayBeStored[i] = true;
        if (progress.Status is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed)
        {
            Record(progress, curve);
        }

        return true;
    }

    /// <summary>Before the partition is read, or when it cannot be: every run may have a row.</summary>
    public void AssumeStored() => Array.Fill(_mayBeStored, true);

    /// <summary>
    /// Notes a run grain's report (and the curve, when it brings one). A final run never changes, but a
    /// curve it lacked is taken.
    /// </summary>
    /// <returns>True when anything changed; false when nothing did or the run is not the group's.</returns>
    public bool Record(RunProgress progress, LossCurve? curve = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (IndexOf(progress.Key) is not int i)
        {
            return false;
        }

        if (_status[i].IsFinal())
        {
            if (_curves[i] is null && curve is not null && _status[i] != RunStatus.Cancelled)
            {
                _curves[i] = curve;
                return true;
            }

            return false;
        }

        RunStatus status = progress.Status;
        if (status is RunStatus.Pending or RunStatus.Cancelled)
        {
            // Its grain holds nothing live: ask again (if it was in flight; a pending one waits its turn anyway).
            if (!_inFlight.Remove(i))
            {
                return false;
            }

            _status[i] = RunStatus.Pending;
            _mayBeStored[i] = true;
            _nextPending = Math.Min(_nextPending, i);
            return true;
        }

        bool changed = status != _status[i] || progress.Step != _step[i];
        _status[i] = status;
        _step[i] = progress.Step;
        if (status.IsFinal())
        {
            _inFlight.Remove(i);
            _final[i] = progress;
            _curves[i] = curve;
            _finalCount++;
        }
        else
        {
            _inFlight.Add(i);
        }

        return changed;
    }

    /// <summary>
    /// The next pending runs in seed order, as many as fit beside the runs in flight within
    /// <paramref name="budget"/>; they count as in flight (queued) from now on, until <see cref="Retry"/>.
    /// </summary>
    public IReadOnlyList<int> TakePending(int budget)
    {
        var taken = new List<int>();
        int free = budget - _inFlight.Count;
        while (taken.Count < free && NextPending() is int i)
        {
            taken.Add(i);
            _status[i] = RunStatus.Queued;
            _inFlight.Add(i);
            _nextPending = i + 1;
        }

        return taken;
    }

    /// <summary>Offers <paramref name="taken"/> again: their requests failed (asking a run grain twice is harmless).</summary>
    public void Retry(IReadOnlyList<int> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        foreach (int i in taken)
        {
            if (_inFlight.Remove(i))
            {
                _status[i] = RunStatus.Pending;
                _nextPending = Math.Min(_nextPending, i);
            }
        }
    }

    /// <summary>The final runs that ended with a curve the group has not received yet (their notification was lost).</summary>
    public IReadOnlyList<int> LackingCurves()
    {
        var lacking = new List<int>();
        for (int i = 0; i < _runs.Count; i++)
        {
            if (_status[i] is RunStatus.Completed or RunStatus.Diverged && _curves[i] is null)
            {
                lacking.Add(i);
            }
        }

        return lacking;
    }

    /// <summary>Cancels every run not final (the sweep was cancelled); none is in flight afterwards.</summary>
    public void CancelUnfinished()
    {
        for (int i = 0; i < _runs.Count; i++)
        {
            if (!_status[i].IsFinal())
            {
                _status[i] = RunStatus.Cancelled;
                _finalCount++;
            }
        }

        _inFlight.Clear();
    }

    /// <summary>Makes the cancelled runs pending again (the sweep resumed).</summary>
    public void ResumeCancelled()
    {
        for (int i = 0; i < _runs.Count; i++)
        {
            if (_status[i] == RunStatus.Cancelled)
            {
                _status[i] = RunStatus.Pending;
                _mayBeStored[i] = true;
                _finalCount--;
            }
        }

        _nextPending = 0;
    }

    /// <summary>The group's runs by status, with their steps and compute.</summary>
    public GroupTotals Totals()
    {
        int pending = 0, queued = 0, computing = 0, completed = 0, diverged = 0, failed = 0, cancelled = 0;
        long steps = 0;
        double compute = 0;
        for (int i = 0; i < _runs.Count; i++)
        {
            switch (_status[i])
            {
                case RunStatus.Pending: pending++; break;
                case RunStatus.Queued: queued++; break;
                case RunStatus.Running: computing++; break;
                case RunStatus.Completed: completed++; break;
                case RunStatus.Diverged: diverged++; break;
                case RunStatus.Failed: failed++; break;
                case RunStatus.Cancelled: cancelled++; break;
            }

            if (_status[i] is RunStatus.Completed or RunStatus.Diverged or RunStatus.Failed)
            {
                steps += _runs[i].Steps;
                compute += _final[i]!.ComputeSeconds;
            }
            else
            {
                steps += _step[i];
            }
        }

        return new GroupTotals(_runs.Count, pending, queued, computing, completed, diverged, failed, cancelled, steps, compute);
    }

    /// <summary>The final runs' results in seed order, their curves included: what the group's aggregate is built from.</summary>
    public List<RunResult> Results()
    {
        var results = new List<RunResult>(_runs.Count);
        for (int i = 0; i < _runs.Count; i++)
        {
            if (_final[i] is { } progress)
            {
                results.Add(new RunResult(_runs[i], progress, _curves[i]));
            }
        }

        return results;
    }

    private int? NextPending()
    {
        for (int i = _nextPending; i < _runs.Count; i++)
        {
            if (_status[i] == RunStatus.Pending)
            {
                return i;
            }
        }

        _nextPending = _runs.Count;
        return null;
    }
}
