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
            CustomParser = result =>
            {
                string token = OptionFactory.SingleToken(result);
                string[] parts = token.Split(':');
                if (parts.Length != 2
                    || !OptionFactory.TryParseInteger(parts[0].Trim(), out long k0, out _)
                    || !OptionFactory.TryParseInteger(parts[1].Trim(), out long k1, out _))
                {
                    result.AddError(OptionFactory.Malformed(name, token, "a window", Range));
                    return null;
                }

                if (k0 < 1 || k1 <= k0 || k1 > int.MaxValue)
                {
                    result.AddError($"{name}: '{token}' is out of range: {Range}");
                    return null;
                }

                return ((int)k0, (int)k1);
            },
        }, Range);
    }
}
