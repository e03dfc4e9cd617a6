namespace ScaleSweep.Grains.Runs;

/// <summary>A final run's recorded curve (blob storage).</summary>
[GenerateSerializer]
public sealed class RunCurveState
{
    [Id(0)] public StoredLossCurve? Curve { get; set; }
}
