using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Client.Simulation;

/// <summary>
/// Runs the seeds of one configuration on the local cores. Each simulation is single-threaded and
/// deterministic, so the result does not depend on the thread count or the order seeds finish in.
/// </summary>
internal static class SeedRunner
{
    /// <summary>Runs every configuration, at most <paramref name="threads"/> at once; results in input order.</summary>
    /// <param name="configs">One configuration per seed.</param>
    /// <param name="threads">Seeds run at once.</param>
    /// <param name="progress">Called with the number of steps just done (from worker threads).</param>
    /// <param name="cancellationToken">Stops every seed between steps.</param>
    public static async Task<SeedRun[]> RunAsync(
        IReadOnlyList<SimulationConfig> configs, int threads, Action<long>? progress, CancellationToken cancellationToken)
    {
        var runs = new SeedRun[configs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, configs.Count, options, (i, token) =>
        {
            runs[i] = RunOne(configs[i], progress, token);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return runs;
    }

    /// <summary>Runs one seed to its last step or its divergence.</summary>
    public static SeedRun RunOne(SimulationConfig config, Action<long>? progress, CancellationToken cancellationToken)
    {
        ISimulation simulation = SimulationFactory.Create(config);
        long chunk = Math.Clamp(config.Steps / 200, 1, 1000);
        while (simulation.Status == SimulationStatus.Running)
        {
            long done = simulation.Advance(chunk, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Invoke(done);
        }

        if (simulation.Status == SimulationStatus.Diverged)
        {
            // The steps it will never run count as done, so the progress bar still ends at 100 %.
            progress?.Invoke(config.Steps - simulation.Step);
        }

        return new SeedRun(config.Seed, simulation.Curve, simulation.Status, simulation.DivergedAtStep);
    }
}
