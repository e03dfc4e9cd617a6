using Azure;
using ScaleSweep.Grains.Runs;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Results;

/// <summary>One run's row of the results table, decoded.</summary>
/// <param name="Key">The run key (the row key).</param>
/// <param name="State">What the run grain stored.</param>
/// <param name="ETag">The row's version, for the next conditional write.</param>
internal sealed record StoredRun(string Key, RunGrainState State, ETag ETag)
{
    /// <summary>The run's progress as stored, for a run of <paramref name="steps"/> steps.</summary>
    public RunProgress ToProgress(long steps) =>
        new(Key, State.Status, State.Step, steps, State.DivergedAtStep, State.Error, State.ComputeSeconds, Silo: null);
}
