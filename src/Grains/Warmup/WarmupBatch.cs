using Orleans.Serialization;
using ScaleSweep.Grains.Results;
using ScaleSweep.Grains.Runs;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Grains.Warmup;

/// <summary>
/// One round of a silo's warm-up (<see cref="SiloWarmup"/>): a tiny sweep's runs taken through the code a run
/// takes on a silo, in process: its configuration's wire round trip, key and partition, the projected model's
/// fast path to its last step, its row's encoding and decoding (no write), its progress and curve on the wire,
/// and its group's aggregation. It writes nothing, moves no counter and shares no state with real runs, whose
/// results stay a function of their configuration alone.
/// </summary>
internal sealed class WarmupBatch
{
    private readonly Serializer _serializer;
    private readonly RunResultTable _rows;
    private readonly SweepSpec _spec;
    private readonly int _groups;

    public WarmupBatch(Serializer serializer, RunResultTable rows)
    {
        _serializer = serializer;
        _rows = rows;
        _spec = WarmupSpec.WithSeeds(8);
        _groups = _spec.Grid().Groups.Count;
    }

    /// <summary>Runs in one round.</summary>
    public int Runs => _groups * _spec.Seeds.Length;

    /// <summary>One round; throws what the pipeline's code throws.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        for (int g = 0; g < _groups; g++)
        {
            SimulationConfig[] runs = SweepGrid.RunsOf(_spec, g);
            var results = new Dictionary<string, RunResult>(runs.Length);
            foreach (SimulationConfig sent in runs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunResult result = RunOne(sent);
                results[result.Progress.Key] = result;
            }

            _ = GroupAggregator.Aggregate(_spec, SweepGrid.GroupAt(_spec, g), runs, results);
        }
    }

    private RunResult RunOne(SimulationConfig sent)
    {
        // What a run grain receives, and what it computes from it before its job starts.
        SimulationConfig config = RoundTrip(sent);
        string key = config.Fingerprint();
        string partition = RunResultTable.PartitionOf(config);

        ISimulation simulation = SimulationFactory.Create(config);
        simulation.Advance(config.Steps);
        LossCurve curve = simulation.Curve;
        RunStatus status = simulation.Status == SimulationStatus.Diverged ? RunStatus.Diverged : RunStatus.Completed;

        // Its final row, encoded as the results table stores it and decoded as a group reads it; never sent.
        var state = new RunGrainState
        {
            Status = status,
            Step = simulation.Step,
            DivergedAtStep = simulation.DivergedAtStep,
            Subscribers = ["warmup/0"],
            Executions = 1,
            Curve = StoredLossCurve.From(curve),
        };
        StoredRun row = _rows.Decode(_rows.Encode(partition, key, state).Entity);

        // What it tells its group: its progress and curve, over the wire.
        var progress = new RunProgress(key, row.State.Status, row.State.Step, config.Steps, row.State.DivergedAtStep, null, 0, "warmup");
        return new RunResult(config, RoundTrip(progress), RoundTrip(row.State.Curve!.ToLossCurve()));
    }

    private T RoundTrip<T>(T value)
        where T : class =>
        _serializer.Deserialize<T>(_serializer.SerializeToArray(value)) ?? throw new InvalidOperationException($"A {typeof(T).Name} came back from the wire as null.");
}
