namespace ScaleSweep.Numerics.Models;

/// <summary>
/// What every model shares: the step loop, the log-spaced recording, divergence, and the framing
/// of snapshots. A model supplies its loss, one update, and its state.
/// </summary>
public abstract class SimulationBase : ISimulation
{
    private readonly long[] _gridSteps;
    private readonly double[] _recordedLoss;
    private readonly double[] _recordedWeightNorm;
    private readonly double[] _recordedTrainLoss;
    private int _recorded;

    protected SimulationBase(SimulationConfig config)
    {
        config.Validate();
        Config = config;
        _gridSteps = LogGrid.Steps(config.Steps, config.PointsPerDecade);
        _recordedLoss = new double[_gridSteps.Length];
        _recordedWeightNorm = TracksWeightNorm ? new double[_gridSteps.Length] : [];
        _recordedTrainLoss = TracksTrainLoss ? new double[_gridSteps.Length] : [];
    }

    public SimulationConfig Config { get; }

    public long Step { get; private set; }

    public double Loss { get; private set; }

    public SimulationStatus Status { get; private set; }

    public long? DivergedAtStep { get; private set; }

    public LossCurve Curve => new(
        _gridSteps.AsSpan(0, _recorded).ToArray(),
        _recordedLoss.AsSpan(0, _recorded).ToArray(),
        _recordedWeightNorm.Length == 0 ? [] : _recordedWeightNorm.AsSpan(0, _recorded).ToArray())
    {
        TrainLoss = _recordedTrainLoss.Length == 0 ? [] : _recordedTrainLoss.AsSpan(0, _recorded).ToArray(),
    };

    /// <summary>Whether <see cref="WeightNormPerWidth"/> is recorded beside the loss.</summary>
    protected virtual bool TracksWeightNorm => false;

    /// <summary>Whether <see cref="ComputeTrainLoss"/> is recorded beside the loss (training on a finite set).</summary>
    protected virtual bool TracksTrainLoss => false;

    /// <summary>
    /// The loss on the training set of the current state, for models that track it; called only at recorded
    /// steps, after <see cref="ComputeLoss"/>, so it may cost more than a step.
    /// </summary>
    protected virtual double ComputeTrainLoss() => 0.0;

    /// <summary>The exact population loss of the current state.</summary>
    protected abstract double ComputeLoss();

    /// <summary>
    /// Whether <see cref="ComputeLoss"/> runs only at recorded steps, for models whose exact loss costs more
    /// than a step (the MLP's quadrature over the circle); between them <see cref="ISimulation.Loss"/> is
    /// <see cref="EstimateLoss"/>, which serves the divergence check. Recorded losses are always exact.
    /// </summary>
    protected virtual bool ExactLossOnlyWhenRecorded => false;

    /// <summary>A cheap estimate of the loss between recorded steps, for models with <see cref="ExactLossOnlyWhenRecorded"/>.</summary>
    protected virtual double EstimateLoss() => ComputeLoss();

    /// <summary>|w|^2 / N of the current state, for models that track it.</summary>
    protected virtual double WeightNormPerWidth() => 0.0;

    /// <summary>Applies update <paramref name="t"/> with the batch keyed by t.</summary>
    protected abstract void Update(long t);

    protected abstract void WriteState(BinaryWriter writer);

    protected abstract void ReadState(BinaryReader reader);

    /// <summary>Call at the end of a derived constructor, once the state is at step 0.</summary>
    protected void Start()
    {
        Step = 0;
        Loss = ComputeLoss();
        Observe();
    }

    public long Advance(long maxSteps, CancellationToken cancellationToken = default)
    {
        long done = 0;
        while (done < maxSteps && Status == SimulationStatus.Running && !cancellationToken.IsCancellationRequested)
        {
            Update(Step);
            Step++;
            done++;
            Loss = ExactLossOnlyWhenRecorded && !IsRecordedStep() ? EstimateLoss() : ComputeLoss();
            Observe();
        }

        return done;
    }

    public byte[] Snapshot()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            SnapshotFormat.WriteHeader(writer, Config);
            writer.Write(Step);
            writer.Write((int)Status);
            writer.Write(DivergedAtStep ?? -1);
            writer.Write(Loss);
            writer.Write(_recorded);
            for (int i = 0; i < _recorded; i++)
            {
                writer.Write(_recordedLoss[i]);
                if (_recordedWeightNorm.Length > 0)
                {
                    writer.Write(_recordedWeightNorm[i]);
                }

                if (_recordedTrainLoss.Length > 0)
                {
                    writer.Write(_recordedTrainLoss[i]);
                }
            }

            WriteState(writer);
        }

        return SnapshotFormat.Seal(stream);
    }

    /// <summary>Loads the state of a payload already checked by <see cref="SnapshotFormat.Open"/>.</summary>
    internal void Load(BinaryReader reader)
    {
        Step = reader.ReadInt64();
        Status = (SimulationStatus)reader.ReadInt32();
        long diverged = reader.ReadInt64();
        DivergedAtStep = diverged < 0 ? null : diverged;
        Loss = reader.ReadDouble();
        int recorded = reader.ReadInt32();
        if (recorded < 0 || recorded > _gridSteps.Length || Step < 0 || Step > Config.Steps || !Enum.IsDefined(Status))
        {
            throw new SnapshotException("the snapshot's step or recorded curve does not fit its configuration.");
        }

        _recorded = recorded;
        for (int i = 0; i < recorded; i++)
        {
            _recordedLoss[i] = reader.ReadDouble();
            if (_recordedWeightNorm.Length > 0)
            {
                _recordedWeightNorm[i] = reader.ReadDouble();
            }

            if (_recordedTrainLoss.Length > 0)
            {
                _recordedTrainLoss[i] = reader.ReadDouble();
            }
        }

        ReadState(reader);
    }

    private bool IsRecordedStep() => _recorded < _gridSteps.Length && _gridSteps[_recorded] == Step;

    private void Observe()
    {
        if (!double.IsFinite(Loss) || Loss > SimulationConfig.DivergenceThreshold)
        {
            Status = SimulationStatus.Diverged;
            DivergedAtStep = Step;
            return;
        }

        if (IsRecordedStep())
        {
            _recordedLoss[_recorded] = Loss;
            if (_recordedWeightNorm.Length > 0)
            {
                _recordedWeightNorm[_recorded] = WeightNormPerWidth();
            }

            if (_recordedTrainLoss.Length > 0)
            {
                _recordedTrainLoss[_recorded] = ComputeTrainLoss();
            }

            _recorded++;
        }

        if (Step == Config.Steps)
        {
            Status = SimulationStatus.Completed;
        }
    }
}
