using ScaleSweep.Client.Cluster;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// The sweep an ID argument names. An id no sweep has is a usage error (exit 2) alike for status,
/// results, plot, cancel and resume.
/// </summary>
internal static class KnownSweep
{
    public static async Task<(ISweepGrain Sweep, SweepStatus Status)> GetAsync(IClusterSession session, string id)
    {
        ISweepGrain sweep = session.Grains.GetGrain<ISweepGrain>(id);
        SweepStatus status = await sweep.GetStatus().ConfigureAwait(false);
        if (status.State == SweepState.Unknown)
        {
            throw new UsageException($"no sweep has the id '{id}'", see: $"{ScaleSweepCli.Name} list");
        }

        return (sweep, status);
    }
}
