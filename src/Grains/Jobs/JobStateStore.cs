namespace ScaleSweep.Grains.Jobs;

/// <summary>
/// Where a job grain's state lives: Orleans grain storage for a theory curve
/// (<see cref="PersistentJobState{TState}"/>), a row of the results table for a run, written in batches
/// with the rows of other runs.
/// </summary>
/// <typeparam name="TState">The grain's stored state.</typeparam>
public abstract class JobStateStore<TState>
    where TState : class
{
    /// <summary>The state as last read or changed.</summary>
    public abstract TState State { get; }

    /// <summary>Stores <see cref="State"/>.</summary>
    /// <exception cref="Exception">A write conflict (another activation wrote first) or a storage failure.</exception>
    public abstract Task WriteAsync();
}
