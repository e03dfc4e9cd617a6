namespace ScaleSweep.Grains.Jobs;

/// <summary>
/// How a worker wakes the grain that owns a job the moment the job ends, instead of leaving the outcome
/// for the grain's next timer tick; short jobs would otherwise wait a tick each.
/// </summary>
public interface IWorkerJobCallback : IGrainWithStringKey
{
    /// <summary>Stores whatever the job has for the grain (a checkpoint or its outcome) now.</summary>
    Task Poke();
}
