using System.CommandLine;

namespace ScaleSweep.Client.Options;

/// <summary>
/// An option taking one integer &gt;= 1 or "inf", or a comma-separated list of them ("16,32,64"), for a size
/// one output reads once and another over a grid (N of theory's curve and of its floor); absent means one
/// infinite value. Each item is read as <see cref="BatchSize.IntegerOrInfinite"/> reads its one value.
/// </summary>
internal static class IntegerOrInfinityList
{
    /// <summary>How the help names the value.</summary>
    public const string HelpName = "integer,...|inf";

    public static Option<IReadOnlyList<IntegerOrInfinity>> Create(string name, string description, string range, string noun)
    {
        return OptionFactory.WithRange(new Option<IReadOnlyList<IntegerOrInfinity>>(name)
        {
            Description = description,
            HelpName = HelpName,
            DefaultValueFactory = _ => [IntegerOrInfinity.Infinity],
            CustomParser = result =>
            {
                string token = OptionFactory.SingleToken(result);
                string[] items = token.Split(',');
                var values = new IntegerOrInfinity[items.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    string item = items[i].Trim();
                    if (item.Length == 0 && items.Length > 1)
                    {
                        result.AddError($"{name}: '{token}' has an empty item: {range}");
                        return [IntegerOrInfinity.Infinity];
                    }

                    (IntegerOrInfinity value, string? error) = BatchSize.ParseItem(item, name, range, noun);
                    if (error is not null)
                    {
                        result.AddError(error);
                        return [IntegerOrInfinity.Infinity];
                    }

                    values[i] = value;
                }

                return values;
            },
        }, range);
    }
}
