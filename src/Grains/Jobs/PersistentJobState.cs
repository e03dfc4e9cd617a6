namespace ScaleSweep.Grains.Jobs;

/// <summary>A job grain's state in Orleans grain storage, read when the grain activates.</summary>
/// <typeparam name="TState">The grain's stored state.</typeparam>
public sealed class PersistentJobState<TState>(IPersistentState<TState> state) : JobStateStore<TState>
    where TState : class
{
    public override TState State => state.State;

    public override Task WriteAsync() => state.WriteStateAsync();
}
