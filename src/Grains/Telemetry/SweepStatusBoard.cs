using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Grains.Telemetry;

/// <summary>
/// The statuses of the sweeps whose coordinators (sweep grains) are active on this silo, as they last
/// computed them: the same <see cref="SweepStatus"/> the CLI's <c>scalesweep status</c> shows. The
/// gauges of <see cref="ScaleSweepMetrics"/> read it. An entry leaves when its grain deactivates, so a
/// sweep is reported by the silo that coordinates it and by no other.
/// </summary>
public static class SweepStatusBoard
{
    private static readonly ConcurrentDictionary<string, Entry> Sweeps = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<IGrainContext, string> Watched = new();

    /// <summary>Records <paramref name="status"/> as the sweep's current one and returns it.</summary>
    /// <param name="grain">The sweep grain: its entry is removed when it deactivates.</param>
    public static SweepStatus Publish(IGrainBase grain, SweepStatus status)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(status);
        if (status.State == SweepState.Unknown)
        {
            return status;
        }

        IGrainContext context = grain.GrainContext;
        Sweeps[status.Id] = new Entry(status, context);
        if (Watched.TryAdd(context, status.Id))
        {
            string id = status.Id;
            _ = context.Deactivated.ContinueWith(_ => Remove(id, context), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        if (status.State != SweepState.Running)
        {
            ScaleSweepActivities.ForgetSweep(status.Id);
        }

        return status;
    }

    /// <summary>The statuses of the sweeps coordinated here.</summary>
    public static IReadOnlyList<SweepStatus> Current() => Sweeps.Values.Select(e => e.Status).ToArray();

    /// <summary>Sweeps in the running state coordinated here.</summary>
    public static int ActiveCount() => Sweeps.Values.Count(e => e.Status.State == SweepState.Running);

    private static void Remove(string id, IGrainContext context)
    {
        if (Sweeps.TryGetValue(id, out Entry? entry) && ReferenceEquals(entry.Context, context))
        {
            Sweeps.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        }
    }

    private sealed record Entry(SweepStatus Status, IGrainContext Context);
}
