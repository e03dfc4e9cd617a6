using Azure;
using ScaleSweep.Grains.Runs;

namespace ScaleSweep.Grains.Results;

/// <summary>One run's row of the results table, decoded.</summary>
/// <param name="Key">The run key (the row key).</param>
/// <param name="State">What the run grain stored.</param>
/// <param name="ETag">The row's version, for the next conditional write.</param>
internal sealed record StoredRun(string Key, RunGrainState State, ETag ETag);
