using System.Diagnostics;
using ScaleSweep.Grains.Telemetry;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// One simulation on the worker pool: advanced in slices sized to <see cref="SliceTarget"/>, offering a
/// checkpoint every <see cref="CheckpointInterval"/> of compute for its run grain to store, and a final
/// snapshot when stopped, so the run can continue from exactly there.
/// </summary>
public sealed class RunJob : WorkerJob<RunJobOutcome>
{
    // Each Advance call is sized to take about this long, so stop requests and progress are prompt
    // while the per-call overhead stays negligible.
    private static readonly TimeSpan SliceTarget = TimeSpan.FromMilliseconds(200);

    private readonly ISimulationFactory _factory;
    private readonly Stopwatch _clock = new();
    private RunJobCheckpoint? _pendingCheckpoint;

    /// <param name="key">The run key.</param>
    /// <param name="config">The simulation.</param>
    /// <param name="resumeFrom">The checkpoint the job continues from; null starts at step 0.</param>
    /// <param name="checkpointInterval">Compute time between two checkpoints.</param>
    /// <param name="factory">Where the simulation comes from.</param>
    public RunJob(string key, SimulationConfig config, RunJobCheckpoint? resumeFrom, TimeSpan checkpointInterval, ISimulationFactory factory)
        : base(key)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(factory);
        Config = config;
        ResumeFrom = resumeFrom;
        CheckpointInterval = checkpointInterval;
        _factory = factory;
        SetStep(resumeFrom?.Step ?? 0);

        // Created on the grain's turn: the job's spans are children of the request that queued it.
        Trace = new RunJobTrace(ScaleSweepActivities.RecordedAmbient(), Step);
    }

    public override string Noun => "Run";

    public SimulationConfig Config { get; }

    /// <summary>The checkpoint the job continues from; null starts at step 0.</summary>
    public RunJobCheckpoint? ResumeFrom { get; }

    /// <summary>Compute time between two checkpoints.</summary>
    public TimeSpan CheckpointInterval { get; }

    /// <summary>The job's spans and step count (see <see cref="WorkerTelemetry"/>).</summary>
    internal RunJobTrace Trace { get; }

    private double PriorSeconds => ResumeFrom?.ComputeSeconds ?? 0;

    /// <summary>Takes the newest checkpoint the worker offered, if any, so it is stored once.</summary>
    public RunJobCheckpoint? TakeCheckpoint() => Interlocked.Exchange(ref _pendingCheckpoint, null);

    /// <summary>Puts back a checkpoint the grain could not store, unless the worker offered a newer one meanwhile.</summary>
    public void OfferCheckpointIfNone(RunJobCheckpoint checkpoint) => Interlocked.CompareExchange(ref _pendingCheckpoint, checkpoint, null);

    protected override RunJobOutcome Execute(WorkerContext context)
    {
        _clock.Start();
        WorkerTelemetry.Started(this, context.Silo);
        ISimulation simulation = ResumeFrom is { } from
            ? _factory.Restore(Config, from.Snapshot)
            : _factory.Create(Config);
        SetStep(simulation.Step);

        long slice = 16;
        TimeSpan lastCheckpoint = TimeSpan.Zero;
        while (simulation.Status == SimulationStatus.Running && !IsStopRequested)
        {
            TimeSpan before = _clock.Elapsed;
            simulation.Advance(slice, StopToken);
            SetStep(simulation.Step);
            WorkerTelemetry.Advanced(this, simulation.Step);
            slice = NextSlice(slice, _clock.Elapsed - before);

            if (simulation.Status == SimulationStatus.Running && _clock.Elapsed - lastCheckpoint >= CheckpointInterval)
            {
                lastCheckpoint = _clock.Elapsed;

                // A newer checkpoint replaces one the grain has not stored yet: only the newest matters.
                Interlocked.Exchange(ref _pendingCheckpoint, new RunJobCheckpoint(simulation.Step, simulation.Snapshot(), Seconds()));
                WorkerTelemetry.Checkpointed(this, simulation.Step);
            }
        }

        double seconds = Seconds();
        if (simulation.Status == SimulationStatus.Running)
        {
            // Stopped: the final snapshot lets the next activation continue from this very step.
            var final = new RunJobCheckpoint(simulation.Step, simulation.Snapshot(), seconds);
            return new RunJobOutcome(null, null, null, final, null, simulation.Step, seconds);
        }

        return new RunJobOutcome(simulation.Status, simulation.Curve, simulation.DivergedAtStep, null, null, simulation.Step, seconds);
    }

    protected override RunJobOutcome StoppedBeforeStart() => new(null, null, null, null, null, Step, PriorSeconds);

    protected override RunJobOutcome Failed(Exception error) => new(null, null, null, null, error, Step, Seconds());

    protected override bool RanToEnd(RunJobOutcome outcome) => outcome.Status is not null;

    protected override void Ended(RunJobOutcome outcome) => WorkerTelemetry.Finished(this, outcome);

    private double Seconds() => PriorSeconds + _clock.Elapsed.TotalSeconds;

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
