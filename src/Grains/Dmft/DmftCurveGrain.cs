using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Jobs;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Dmft;

/// <summary>
/// Owns one DMFT theory curve (see <see cref="IDmftCurveGrain"/>): its solve's lifecycle is
/// <see cref="WorkerJobGrain{TState, TJob, TOutcome}"/>'s; what is a curve's own is here: the curve is
/// stored with its status in one write. A solve has no checkpoints (the longest allowed take minutes): a
/// curve whose silo died is solved again from the start.
/// </summary>
[LeastBusyPlacement]
public sealed class DmftCurveGrain : WorkerJobGrain<DmftCurveGrainState, DmftJob, DmftJobOutcome>, IDmftCurveGrain
{
    public DmftCurveGrain(
        [PersistentState("theory", StorageNames.Curves)] IPersistentState<DmftCurveGrainState> state,
        WorkerPool pool,
        ILogger<DmftCurveGrain> logger)
        : base(new PersistentJobState<DmftCurveGrainState>(state), pool, logger)
    {
    }

    protected override string Noun => "Theory curve";

    protected override bool IsRequested => State.Request is not null;

    public async Task<DmftCurveProgress> Request(DmftCurveRequest request, string sweepId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(sweepId);
        if (request.Key() != Key)
        {
            throw new ArgumentException($"The request's key {request.Key()} is not this curve's key {Key}.", nameof(request));
        }

        bool first = State.Request is null;
        State.Request ??= request;
        await Admit(sweepId, first);
        return Progress();
    }

    public Task<DmftCurveProgress> GetProgress() => Task.FromResult(Progress());

    public Task<DmftCurveResult?> GetResult() => Task.FromResult(
        State.Request is null ? null : new DmftCurveResult(State.Request, DmftCurveStatuses.From(State.Status), State.Curve, State.Error, State.Seconds));

    protected override void Resuming() =>
        Logger.LogInformation("Theory curve {Key} is solved again: its previous activation is gone", Key);

    protected override Task<DmftJob> CreateJob()
    {
        DmftCurveRequest request = State.Request ?? throw new InvalidOperationException($"Theory curve {Key} has no request.");
        return Task.FromResult(new DmftJob(Key, request));
    }

    protected override void Queued(DmftJob job) => Logger.LogDebug("Theory curve {Key} queued", Key);

    protected override async Task Persist(DmftJob job, DmftJobOutcome outcome, bool stopping)
    {
        if (outcome.Stopped)
        {
            // Solved again from the start if another sweep asked for the curve while it was stopping.
            await Stopped(stopping);
            return;
        }

        // The solver is deterministic: a solve that threw would throw again, so a failure is final at once.
        State.Curve = outcome.Curve;
        State.Seconds = outcome.Seconds;
        State.Error = outcome.Error is { } error ? $"{error.GetType().Name}: {error.Message}" : null;
        await StoreFinal(outcome.Curve is null ? RunStatus.Failed : RunStatus.Completed, undo: () =>
        {
            State.Curve = null;
            State.Seconds = 0;
            State.Error = null;
        });
        NotifySubscribersFinished();
    }

    protected override Task NotifyFinished(string subscriber) => GrainFactory.GetGrain<ISweepGrain>(subscriber).OnDmftCurveFinished(Progress());

    private DmftCurveProgress Progress() => new(Key, DmftCurveStatuses.From(State.Status), State.Error ?? StorageWarning, Job?.Time ?? 0);
}
