using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A sweep's view of its theory curves: the distinct requests of its spec and the last status each grain
/// reported. Held in memory only; the grains hold the truth, and asking them again is idempotent.
/// </summary>
public sealed class SweepDmftCurves
{
    private readonly DmftCurveRequest[] _requests;
    private readonly Dictionary<string, DmftCurveStatus> _status = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _time = new(StringComparer.Ordinal);

    public SweepDmftCurves(IReadOnlyList<DmftCurveRequest> requests)
    {
        _requests = requests.ToArray();
        foreach (DmftCurveRequest request in _requests)
        {
            _status[request.Key()] = DmftCurveStatus.Pending;
        }
    }

    /// <summary>A sweep without "theory".</summary>
    public static SweepDmftCurves None { get; } = new([]);

    /// <summary>Where each curve being solved stands, in plan order (the time its grain last reported).</summary>
    public IReadOnlyList<DmftSolveProgress> Solves() => _requests
        .Where(r => _status[r.Key()] == DmftCurveStatus.Solving)
        .Select(r => new DmftSolveProgress(_time.GetValueOrDefault(r.Key()), r.Steps))
        .ToArray();

    /// <summary>Curves the spec asks for.</summary>
    public int Count => _requests.Length;

    /// <summary>Curves completed or failed.</summary>
    public int Done => _status.Values.Count(IsFinal);

    /// <summary>Curves a worker slot is solving now, as their grains last reported.</summary>
    public int Solving => _status.Values.Count(s => s == DmftCurveStatus.Solving);

    /// <summary>Every curve is completed or failed: the report need not wait for any.</summary>
    public bool AllFinal => _status.Values.All(IsFinal);

    /// <summary>Every request, in plan order.</summary>
    public IEnumerable<DmftCurveRequest> All => _requests;

    /// <summary>The requests not final yet, in plan order.</summary>
    public IEnumerable<DmftCurveRequest> Unfinished() => _requests.Where(r => !IsFinal(_status[r.Key()]));

    /// <summary>Keys of the curves that are final.</summary>
    public IEnumerable<string> FinalKeys() => _requests.Select(r => r.Key()).Where(k => IsFinal(_status[k]));

    /// <summary>Takes curves stored as final as final (they stay so), e.g. on activation.</summary>
    public void MarkFinal(IEnumerable<string> keys)
    {
        foreach (string key in keys)
        {
            if (_status.ContainsKey(key))
            {
                _status[key] = DmftCurveStatus.Completed;
            }
        }
    }

    /// <summary>Notes a grain's report; false when the key is not one of this sweep's curves.</summary>
    public bool Record(DmftCurveProgress progress)
    {
        if (!_status.ContainsKey(progress.Key))
        {
            return false;
        }

        _status[progress.Key] = progress.Status;
        _time[progress.Key] = progress.Time;
        return true;
    }

    // Cancelled or pending means another sweep released it: ask again.
    private static bool IsFinal(DmftCurveStatus status) => status.IsFinal();
}
