namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Waiting in a test for what a cluster does in its own time.</summary>
public static class Poll
{
    /// <summary>How long a test waits for a small sweep on two busy cores.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Asks <paramref name="condition"/> every 100 ms until it holds; fails with <paramref name="failure"/>
    /// (by default "timed out") after <paramref name="timeout"/> (by default <see cref="DefaultTimeout"/>).
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<Task<string>>? failure = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail(failure is null ? "timed out" : await failure());
            }

            await Task.Delay(100);
        }
    }
}
