using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// Owns one DMFT theory curve, keyed by its content address (<see cref="DmftCurveRequest.Key"/>): solves it on
/// the silo's worker pool, stores it, and tells the sweeps that asked for it when it is done. Every call
/// returns at once; none waits for the solve. A curve is computed once, whichever sweeps share it.
/// </summary>
public interface IDmftCurveGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records that <paramref name="sweepId"/> wants this curve and starts the solve unless it is running or
    /// final. A final curve is reported back to the sweep at once, without recomputing.
    /// </summary>
    /// <param name="request">The curve; its key must equal this grain's key.</param>
    /// <param name="sweepId">The sweep to notify on completion.</param>
    Task<DmftCurveProgress> Request(DmftCurveRequest request, string sweepId);

    /// <summary>The curve's status now.</summary>
    Task<DmftCurveProgress> GetProgress();

    /// <summary>The request, status and curve; null if it was never requested.</summary>
    Task<DmftCurveResult?> GetResult();

    /// <summary><paramref name="sweepId"/> no longer wants the curve; when no sweep does, the solve stops.</summary>
    Task Release(string sweepId);
}
