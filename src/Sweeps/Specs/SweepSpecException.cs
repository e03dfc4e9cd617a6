namespace ScaleSweep.Sweeps.Specs;

/// <summary>A sweep spec breaks a rule: the message names the field, the value and the allowed range.</summary>
[GenerateSerializer]
public sealed class SweepSpecException : Exception
{
    public SweepSpecException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>The JSON path of the offending field, e.g. "alpha[1]" or "N".</summary>
    [Id(0)]
    public string Field { get; }
}
