using System.Globalization;
using System.Text.RegularExpressions;

namespace ScaleSweep.EndToEnd.Tests.MultiHost;

/// <summary>
/// What one host's silo log (deploy/netns/run/host&lt;i&gt;.log, one timestamped line per entry) says about
/// runs and membership: which runs it stored as completed, every write of a run's state, checkpoint or
/// curve, where resumed runs started, and when it saw another silo declared dead.
/// </summary>
public sealed partial class HostLog
{
    private HostLog(string host, IReadOnlyList<(DateTime Time, string Text)> lines)
    {
        Host = host;
        Lines = lines;
    }

    public string Host { get; }

    public IReadOnlyList<(DateTime Time, string Text)> Lines { get; }

    /// <summary>Run keys this silo stored as Completed, with when.</summary>
    public IEnumerable<(string Key, DateTime Time)> Completed => Matches(CompletedLine());

    /// <summary>Every write of a run's state, checkpoint or curve, with the run key.</summary>
    public IEnumerable<(string Key, DateTime Time)> Writes => Matches(WriteLine());

    /// <summary>Run keys this silo checkpointed (it computed them at some time).</summary>
    public IEnumerable<(string Key, DateTime Time)> Checkpoints => Matches(CheckpointLine());

    /// <summary>Run keys this silo handed to its worker pool (from step 0 or a checkpoint).</summary>
    public IEnumerable<(string Key, DateTime Time)> Queued => Matches(QueuedLine());

    /// <summary>Runs this silo was computing: queued or checkpointed here and not stored as completed here.</summary>
    public IReadOnlySet<string> Unfinished
    {
        get
        {
            var completed = Completed.Select(c => c.Key).ToHashSet();
            return Queued.Concat(Checkpoints).Select(c => c.Key).Where(k => !completed.Contains(k)).ToHashSet();
        }
    }

    /// <summary>Runs this silo resumed from a stored checkpoint, with the step.</summary>
    public IEnumerable<(string Key, long Step, DateTime Time)> Resumed =>
        Lines.Select(l => (l.Time, Match: ResumedLine().Match(l.Text))).Where(m => m.Match.Success)
            .Select(m => (m.Match.Groups[1].Value, long.Parse(m.Match.Groups[2].Value, CultureInfo.InvariantCulture), m.Time));

    /// <summary>When this silo first saw the silo at <paramref name="address"/> declared dead, if it did.</summary>
    public DateTime? SawDead(string address) => Lines
        .Where(l => l.Text.Contains($"Cluster membership: silo S{address}:", StringComparison.Ordinal) && l.Text.Contains(" is now Dead", StringComparison.Ordinal))
        .Select(l => (DateTime?)l.Time).FirstOrDefault();

    /// <summary>When this silo was told it is dead itself (Orleans' declared-dead shutdown), if it was.</summary>
    public DateTime? ToldDead => Lines
        .Where(l => l.Text.Contains("I have been told I am dead", StringComparison.Ordinal))
        .Select(l => (DateTime?)l.Time).FirstOrDefault();

    public static HostLog Read(string host, string path)
    {
        var lines = new List<(DateTime, string)>();
        foreach (string line in File.ReadLines(path))
        {
            // "2026-12-03T21:03:00.698Z dbug: Category[0] message"; continuation lines (stack traces) have no stamp.
            if (line.Length > 25 && line[24] == ' ' && DateTime.TryParseExact(line[..24], "yyyy-MM-ddTHH:mm:ss.fffZ",
                CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time))
            {
                lines.Add((time, line[25..]));
            }
        }

        return new HostLog(host, lines);
    }

    private IEnumerable<(string Key, DateTime Time)> Matches(Regex regex) =>
        Lines.Select(l => (l.Time, Match: regex.Match(l.Text))).Where(m => m.Match.Success).Select(m => (m.Match.Groups[1].Value, m.Time));

    [GeneratedRegex(@"RunGrain\[\d+\] Run ([0-9a-f]{64}) stored as Completed")]
    private static partial Regex CompletedLine();

    [GeneratedRegex(@"RunGrain\[\d+\] Run ([0-9a-f]{64}) (wrote its |checkpointed at step )")]
    private static partial Regex WriteLine();

    [GeneratedRegex(@"RunGrain\[\d+\] Run ([0-9a-f]{64}) checkpointed at step ")]
    private static partial Regex CheckpointLine();

    [GeneratedRegex(@"RunGrain\[\d+\] Run ([0-9a-f]{64}) queued from step ")]
    private static partial Regex QueuedLine();

    [GeneratedRegex(@"RunGrain\[\d+\] Run ([0-9a-f]{64}) resumes from its last checkpoint \(step (\d+)\)")]
    private static partial Regex ResumedLine();
}
