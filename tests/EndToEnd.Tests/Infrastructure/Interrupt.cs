namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// When <see cref="Cli.InterruptAsync"/> sends the CLI SIGINT, as Ctrl+C in a terminal does: once a line
/// it writes to stderr satisfies a predicate, or once it has used some processor time (so it is past
/// start-up and inside its command).
/// </summary>
public sealed class Interrupt
{
    private Interrupt(Func<string, bool>? onErrorLine, TimeSpan? processorTime, string description)
    {
        OnErrorLine = onErrorLine;
        ProcessorTime = processorTime;
        Description = description;
    }

    /// <summary>The stderr line that triggers it; null when the trigger is processor time.</summary>
    public Func<string, bool>? OnErrorLine { get; }

    /// <summary>The processor time that triggers it; null when the trigger is a stderr line.</summary>
    public TimeSpan? ProcessorTime { get; }

    /// <summary>How the test's command line shows it.</summary>
    public string Description { get; }

    public static Interrupt WhenErrorLine(Func<string, bool> predicate) => new(predicate, null, "Ctrl+C on a stderr line");

    public static Interrupt AfterProcessorTime(TimeSpan cpu) =>
        new(null, cpu, $"Ctrl+C after {cpu.TotalSeconds:F1} s of processor time");
}
