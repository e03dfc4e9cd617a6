namespace ScaleSweep.Grains.Abstractions.Grains;

/// <summary>
/// Keys of a warm-up's scratch grains. A round of a warm-up has a partition of its own
/// (<c>warmup-{guid}-{round}</c>), which no run's partition (a configuration's fingerprint) can equal; its
/// groups are <c>{partition}/{group index}</c> and its runs <c>{partition}/{run key}</c>.
/// </summary>
public static class WarmupKeys
{
    /// <summary>The prefix of every warm-up partition.</summary>
    public const string Prefix = "warmup-";

    /// <summary>A new round's partition.</summary>
    public static string NewPartition(Guid warmup, int round) => $"{Prefix}{warmup:N}-{round}";

    /// <summary>Group <paramref name="group"/> of the round of <paramref name="partition"/>.</summary>
    public static string Group(string partition, int group) => $"{partition}/{group}";

    /// <summary>Run <paramref name="runKey"/> of the round of <paramref name="partition"/>.</summary>
    public static string Run(string partition, string runKey) => $"{partition}/{runKey}";

    /// <summary>The partition of a warm-up group's or run's key.</summary>
    public static string PartitionOf(string key)
    {
        int slash = key.IndexOf('/', StringComparison.Ordinal);
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || slash < 0)
        {
            throw new ArgumentException($"'{key}' is not a warm-up key ({Prefix}.../...).", nameof(key));
        }

        return key[..slash];
    }
}
