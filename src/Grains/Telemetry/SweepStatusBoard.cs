using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The statuses of the sweeps whose coordinators (sweep grains) are active on this silo, as they last
/// computed them: the same <see cref="SweepStatus"/> the CLI's <c>scalesweep status</c> shows. One per
/// silo (a DI singleton); the silo's <see cref="SweepGauges"/> read it. An entry leaves when its grain
/// deactivates, so a sweep is reported by the silo that coordinates it and by no other.
/// </summary>
public sealed class SweepStatusBoard
{
    private readonly ConcurrentDictionary<string, Entry> _sweeps = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<IGrainContext, string> _watched = new();

    /// <summary>Records <paramref name="status"/> as the sweep's current one.</summary>
    /// <param name="grain">The sweep grain: its entry is removed when it deactivates.</param>
    /// <param name="status">Its status; an unknown sweep's is not recorded.</param>
    public void Publish(IGrainBase grain, SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(status);
        if (status.State == SweepState.Unknown)
        {
            return;
        }

        IGrainContext context = grain.GrainContext;
        _sweeps[status.Id] = new Entry(status, context);
        if (_watched.TryAdd(context, status.Id))
        {
            string id = status.Id;
            _ = context.Deactivated.ContinueWith(_ => Remove(id, context), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>The statuses of the sweeps coordinated here.</summary>
    public IReadOnlyList<SweepStatus> Current() => _sweeps.Values.Select(e => e.Status).ToArray();

    /// <summary>Sweeps in the running state coordinated here.</summary>
    public int ActiveCount() => _sweeps.Values.Count(e => e.Status.State == SweepState.Running);

    private void Remove(string id, IGrainContext context)
    {
        if (_sweeps.TryGetValue(id, out Entry? entry) && ReferenceEquals(entry.Context, context))
        {
            _sweeps.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        }
    }

    private sealed record Entry(SweepStatus Status, IGrainContext Context);
}
