namespace ScaleSweep.Grains.Theory;

/// <summary>
/// How a worker wakes its theory grain the moment a solve ends, instead of leaving the outcome for the
/// grain's next timer tick.
/// </summary>
public interface ITheoryWorkerCallback : IGrainWithStringKey
{
    /// <summary>Stores the solve's outcome now, if there is one.</summary>
    Task Poke();
}
