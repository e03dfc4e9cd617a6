using System.Diagnostics;
using ScaleSweep.Numerics.Theory.Dmft;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// One DMFT solve on the worker pool. It has no checkpoints (the longest allowed take minutes): a stopped
/// solve ends at its next time step and is solved again from the start when wanted again.
/// </summary>
public sealed class DmftJob : WorkerJob<DmftJobOutcome>
{
    private readonly DmftProgress _progress = new();

    /// <param name="key">The curve's key.</param>
    /// <param name="request">What is solved.</param>
    public DmftJob(string key, DmftCurveRequest request)
        : base(key)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
    }

    public override string Noun => "Theory curve";

    /// <summary>What is solved.</summary>
    public DmftCurveRequest Request { get; }

    /// <summary>The SGD time t the solve has reached, of <see cref="DmftCurveRequest.Steps"/>: where a long solve is.</summary>
    public long Time => _progress.Time;

    protected override DmftJobOutcome Execute(WorkerContext context)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // One thread per slot: the solver's parallel loops would otherwise take every core from the other slots.
            DmftCurve curve = DmftSolver.Solve(Request.ToSettings(), Request.ToOptions(threads: 1), StopToken, _progress);
            return new DmftJobOutcome(curve, null, Stopped: false, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (IsStopRequested)
        {
            return StoppedBeforeStart();
        }
    }

    protected override DmftJobOutcome StoppedBeforeStart() => new(null, null, Stopped: true);

    protected override DmftJobOutcome Failed(Exception error) => new(null, error, Stopped: false);

    protected override bool RanToEnd(DmftJobOutcome outcome) => outcome.Curve is not null;
}
