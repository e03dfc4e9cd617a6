using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Groups;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// A scratch group of the cluster warm-up (see <see cref="IWarmupGroupGrain"/>): asks its runs, gathers them
/// from their notifications, aggregates them off the grain scheduler with the group's aggregator, writes the
/// aggregate as a group record to the sweeps' blob storage and deletes it. Idle, it is collected after two minutes.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
internal sealed class WarmupGroupGrain(
    [PersistentState("warmup", StorageNames.Sweeps)] IPersistentState<GroupRecord> state) : Grain, IWarmupGroupGrain
{
    private SweepSpec? _spec;
    private int _group;
    private SimulationConfig[] _order = [];
    private Dictionary<string, SimulationConfig> _runs = [];
    private readonly Dictionary<string, RunResult> _results = [];
    private int _started;
    private bool _done;
    private Task? _finishing;

    public async Task<GroupProgress> Start(SweepSpec spec, int group)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_spec is not null)
        {
            return Progress();
        }

        _spec = spec;
        _group = group;
        SimulationConfig[] runs = SweepGrid.RunsOf(spec, group);
        _order = runs;
        _runs = runs.ToDictionary(r => r.Fingerprint(), StringComparer.Ordinal);
        string partition = WarmupKeys.PartitionOf(this.GetPrimaryKeyString());
        string self = this.GetPrimaryKeyString();
        var requests = new List<Task<RunProgress>>(runs.Length);
        foreach ((string key, SimulationConfig config) in _runs)
        {
            requests.Add(GrainFactory.GetGrain<IWarmupRunGrain>(WarmupKeys.Run(partition, key)).Request(config, self, null, storedAbsent: true));
        }

        await Task.WhenAll(requests);
        return Progress();
    }

    public Task<GroupProgress> GetProgress() => Task.FromResult(Progress());

    public Task OnRunStarted(RunProgress progress)
    {
        _started++;
        return Task.CompletedTask;
    }

    public Task OnRunFinished(RunProgress progress, LossCurve? curve)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (_spec is null || !_runs.TryGetValue(progress.Key, out SimulationConfig? config))
        {
            return Task.CompletedTask;
        }

        _results[progress.Key] = new RunResult(config, progress, curve);
        if (_results.Count == _runs.Count)
        {
            _finishing ??= FinishAsync(_spec);
        }

        return Task.CompletedTask;
    }

    private async Task FinishAsync(SweepSpec spec)
    {
        SimulationConfig[] runs = _order;
        GroupConfig config = SweepGrid.GroupAt(spec, _group);
        state.State = new GroupRecord
        {
            Outcome = await Task.Run(() => GroupAggregator.Aggregate(spec, config, runs, _results)),
            Totals = Totals(),
        };
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            await state.ClearStateAsync();
        }

        // Not deactivated here: its warm-up polls it until it says done, and a new activation would not.
        _done = true;
    }

    private GroupProgress Progress() => new(_group, Totals(), _done);

    private GroupTotals Totals()
    {
        int completed = _results.Values.Count(r => r.Progress.Status == RunStatus.Completed);
        int failed = _results.Count - completed;
        double seconds = _results.Values.Sum(r => r.Progress.ComputeSeconds);
        long steps = _results.Values.Sum(r => r.Progress.Steps);
        int computing = Math.Max(0, _started - _results.Count);
        int queued = _runs.Count - _results.Count - computing;
        return new GroupTotals(_runs.Count, 0, queued, computing, completed, 0, failed, 0, steps, seconds);
    }
}
