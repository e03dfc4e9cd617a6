using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reports.CsvValues;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// seeds.csv: every seed's loss curve in long format, one row per group, seed and recorded step, groups in
/// report order and seeds in the spec's order, beside curves.csv's seed means. Written one group at a time
/// (<see cref="WriteGroup"/>), as the groups are fetched, so a sweep of 100,000 runs never has every curve
/// in memory. Same conventions as curves.csv: invariant culture, round-trip numbers, B as "inf", "\n", and for an
/// mlp-circle sweep the same q, qPhi and depth columns after the group's others.
/// </summary>
internal static class SeedsCsv
{
    /// <summary>The file name inside a report directory.</summary>
    public const string FileName = "seeds.csv";

    /// <summary>The columns after the group's: the seed, the step, its loss, whether the seed diverged and the train loss.</summary>
    public const string SeedHeader = "seed,step,loss,diverged,train_loss";

    /// <summary>The header line of every model but mlp-circle: the group's configuration, then <see cref="SeedHeader"/>.</summary>
    public const string Header = GroupHeader + "," + SeedHeader;

    /// <summary>The header line of a report of <paramref name="model"/> (<see cref="Header"/> with the MLP's columns for mlp-circle).</summary>
    public static string HeaderOf(string model) => GroupHeaderOf(model) + "," + SeedHeader;

    /// <summary>The header line for a report of <paramref name="model"/>, as <see cref="WriteGroup"/> writes its rows.</summary>
    public static void WriteHeader(string model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(HeaderOf(model));
        writer.Write('\n');
    }

    /// <summary>The rows of one group: each seed's recorded steps (a diverged seed's up to where it stopped).</summary>
    /// <param name="model">The report's model ("projected", "linear-network" or "mlp-circle").</param>
    /// <param name="group">The group's curves, each with its seed.</param>
    /// <param name="writer">Where the rows go.</param>
    /// <exception cref="ArgumentException">A curve without its seed.</exception>
    public static void WriteGroup(string model, GroupSeedCurves group, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(writer);
        string prefix = GroupPrefix(model, group.Config);
        foreach (StoredSeedCurve curve in group.Seeds)
        {
            ulong seed = curve.Seed ?? throw new ArgumentException($"Group {group.Group} has a curve without its seed.", nameof(group));
            string seedPrefix = prefix + seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";
            string diverged = curve.Diverged ? ",true," : ",false,";
            double[]? train = curve.TrainLoss is { Length: > 0 } t && t.Length == curve.Steps.Length ? t : null;
            for (int k = 0; k < curve.Steps.Length; k++)
            {
                writer.Write(seedPrefix);
                writer.Write(Integer(curve.Steps[k]));
                writer.Write(',');
                writer.Write(Number(curve.Loss[k]));
                writer.Write(diverged);
                if (train is not null)
                {
                    writer.Write(Number(train[k]));
                }

                writer.Write('\n');
            }
        }
    }
}
