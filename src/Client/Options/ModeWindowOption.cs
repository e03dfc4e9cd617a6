using System.CommandLine;

namespace ScaleSweep.Client.Options;

/// <summary>The mode window "kmin:kmax" of a spectrum fit, both ends inclusive.</summary>
internal static class ModeWindowOption
{
    public const string Range = "expected kmin:kmax, two integers with 1 <= kmin < kmax (modes, both included).";

    public static Option<(int K0, int K1)?> CreateOption(string name, string description)
    {
        return OptionFactory.WithRange(new Option<(int K0, int K1)?>(name)
        {
            Description = description,
            HelpName = "kmin:kmax",
            CustomParser = result => WindowParser.Parse(result, name, 1, int.MaxValue, "out of range", Range) is { } w ? ((int)w.A, (int)w.B) : null,
        }, Range);
    }
}
