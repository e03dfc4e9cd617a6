using Azure;
using ScaleSweep.Grains.Jobs;
using ScaleSweep.Grains.Results;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// A run grain's row of the results table. Read when the run is first requested, not when the grain
/// activates (a group that found no row says so, and a new sweep's runs then cost no read each); written
/// conditionally on the ETag it read, so a stale activation's write fails as a conflict.
/// </summary>
internal sealed class RunRowStore(RunResultTable table, string key) : JobStateStore<RunGrainState>
{
    private RunGrainState _state = new();
    private string? _partition;
    private ETag? _etag;

    public override RunGrainState State => _state;

    /// <summary>The row was read, or is known to be absent.</summary>
    public bool Loaded { get; private set; }

    /// <summary>A row is stored (as far as this activation knows).</summary>
    public bool Exists => _etag is not null;

    /// <summary>The run's partition: the group its configuration belongs to.</summary>
    public void Bind(string partition) => _partition ??= partition;

    /// <summary>Reads the row once.</summary>
    /// <exception cref="Exception">Storage could not be reached, or the row cannot be decoded.</exception>
    public async Task LoadAsync()
    {
        if (Loaded)
        {
            return;
        }

        if (await table.ReadAsync(Partition, key) is { } stored)
        {
            _state = stored.State;
            _etag = stored.ETag;
        }

        Loaded = true;
    }

    /// <summary>
    /// The caller read no row: nothing to read, unless this silo stored the run as final since (another
    /// sweep's group asked for it meanwhile), which must be read rather than computed again.
    /// </summary>
    public Task AssumeAbsentAsync()
    {
        if (table.StoredFinalLately(key))
        {
            return LoadAsync();
        }

        Loaded = true;
        return Task.CompletedTask;
    }

    public override async Task WriteAsync() => _etag = await table.WriteAsync(Partition, key, _state, _etag);

    private string Partition => _partition ?? throw new InvalidOperationException($"Run {key} has no configuration yet.");
}
