using System.Globalization;

namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>The key of a group grain: the sweep id and the group's index in grid order, "{sweepId}/{group}".</summary>
public static class GroupKeys
{
    /// <summary>The key of group <paramref name="group"/> of sweep <paramref name="sweepId"/>.</summary>
    public static string Of(string sweepId, int group)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweepId);
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        return sweepId + "/" + group.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The sweep id and group index of <paramref name="key"/>.</summary>
    /// <exception cref="FormatException">Not a group key.</exception>
    public static (string SweepId, int Group) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int slash = key.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int group))
        {
            throw new FormatException($"'{key}' is not a group key (sweep id/group index).");
        }

        return (key[..slash], group);
    }
}
