using ScaleSweep.Sweeps.Dmft;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Sweeps.Tests.Dmft;

/// <summary>A DMFT curve's own status, from the job lifecycle its grain shares with runs.</summary>
public sealed class DmftCurveStatusesTests
{
    [Theory]
    [InlineData(RunStatus.Pending, DmftCurveStatus.Pending)]
    [InlineData(RunStatus.Queued, DmftCurveStatus.Queued)]
    [InlineData(RunStatus.Running, DmftCurveStatus.Solving)]
    [InlineData(RunStatus.Completed, DmftCurveStatus.Completed)]
    [InlineData(RunStatus.Failed, DmftCurveStatus.Failed)]
    [InlineData(RunStatus.Cancelled, DmftCurveStatus.Cancelled)]
    public void Each_lifecycle_status_has_its_curve_status(RunStatus lifecycle, DmftCurveStatus expected) =>
        Assert.Equal(expected, DmftCurveStatuses.From(lifecycle));

    [Fact]
    public void A_curve_is_never_diverged() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DmftCurveStatuses.From(RunStatus.Diverged));

    [Fact]
    public void Only_completed_and_failed_are_final() =>
        Assert.Equal(
            [DmftCurveStatus.Completed, DmftCurveStatus.Failed],
            Enum.GetValues<DmftCurveStatus>().Where(s => s.IsFinal()));
}
