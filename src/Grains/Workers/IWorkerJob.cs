namespace ScaleSweep.Grains.Workers;

/// <summary>A unit of CPU work the <see cref="WorkerPool"/> runs on one of its dedicated threads.</summary>
public interface IWorkerJob
{
    /// <summary>The content address of what is computed (a run key or a theory curve key).</summary>
    string Key { get; }
}
