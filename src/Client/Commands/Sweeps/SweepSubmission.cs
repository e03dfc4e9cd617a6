using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>How run and submit hand a spec to the cluster: submit, and resume it if it was cancelled or had failed.</summary>
internal static class SweepSubmission
{
    public static async Task<(ISweepGrain Sweep, SweepStatus Status)> SubmitAsync(IGrainFactory grains, SweepSpec spec)
    {
        ISweepGrain sweep = grains.GetGrain<ISweepGrain>(spec.Id());
        SweepStatus status = await sweep.Submit(spec).ConfigureAwait(false);
        if (status.State is SweepState.Cancelled or SweepState.Failed)
        {
            status = await sweep.Resume().ConfigureAwait(false);
        }

        return (sweep, status);
    }
}
