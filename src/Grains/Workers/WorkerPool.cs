using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Sweeps.Theory;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory.Dmft;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// The silo's simulation workers: dedicated threads, one per configured slot, that advance simulations
/// off Orleans' scheduler and off the .NET thread pool the scheduler runs on, so grain calls stay fast
/// while every core computes.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    // Each Advance call is sized to take about this long, so stop requests and progress are prompt
    // while the per-call overhead stays negligible.
    private static readonly TimeSpan SliceTarget = TimeSpan.FromMilliseconds(200);

    // Simulations (RunJob) and DMFT solves (TheoryJob) share the queue and the threads: both are CPU work,
    // and one slot per core keeps either kind from starving the machine.
    private readonly Channel<IWorkerJob> _queue = Channel.CreateUnbounded<IWorkerJob>();
    private readonly ILogger<WorkerPool> _logger;
    private readonly ISimulationFactory _factory;
    private readonly Thread[] _threads;
    private int _queued;
    private int _running;
    private long _completed;
    private long _started;
    private long _theorySolved;

    public WorkerPool(IOptions<WorkerPoolOptions> options, ISimulationFactory factory, ILogger<WorkerPool> logger)
    {
        _logger = logger;
        _factory = factory;
        Options = options.Value;
        _threads = new Thread[Options.EffectiveCount];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(WorkLoop) { IsBackground = true, Name = $"scalesweep-worker-{i}" };
            _threads[i].Start();
        }
    }

    public WorkerPoolOptions Options { get; }

    /// <summary>Simulations this silo computes at once.</summary>
    public int Slots => _threads.Length;

    /// <summary>Jobs waiting for a worker.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Jobs being advanced now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Jobs started since the silo started (a resumed run counts again).</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Simulations this silo ran to their last step (or divergence) since it started.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>DMFT theory curves this silo solved to the end since it started (for tests and diagnostics).</summary>
    public long TheorySolved => Interlocked.Read(ref _theorySolved);

    /// <summary>Raised on a worker thread whenever a job is queued, starts or ends.</summary>
    public event Action? Changed;

    /// <summary>Queues a simulation; it starts when a worker is free. Returns at once.</summary>
    public RunJob Enqueue(string key, SimulationConfig config, RunJobCheckpoint? resumeFrom, TimeSpan checkpointInterval)
    {
        var job = new RunJob(key, config, resumeFrom, checkpointInterval);
        WorkerTelemetry.Enqueued(job);
        return Queue(job);
    }

    /// <summary>Queues a DMFT solve; it starts when a worker is free. Returns at once.</summary>
    public TheoryJob Enqueue(string key, TheoryRequest request)
    {
        return Queue(new TheoryJob(key, request));
    }

    private T Queue<T>(T job)
        where T : IWorkerJob
    {
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(job))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(WorkerPool), "The silo is shutting down.");
        }

        Changed?.Invoke();
        return job;
    }

    public void Dispose() => _queue.Writer.TryComplete();

    private void WorkLoop()
    {
        ChannelReader<IWorkerJob> reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (!reader.TryRead(out IWorkerJob? item))
            {
                continue;
            }

            if (item is TheoryJob theory)
            {
                Solve(theory);
                continue;
            }

            var job = (RunJob)item;
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _started);
            job.SetPhase(RunJobPhase.Running);
            WorkerTelemetry.Started(this, job);
            Changed?.Invoke();
            RunJobOutcome outcome = Execute(job);
            WorkerTelemetry.Finished(job, outcome);
            Interlocked.Decrement(ref _running);
            if (outcome.Status is not null)
            {
                Interlocked.Increment(ref _completed);
            }

            job.Finish(outcome);
            Changed?.Invoke();
        }
    }

    private void Solve(TheoryJob job)
    {
        Interlocked.Decrement(ref _queued);
        Interlocked.Increment(ref _running);
        job.SetRunning();
        Changed?.Invoke();
        var clock = Stopwatch.StartNew();
        TheoryJobOutcome outcome;
        try
        {
            job.StopToken.ThrowIfCancellationRequested();

            // One thread per slot: the solver's parallel loops would otherwise take every core from the other slots.
            TheoryRequest request = job.Request;
            DmftCurve curve = DmftSolver.Solve(request.ToSettings(), request.ToOptions(threads: 1), job.StopToken);
            Interlocked.Increment(ref _theorySolved);
            outcome = new TheoryJobOutcome(new TheoryCurve(
                curve.Steps, curve.Loss, curve.WeightNormPerWidth, curve.Solver, curve.ModesUsed, curve.ModesExact,
                curve.Iterations, curve.Residual, clock.Elapsed.TotalSeconds), null, Stopped: false);
        }
        catch (OperationCanceledException) when (job.IsStopRequested)
        {
            outcome = new TheoryJobOutcome(null, null, Stopped: true);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Theory curve {Key} threw", job.Key);
            outcome = new TheoryJobOutcome(null, e, Stopped: false);
        }

        Interlocked.Decrement(ref _running);
        job.Finish(outcome);
        Changed?.Invoke();
    }

    private RunJobOutcome Execute(RunJob job)
    {
        double priorSeconds = job.ResumeFrom?.ComputeSeconds ?? 0;
        var clock = Stopwatch.StartNew();
        ISimulation? simulation = null;
        try
        {
            if (job.IsStopRequested)
            {
                return new RunJobOutcome(null, null, null, null, null, job.ResumeFrom?.Step ?? 0, priorSeconds);
            }

            simulation = job.ResumeFrom is { } from
                ? _factory.Restore(job.Config, from.Snapshot)
                : _factory.Create(job.Config);
            job.SetStep(simulation.Step);

            long slice = 16;
            TimeSpan lastCheckpoint = TimeSpan.Zero;
            while (simulation.Status == SimulationStatus.Running && !job.IsStopRequested)
            {
                TimeSpan before = clock.Elapsed;
                simulation.Advance(slice, job.StopToken);
                job.SetStep(simulation.Step);
                WorkerTelemetry.Advanced(job, simulation.Step);
                slice = NextSlice(slice, clock.Elapsed - before);

                if (simulation.Status == SimulationStatus.Running && clock.Elapsed - lastCheckpoint >= job.CheckpointInterval)
                {
                    lastCheckpoint = clock.Elapsed;
                    job.OfferCheckpoint(new RunJobCheckpoint(simulation.Step, simulation.Snapshot(), priorSeconds + clock.Elapsed.TotalSeconds));
                    WorkerTelemetry.Checkpointed(job, simulation.Step);
                }
            }

            double seconds = priorSeconds + clock.Elapsed.TotalSeconds;
            if (simulation.Status == SimulationStatus.Running)
            {
                // Stopped: the final snapshot lets the next activation continue from this very step.
                var final = new RunJobCheckpoint(simulation.Step, simulation.Snapshot(), seconds);
                return new RunJobOutcome(null, null, null, final, null, simulation.Step, seconds);
            }

            return new RunJobOutcome(simulation.Status, simulation.Curve, simulation.DivergedAtStep, null, null, simulation.Step, seconds);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Run {Key} threw at step {Step}", job.Key, simulation?.Step ?? job.Step);
            return new RunJobOutcome(null, null, null, null, e, simulation?.Step ?? job.Step, priorSeconds + clock.Elapsed.TotalSeconds);
        }
    }

    private static long NextSlice(long slice, TimeSpan took)
    {
        if (took <= TimeSpan.Zero)
        {
            return Math.Min(slice * 4, 1 << 20);
        }

        double scale = SliceTarget / took;
        long next = (long)(slice * Math.Clamp(scale, 0.25, 4.0));
        return Math.Clamp(next, 1, 1 << 20);
    }
}
