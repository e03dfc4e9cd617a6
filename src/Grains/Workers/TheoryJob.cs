using System.Diagnostics;
using ScaleSweep.Numerics.Theory.Dmft;
using ScaleSweep.Sweeps.Theory;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// One DMFT solve on the worker pool. It has no checkpoints (the longest allowed take minutes): a stopped
/// solve ends at its next time step and is solved again from the start when wanted again.
/// </summary>
public sealed class TheoryJob : WorkerJob<TheoryJobOutcome>
{
    /// <param name="key">The curve's key.</param>
    /// <param name="request">What is solved.</param>
    public TheoryJob(string key, TheoryRequest request)
        : base(key)
    {
        ArgumentNullException.ThrowIfNull(request);
        Request = request;
    }

    public override string Noun => "Theory curve";

    /// <summary>What is solved.</summary>
    public TheoryRequest Request { get; }

    protected override TheoryJobOutcome Execute(WorkerContext context)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            // One thread per slot: the solver's parallel loops would otherwise take every core from the other slots.
            DmftCurve curve = DmftSolver.Solve(Request.ToSettings(), Request.ToOptions(threads: 1), StopToken);
            return new TheoryJobOutcome(new TheoryCurve(
                curve.Steps, curve.Loss, curve.WeightNormPerWidth, curve.Solver, curve.ModesUsed, curve.ModesExact,
                curve.Iterations, curve.Residual, clock.Elapsed.TotalSeconds), null, Stopped: false);
        }
        catch (OperationCanceledException) when (IsStopRequested)
        {
            return StoppedBeforeStart();
        }
    }

    protected override TheoryJobOutcome StoppedBeforeStart() => new(null, null, Stopped: true);

    protected override TheoryJobOutcome Failed(Exception error) => new(null, error, Stopped: false);

    protected override bool RanToEnd(TheoryJobOutcome outcome) => outcome.Curve is not null;
}
