namespace ScaleSweep.Grains.Abstractions.Specs;

/// <summary>Reads and validates a sweep spec (placeholder until the parser lands).</summary>
public static class SweepSpecParser
{
}
