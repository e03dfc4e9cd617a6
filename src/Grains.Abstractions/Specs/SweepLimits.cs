namespace ScaleSweep.Grains.Abstractions.Specs;

/// <summary>STUB until the spec branch lands.</summary>
public sealed class SweepLimits
{
    public const string Section = "ScaleSweep:Limits";
}
