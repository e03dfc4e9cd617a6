using System.Globalization;
using System.Text.RegularExpressions;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>One line of a silo's console log: "2026-01-02T03:04:05.678Z info: Category[0] message".</summary>
public sealed record SiloLogLine(string Source, DateTime Time, string Level, string Category, string Message);

/// <summary>What a run grain logged about one run (see RunGrain: debug and information messages).</summary>
public enum RunEventKind
{
    /// <summary>"Run K queued from step S": the job was handed to the silo's workers.</summary>
    Queued,

    /// <summary>"Run K resumes from its last checkpoint (step S)": an activation found the run unfinished.</summary>
    Resumed,

    /// <summary>"Run K stored as Completed|Diverged|Failed": the outcome is in storage.</summary>
    Stored,

    /// <summary>"Run K checkpointed at step S": its checkpoint and the table row naming it are in storage.</summary>
    Checkpointed,

    /// <summary>
    /// "Run K could not store its state on deactivation (...)": a leaving silo's final snapshot was not stored,
    /// e.g. because a new activation elsewhere had written the run's row first.
    /// </summary>
    StoreLost,
}

/// <summary>A run grain's log line: the run key, what happened, the step (Queued, Resumed) or status (Stored).</summary>
public sealed record RunEvent(string Source, DateTime Time, RunEventKind Kind, string Key, long Step, string? Status);

/// <summary>Reads silo console logs written with <see cref="TimestampFormat"/> and single-line messages.</summary>
public static partial class SiloLog
{
    /// <summary>The console formatter's timestamp format the tests' silos log with (UTC).</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static IReadOnlyList<SiloLogLine> Parse(string text, string source)
    {
        var lines = new List<SiloLogLine>();
        foreach (string raw in text.Split('\n'))
        {
            Match match = LinePattern().Match(raw);
            if (match.Success && DateTime.TryParseExact(match.Groups[1].Value, TimestampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time))
            {
                lines.Add(new SiloLogLine(source, time, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value.TrimEnd('\r')));
            }
        }

        return lines;
    }

    /// <summary>The run grains' events in the lines, in the order logged.</summary>
    public static IReadOnlyList<RunEvent> RunEvents(IEnumerable<SiloLogLine> lines)
    {
        var events = new List<RunEvent>();
        foreach (SiloLogLine line in lines)
        {
            if (!line.Category.EndsWith("RunGrain", StringComparison.Ordinal))
            {
                continue;
            }

            if (QueuedPattern().Match(line.Message) is { Success: true } queued)
            {
                events.Add(new RunEvent(line.Source, line.Time, RunEventKind.Queued, queued.Groups[1].Value, long.Parse(queued.Groups[2].Value, CultureInfo.InvariantCulture), null));
            }
            else if (ResumedPattern().Match(line.Message) is { Success: true } resumed)
            {
                events.Add(new RunEvent(line.Source, line.Time, RunEventKind.Resumed, resumed.Groups[1].Value, long.Parse(resumed.Groups[2].Value, CultureInfo.InvariantCulture), null));
            }
            else if (StoredPattern().Match(line.Message) is { Success: true } stored)
            {
                events.Add(new RunEvent(line.Source, line.Time, RunEventKind.Stored, stored.Groups[1].Value, 0, stored.Groups[2].Value));
            }
            else if (StoreLostPattern().Match(line.Message) is { Success: true } lost)
            {
                events.Add(new RunEvent(line.Source, line.Time, RunEventKind.StoreLost, lost.Groups[1].Value, 0, null));
            }
            else if (CheckpointedPattern().Match(line.Message) is { Success: true } checkpointed)
            {
                events.Add(new RunEvent(line.Source, line.Time, RunEventKind.Checkpointed, checkpointed.Groups[1].Value, long.Parse(checkpointed.Groups[2].Value, CultureInfo.InvariantCulture), null));
            }
        }

        return events;
    }

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (\w+): ([^\s\[]+)\[\d+\] (.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^Run ([0-9a-f]{64}) queued from step (\d+)$")]
    private static partial Regex QueuedPattern();

    [GeneratedRegex(@"^Run ([0-9a-f]{64}) resumes from its last checkpoint \(step (\d+)\)$")]
    private static partial Regex ResumedPattern();

    [GeneratedRegex(@"^Run ([0-9a-f]{64}) stored as (\w+)$")]
    private static partial Regex StoredPattern();

    [GeneratedRegex(@"^Run ([0-9a-f]{64}) checkpointed at step (\d+)$")]
    private static partial Regex CheckpointedPattern();

    [GeneratedRegex(@"^Run ([0-9a-f]{64}) could not store its state on deactivation")]
    private static partial Regex StoreLostPattern();
}
