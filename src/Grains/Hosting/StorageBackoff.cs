namespace ScaleSweep.Grains.Hosting;

/// <summary>
/// A grain's retry schedule for storage writes that failed (storage down, throttled): the first retry after
/// <see cref="First"/>, doubling up to <see cref="Max"/>, reset by a success. The data to write stays in
/// the grain's memory meanwhile, and the last error is shown to whoever asks for progress.
/// </summary>
internal sealed class StorageBackoff
{
    /// <summary>Delay before the first retry (the grains' poll period).</summary>
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest delay between two retries.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    private TimeSpan _delay = TimeSpan.Zero;
    private DateTime _retryAt = DateTime.MinValue;

    /// <summary>The last failure's message while storage is failing; null once a write succeeded.</summary>
    public string? Warning { get; private set; }

    /// <summary>True until the next retry is due.</summary>
    public bool IsWaiting => DateTime.UtcNow < _retryAt;

    /// <summary>A write succeeded: the next failure starts from <see cref="First"/> again.</summary>
    public void Succeeded()
    {
        _delay = TimeSpan.Zero;
        Warning = null;
    }

    /// <summary>A write failed with <paramref name="error"/>: returns the delay until the next try.</summary>
    public TimeSpan Failed(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Warning = error.GetBaseException().Message;
        _delay = _delay == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, Max.Ticks));
        _retryAt = DateTime.UtcNow + _delay;
        return _delay;
    }
}
