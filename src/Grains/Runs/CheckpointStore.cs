using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Membership;

namespace ScaleSweep.Grains.Runs;

/// <summary>
/// A run's checkpoint in blob storage, read only when the run (re)starts and never trusted blindly.
/// </summary>
/// <remarks>
/// Not an <c>IPersistentState</c>: that is read at activation, so an unreadable blob would fail the
/// activation forever, and a final run would read megabytes it never uses. Here an unreadable blob is
/// told apart from unreachable storage: the first is discarded (the run starts from step 0, never
/// from a wrong state), the second is retried.
/// </remarks>
internal sealed class CheckpointStore(IServiceProvider services, GrainId grain, ILogger logger)
{
    private const string StateName = "checkpoint";
    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Checkpoints);
    private GrainState<RunCheckpointState> _state = new(new RunCheckpointState());
    private bool _loaded;

    private Task EnsureMember() => services.GetService<MembershipFence>()?.EnsureMemberAsync() ?? Task.CompletedTask;

    /// <summary>The stored checkpoint, or null when there is none (or it was unreadable and discarded).</summary>
    /// <exception cref="Exception">Storage could not be reached; try again later.</exception>
    public async Task<RunCheckpointState?> LoadAsync()
    {
        if (!_loaded)
        {
            var state = new GrainState<RunCheckpointState>(new RunCheckpointState());
            try
            {
                await _storage.ReadStateAsync(StateName, grain, state);
            }
            catch (Exception e) when (!StorageFailures.IsTransient(e))
            {
                logger.LogError(e, "Run {Key}: its checkpoint cannot be read; it is discarded and the run starts from step 0", grain.Key);
                // "*" matches whatever blob is there, so the next write replaces the bad one.
                state = new GrainState<RunCheckpointState>(new RunCheckpointState()) { ETag = "*" };
            }

            state.State ??= new RunCheckpointState();
            _state = state;
            _loaded = true;
        }

        RunCheckpointState current = _state.State ?? new RunCheckpointState();
        return current.Snapshot is { Length: > 0 } ? current : null;
    }

    public async Task SaveAsync(RunCheckpointState checkpoint)
    {
        if (!_loaded)
        {
            await LoadAsync();
        }

        _state.State = checkpoint;
        await EnsureMember();
        await _storage.WriteStateAsync(StateName, grain, _state);
    }

    /// <summary>Deletes the checkpoint (a final run never reads it again; a bad one must never be read).</summary>
    public async Task ClearAsync()
    {
        if (!_loaded)
        {
            await LoadAsync();
        }

        await EnsureMember();
        await _storage.ClearStateAsync(StateName, grain, _state);
        _state = new GrainState<RunCheckpointState>(new RunCheckpointState()) { ETag = _state.ETag };
    }
}
