namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A sweep's steps per second, smoothed over the coordinator's polls: each poll's rate since the previous
/// one weighs half, the smoothed rate before it the other half, so one slow poll does not halve the
/// figure and the rate still follows a change within a few polls. The caller passes the time.
/// </summary>
public sealed class StepRate
{
    private const double Weight = 0.5;
    private DateTime _markAt;
    private long _markSteps;

    /// <summary>The smoothed rate; 0 until two marks lie apart in time.</summary>
    public double StepsPerSecond { get; private set; }

    /// <summary>Notes that <paramref name="stepsDone"/> steps were done at <paramref name="now"/>.</summary>
    public void Mark(DateTime now, long stepsDone)
    {
        if (_markAt != default && now > _markAt)
        {
            double rate = (stepsDone - _markSteps) / (now - _markAt).TotalSeconds;
            StepsPerSecond = StepsPerSecond == 0 ? rate : (1 - Weight) * StepsPerSecond + Weight * rate;
        }

        _markAt = now;
        _markSteps = stepsDone;
    }
}
