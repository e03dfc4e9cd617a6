using ScaleSweep.Sweeps.Reports;
using static ScaleSweep.Client.Reports.CsvValues;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// seeds.csv: every seed's loss curve in long format, one row per group, seed and recorded step, groups in
/// report order and seeds in the spec's order, beside curves.csv's seed means. Written one group at a time
/// (<see cref="WriteGroup"/>), as the groups are fetched, so a sweep of 100,000 runs never has every curve
/// in memory. Same conventions as curves.csv: invariant culture, round-trip numbers, B as "inf", "\n".
/// </summary>
internal static class SeedsCsv
{
    /// <summary>The file name inside a report directory.</summary>
    public const string FileName = "seeds.csv";

    /// <summary>The header line: the group's configuration, then the seed, the step, its loss and whether the seed diverged.</summary>
    public const string Header = GroupHeader + ",seed,step,loss,diverged,train_loss";

    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
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
