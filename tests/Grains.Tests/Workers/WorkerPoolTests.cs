using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Workers;

namespace ScaleSweep.Grains.Tests.Workers;

/// <summary>The pool's one loop, with jobs whose work the test controls: no cluster, no storage.</summary>
public sealed class WorkerPoolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AJobThatThrowsEndsWithItsErrorAndThePoolRunsTheNextJob()
    {
        using WorkerPool pool = Pool(slots: 1);
        TestJob failing = pool.Enqueue(new TestJob("bad", _ => throw new InvalidOperationException("injected")));
        TestJob next = pool.Enqueue(new TestJob("good", _ => "done"));

        TestOutcome failed = await failing.Outcome.WaitAsync(Timeout);
        TestOutcome done = await next.Outcome.WaitAsync(Timeout);

        Assert.Equal("injected", Assert.IsType<InvalidOperationException>(failed.Error).Message);
        Assert.Null(failed.Value);
        Assert.Equal(WorkerJobPhase.Done, failing.Phase);
        Assert.Equal("done", done.Value);
        Assert.Equal(1, pool.Completed<TestJob>());
        Assert.Equal(2, pool.Started);
    }

    [Fact]
    public async Task AJobStoppedWhileQueuedNeverRunsNorTakesASlot()
    {
        using WorkerPool pool = Pool(slots: 1);
        using var gate = new ManualResetEventSlim();
        TestJob blocker = pool.Enqueue(new TestJob("blocker", _ => { gate.Wait(Timeout); return "blocker"; }));
        TestJob queued = pool.Enqueue(new TestJob("queued", _ => "ran"));
        await WaitFor(() => blocker.Phase == WorkerJobPhase.Running);
        Assert.Equal(WorkerJobPhase.Queued, queued.Phase);
        Assert.Equal((1, 1), (pool.Running, pool.Queued));

        queued.Stop();
        gate.Set();
        TestOutcome outcome = await queued.Outcome.WaitAsync(Timeout);

        Assert.True(outcome.Stopped);
        Assert.Equal(0, queued.Executions);
        Assert.Equal(WorkerJobPhase.Done, queued.Phase);
        Assert.Equal(1, pool.Started);
        Assert.Equal(1, pool.Completed<TestJob>());
        await WaitFor(() => pool.Running == 0 && pool.Queued == 0);
    }

    [Fact]
    public async Task ARunningJobSeesItsStopTokenAndIsNotCountedAsCompleted()
    {
        using WorkerPool pool = Pool(slots: 1);
        TestJob job = pool.Enqueue(new TestJob("long", stop =>
        {
            stop.WaitHandle.WaitOne(Timeout);
            return null!;
        }));
        await WaitFor(() => job.Phase == WorkerJobPhase.Running);

        job.Stop();
        TestOutcome outcome = await job.Outcome.WaitAsync(Timeout);

        Assert.Null(outcome.Value);
        Assert.Equal(1, job.Executions);
        Assert.Equal(0, pool.Completed<TestJob>());
    }

    [Fact]
    public async Task CountersAreKeptPerKindAndUpdatedBeforeTheOutcomeIsPublished()
    {
        using WorkerPool pool = Pool(slots: 2);
        long seenAtOutcome = -1;
        TestJob first = pool.Enqueue(new TestJob("a", _ => "a"));
        Task observed = first.Outcome.ContinueWith(_ => seenAtOutcome = pool.Completed<TestJob>(), TaskScheduler.Default);
        OtherTestJob other = pool.Enqueue(new OtherTestJob("b"));

        await Task.WhenAll(first.Outcome, other.Outcome, observed).WaitAsync(Timeout);

        Assert.Equal(1, seenAtOutcome);
        Assert.Equal(1, pool.Completed<TestJob>());
        Assert.Equal(1, pool.Completed<OtherTestJob>());
        Assert.Equal(0, pool.Completed<RunJob>());
        Assert.Equal(2, pool.Started);
        await WaitFor(() => pool.Running == 0 && pool.Queued == 0);
    }

    [Fact]
    public async Task AChangedHandlerThatThrowsDoesNotStopTheWorkers()
    {
        using WorkerPool pool = Pool(slots: 1);
        int changes = 0;
        pool.Changed += () =>
        {
            Interlocked.Increment(ref changes);
            throw new InvalidOperationException("handler fault");
        };

        TestJob first = pool.Enqueue(new TestJob("a", _ => "a"));
        TestJob second = pool.Enqueue(new TestJob("b", _ => "b"));

        Assert.Equal("a", (await first.Outcome.WaitAsync(Timeout)).Value);
        Assert.Equal("b", (await second.Outcome.WaitAsync(Timeout)).Value);

        // Queued, started and ended, for each of the two jobs.
        await WaitFor(() => Volatile.Read(ref changes) == 6);
    }

    [Fact]
    public void ADisposedPoolRefusesNewJobs()
    {
        WorkerPool pool = Pool(slots: 1);
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Enqueue(new TestJob("late", _ => "late")));
        Assert.Equal(0, pool.Queued);
    }

    private static WorkerPool Pool(int slots) =>
        new(Options.Create(new WorkerPoolOptions { Count = slots }), NullLogger<WorkerPool>.Instance);

    private static async Task WaitFor(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }
}
