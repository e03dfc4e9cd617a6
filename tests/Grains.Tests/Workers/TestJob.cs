using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Tests.Workers;

/// <summary>How a <see cref="TestJob"/> ended.</summary>
public sealed record TestOutcome(string? Value, Exception? Error, bool Stopped);

/// <summary>A job whose work is a delegate, so a test decides what the worker does (block, throw, return).</summary>
public class TestJob(string key, Func<CancellationToken, string> work) : WorkerJob<TestOutcome>(key)
{
    private int _executions;

    /// <summary>Times a worker ran the work.</summary>
    public int Executions => Volatile.Read(ref _executions);

    public override string Noun => "Test job";

    protected override TestOutcome Execute(WorkerContext context)
    {
        Interlocked.Increment(ref _executions);
        return new TestOutcome(work(StopToken), null, Stopped: false);
    }

    protected override TestOutcome StoppedBeforeStart() => new(null, null, Stopped: true);

    protected override TestOutcome Failed(Exception error) => new(null, error, Stopped: false);

    protected override bool RanToEnd(TestOutcome outcome) => outcome.Value is not null;
}

/// <summary>A second kind of job, to tell the pool's per-kind counters apart.</summary>
public sealed class OtherTestJob(string key) : TestJob(key, _ => "other");
