using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>A sweep's runs counted by status, as its status shows them.</summary>
/// <param name="Runs">The counts; queued runs are among <see cref="RunCounts.Running"/>.</param>
/// <param name="Queued">Runs handed to a silo that wait there for a worker slot.</param>
public sealed record RunTableCounts(RunCounts Runs, int Queued);
