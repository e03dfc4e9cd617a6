using Microsoft.Extensions.Logging;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Jobs;
using ScaleSweep.Grains.Placement;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Sweeps.Runs;
using ScaleSweep.Sweeps.Theory;

namespace ScaleSweep.Grains.Theory;

/// <summary>
/// Owns one DMFT theory curve (see <see cref="ITheoryGrain"/>): its solve's lifecycle is
/// <see cref="WorkerJobGrain{TState, TJob, TOutcome}"/>'s; what is a curve's own is here: the curve is
/// stored with its status in one write. A solve has no checkpoints (the longest allowed take minutes): a
/// curve whose silo died is solved again from the start.
/// </summary>
[LeastBusyPlacement]
public sealed class TheoryGrain : WorkerJobGrain<TheoryGrainState, TheoryJob, TheoryJobOutcome>, ITheoryGrain
{
    public TheoryGrain(
        [PersistentState("theory", StorageNames.Curves)] IPersistentState<TheoryGrainState> state,
        WorkerPool pool,
        ILogger<TheoryGrain> logger)
        : base(state, pool, logger)
    {
    }

    protected override string Noun => "Theory curve";

    protected override bool IsRequested => State.Request is not null;

    public async Task<TheoryProgress> Request(TheoryRequest request, string sweepId)
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

    public Task<TheoryProgress> GetProgress() => Task.FromResult(Progress());

    public Task<TheoryResult?> GetResult() => Task.FromResult(
        State.Request is null ? null : new TheoryResult(State.Request, State.Status, State.Curve, State.Error));

    protected override void Resuming() =>
        Logger.LogInformation("Theory curve {Key} is solved again: its previous activation is gone", Key);

    protected override Task<TheoryJob> CreateJob()
    {
        TheoryRequest request = State.Request ?? throw new InvalidOperationException($"Theory curve {Key} has no request.");
        return Task.FromResult(new TheoryJob(Key, request));
    }

    protected override void Queued(TheoryJob job) => Logger.LogDebug("Theory curve {Key} queued", Key);

    protected override async Task Persist(TheoryJob job, TheoryJobOutcome outcome, bool stopping)
    {
        if (outcome.Stopped)
        {
            // Solved again from the start if another sweep asked for the curve while it was stopping.
            await Stopped(stopping);
            return;
        }

        // The solver is deterministic: a solve that threw would throw again, so a failure is final at once.
        State.Curve = outcome.Curve;
        State.Error = outcome.Error is { } error ? $"{error.GetType().Name}: {error.Message}" : null;
        await StoreFinal(outcome.Curve is null ? RunStatus.Failed : RunStatus.Completed, undo: () =>
        {
            State.Curve = null;
            State.Error = null;
        });
        NotifySweepsFinished();
    }

    protected override Task NotifyFinished(ISweepGrain sweep) => sweep.OnTheoryFinished(Progress());

    private TheoryProgress Progress() => new(Key, State.Status, State.Error ?? StorageWarning);
}
