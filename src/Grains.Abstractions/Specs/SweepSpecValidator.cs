namespace ScaleSweep.Grains.Abstractions.Specs;

/// <summary>STUB until the spec branch lands.</summary>
public static class SweepSpecValidator
{
    public static void Validate(SweepSpec spec, SweepLimits limits)
    {
    }
}
