using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Serialization;
using ScaleSweep.Grains.Results;

namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// A starting silo's warm-up (<see cref="WarmupOptions"/>), in two parts. Before it becomes active in its
/// cluster, rounds of a tiny in-process batch (<see cref="WarmupBatch"/>) take the run pipeline's code through
/// the JIT. Once it is active, and before its start ends, rounds of a scratch sweep go through the cluster and
/// its storage (<see cref="ClusterWarmup"/>). The pauses between rounds let the runtime replace what they made
/// hot with optimized code. Fresh silos otherwise do that in their first sweep, each on the cores the others
/// compute on (docs/large-sweeps.md). Each part is bounded in time; a failure is logged and the silo starts all the same.
/// </summary>
public sealed class SiloWarmup(
    IOptions<WarmupOptions> options,
    Serializer serializer,
    RunResultTable rows,
    IGrainFactory grains,
    ILogger<SiloWarmup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    // Rounds of the cluster part: the first compiles, the next are counted hot and run the optimized code
    // (promotion reaches the callees of what was promoted a round later).
    private const int MaxClusterRounds = 5;

    // A cluster round that compiled fewer methods than this process-wide left little for another to do.
    private const long QuietClusterRound = 50;

    // A round whose code is compiled takes milliseconds; the first compiles it, the next ones are counted by
    // the runtime and promoted to optimized code. Past this many rounds more would compile nothing of ours.
    private const int MaxRounds = 6;

    // The runtime counts calls for promotion only once no method was compiled for 100 ms (its call counting
    // delay), then compiles the promoted ones in the background: after a round that compiled something, the next
    // waits until nothing was compiled for a little longer than that, or MaxPause (a starting silo compiles
    // its own start-up code meanwhile, and may never be quiet).
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan MaxPause = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (options.Value.Enabled)
        {
            lifecycle.Subscribe(nameof(SiloWarmup), ServiceLifecycleStage.ApplicationServices, cancellationToken => Task.Run(() => RunAsync(cancellationToken), cancellationToken));
            if (options.Value.Cluster)
            {
                // After the stage in which the silo joins its cluster and opens its gateway, before its start ends.
                lifecycle.Subscribe(nameof(SiloWarmup) + ".Cluster", ServiceLifecycleStage.Active + 1, cancellationToken => Task.Run(() => RunClusterAsync(cancellationToken), cancellationToken));
            }
        }
    }

    /// <summary>The warm-up: rounds until one compiles nothing more on its thread, or the time is spent; what it did.</summary>
    internal async Task<WarmupOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan budget = Budget(options.Value.MaxSeconds);
        long compiledBefore = JitInfo.GetCompiledMethodCount();
        TimeSpan compilingBefore = JitInfo.GetCompilationTime();
        int rounds = 0;
        int runs = 0;
        try
        {
            var batch = new WarmupBatch(serializer, rows);
            while (rounds < MaxRounds && clock.Elapsed < budget)
            {
                long before = JitInfo.GetCompiledMethodCount(currentThread: true);
                batch.Run(cancellationToken);
                rounds++;
                runs += batch.Runs;
                if (JitInfo.GetCompiledMethodCount(currentThread: true) == before)
                {
                    // Nothing of the round was compiled on its thread: its code is compiled; what it made hot
                    // is promoted in the background.
                    break;
                }

                await SettleAsync(clock, budget, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Warm-up failed after {Rounds} rounds; the silo starts without it", rounds);
            return new WarmupOutcome(rounds, runs, clock.Elapsed, 0, TimeSpan.Zero, Failed: true);
        }

        var outcome = new WarmupOutcome(rounds, runs, clock.Elapsed, JitInfo.GetCompiledMethodCount() - compiledBefore,
            JitInfo.GetCompilationTime() - compilingBefore, Failed: false);
        logger.LogInformation(
            "Warm-up: {Rounds} rounds of {Runs} runs in {Seconds:F2} s; {Methods} methods compiled meanwhile ({CompileSeconds:F2} s of compilation)",
            outcome.Rounds, runs / Math.Max(rounds, 1), outcome.Elapsed.TotalSeconds, outcome.MethodsCompiled, outcome.Compilation.TotalSeconds);
        return outcome;
    }

    /// <summary>
    /// The cluster part (<see cref="ClusterWarmup"/>): rounds until one compiles little, one does not finish in
    /// time, or <see cref="WarmupOptions.ClusterMaxSeconds"/> is spent; what it did.
    /// </summary>
    internal async Task<WarmupOutcome> RunClusterAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan budget = Budget(options.Value.ClusterMaxSeconds);
        long compiledBefore = JitInfo.GetCompiledMethodCount();
        TimeSpan compilingBefore = JitInfo.GetCompilationTime();
        var cluster = new ClusterWarmup(grains, rows);
        var warmup = Guid.NewGuid();
        int rounds = 0;
        bool failed = false;
        try
        {
            while (rounds < MaxClusterRounds && clock.Elapsed < budget)
            {
                long before = JitInfo.GetCompiledMethodCount();
                bool done = await cluster.RoundAsync(warmup, rounds, clock, budget, cancellationToken);
                rounds++;
                logger.LogDebug("Cluster warm-up round {Round}: done {Done} at {Seconds:F2} s, {Methods} methods compiled", rounds, done, clock.Elapsed.TotalSeconds, JitInfo.GetCompiledMethodCount() - before);
                if (!done || JitInfo.GetCompiledMethodCount() - before < QuietClusterRound)
                {
                    break;
                }

                await SettleAsync(clock, budget, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Cluster warm-up failed after {Rounds} rounds; the silo starts without the rest", rounds);
            failed = true;
        }

        var outcome = new WarmupOutcome(rounds, rounds * cluster.RunsPerRound, clock.Elapsed, JitInfo.GetCompiledMethodCount() - compiledBefore,
            JitInfo.GetCompilationTime() - compilingBefore, failed);
        logger.LogInformation(
            "Cluster warm-up: {Rounds} rounds of {Runs} scratch runs in {Seconds:F2} s; {Methods} methods compiled meanwhile ({CompileSeconds:F2} s of compilation)",
            outcome.Rounds, cluster.RunsPerRound, outcome.Elapsed.TotalSeconds, outcome.MethodsCompiled, outcome.Compilation.TotalSeconds);
        return outcome;
    }

    // A setting's seconds as a time budget: none unless positive and finite, at most 10 minutes.
    private static TimeSpan Budget(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 ? TimeSpan.FromSeconds(Math.Min(seconds, 600)) : TimeSpan.Zero;

    // Waits until no method was compiled for Quiet, for MaxPause at most, within the budget.
    private static async Task SettleAsync(Stopwatch clock, TimeSpan budget, CancellationToken cancellationToken)
    {
        long last = JitInfo.GetCompiledMethodCount();
        TimeSpan start = clock.Elapsed;
        TimeSpan since = start;
        while (clock.Elapsed < budget && clock.Elapsed - start < MaxPause && clock.Elapsed - since < Quiet)
        {
            await Task.Delay(Poll, cancellationToken);
            long now = JitInfo.GetCompiledMethodCount();
            if (now != last)
            {
                last = now;
                since = clock.Elapsed;
            }
        }
    }
}
