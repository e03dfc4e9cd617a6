namespace ScaleSweep.Grains.Abstractions.Specs;

/// <summary>STUB until the spec branch lands.</summary>
public static class SweepSpecParser
{
    public static SweepSpec ParseFile(string path, SweepLimits limits) => throw new NotImplementedException();
}
