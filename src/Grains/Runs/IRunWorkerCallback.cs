namespace ScaleSweep.Grains.Runs;

/// <summary>
/// How a worker wakes its run grain the moment a job ends, instead of leaving the outcome for the
/// grain's next timer tick; short runs would otherwise wait a tick each.
/// </summary>
public interface IRunWorkerCallback : IGrainWithStringKey
{
    /// <summary>Stores whatever the job has for the grain (checkpoint or outcome) now.</summary>
    Task Poke();
}
