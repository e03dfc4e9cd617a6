namespace ScaleSweep.Sweeps.Reports;

/// <summary>One training-set size of a data-scaling line: its group's losses at the last recorded step.</summary>
/// <param name="P">Training-set size.</param>
/// <param name="Step">The last recorded step, where the losses are read.</param>
/// <param name="Test">Seed mean of the test (population) loss there.</param>
/// <param name="TestSem">Its standard error.</param>
/// <param name="Train">Seed mean of the train loss there.</param>
/// <param name="TrainSem">Its standard error.</param>
/// <param name="OverfitStep">The group's onset of overfitting (<see cref="GroupReport.OverfitStep"/>); null if the test loss did not turn up.</param>
/// <param name="Seeds">Seeds in the means.</param>
[GenerateSerializer, Immutable]
public sealed record DataScalingPointReport(
    [property: Id(0)] long P,
    [property: Id(1)] long Step,
    [property: Id(2)] double Test,
    [property: Id(3)] double TestSem,
    [property: Id(4)] double Train,
    [property: Id(5)] double TrainSem,
    [property: Id(6)] long? OverfitStep,
    [property: Id(7)] int Seeds)
{
    /// <summary>The generalization gap test - train at <see cref="Step"/>.</summary>
    public double Gap => Test - Train;
}
