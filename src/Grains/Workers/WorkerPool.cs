using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace ScaleSweep.Grains.Workers;

/// <summary>
/// The silo's workers: dedicated threads, one per configured slot, that run <see cref="WorkerJob"/>s
/// (simulations, DMFT solves) off Orleans' scheduler and off the .NET thread pool the scheduler runs on,
/// so grain calls stay fast while every core computes. The job does its own work; the pool queues it,
/// counts it, raises <see cref="Changed"/> and publishes its outcome.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    // Every kind of job shares the queue and the threads: all are CPU work, and one slot per core keeps
    // any kind from starving the machine.
    private readonly BlockingCollection<WorkerJob> _queue = new(new ConcurrentQueue<WorkerJob>());
    private readonly ConcurrentDictionary<Type, StrongBox<long>> _completed = new();
    private readonly ILogger<WorkerPool> _logger;
    private readonly WorkerContext _context;
    private readonly Thread[] _threads;
    private int _queued;
    private int _running;
    private long _started;

    /// <param name="options">Slots and checkpoint settings.</param>
    /// <param name="logger">Where jobs that throw are reported.</param>
    /// <param name="silo">The silo this pool runs in, for telemetry tags; null outside a silo.</param>
    public WorkerPool(IOptions<WorkerPoolOptions> options, ILogger<WorkerPool> logger, ILocalSiloDetails? silo = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        Options = options.Value;
        Silo = silo is null ? null : string.Create(CultureInfo.InvariantCulture, $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}");
        _context = new WorkerContext(Silo, logger);
        _threads = new Thread[Options.EffectiveCount];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(WorkLoop) { IsBackground = true, Name = $"scalesweep-worker-{i}" };
            _threads[i].Start();
        }
    }

    public WorkerPoolOptions Options { get; }

    /// <summary>The silo's endpoint ("address:port"), the tag of its telemetry; null outside a silo.</summary>
    public string? Silo { get; }

    /// <summary>Jobs this silo computes at once.</summary>
    public int Slots => _threads.Length;

    /// <summary>Jobs waiting for a worker.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Jobs being computed now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Jobs started since the silo started (a resumed run counts again; a job stopped while queued does not).</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Raised on a worker thread whenever a job is queued, starts or ends.</summary>
    public event Action? Changed;

    /// <summary>
    /// Jobs of kind <typeparamref name="TJob"/> this silo ran to their end since it started (simulations to
    /// their last step or divergence, DMFT solves to their curve), for tests and diagnostics.
    /// </summary>
    public long Completed<TJob>()
        where TJob : WorkerJob =>
        _completed.TryGetValue(typeof(TJob), out StrongBox<long>? count) ? Interlocked.Read(ref count.Value) : 0;

    /// <summary>Queues <paramref name="job"/>; it starts when a worker is free. Returns at once.</summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed (the silo is shutting down).</exception>
    public TJob Enqueue<TJob>(TJob job)
        where TJob : WorkerJob
    {
        ArgumentNullException.ThrowIfNull(job);
        Interlocked.Increment(ref _queued);
        if (!TryAdd(job))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(WorkerPool), "The silo is shutting down.");
        }

        RaiseChanged();
        return job;
    }

    public void Dispose() => _queue.CompleteAdding();

    private bool TryAdd(WorkerJob job)
    {
        try
        {
            return _queue.TryAdd(job);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void WorkLoop()
    {
        foreach (WorkerJob job in _queue.GetConsumingEnumerable())
        {
            Run(job);
        }
    }

    private void Run(WorkerJob job)
    {
        Interlocked.Decrement(ref _queued);
        if (job.IsStopRequested)
        {
            // Stopped while queued: it never takes a slot.
            job.Skip();
            job.Finish();
            RaiseChanged();
            return;
        }

        Interlocked.Increment(ref _running);
        Interlocked.Increment(ref _started);
        job.MarkRunning();
        RaiseChanged();

        // Work never throws: a job that fails ends with an outcome that says so.
        bool ranToEnd = job.Work(_context);
        Interlocked.Decrement(ref _running);
        if (ranToEnd)
        {
            Interlocked.Increment(ref _completed.GetOrAdd(job.GetType(), _ => new StrongBox<long>()).Value);
        }

        // Published after the counters: whoever awaits the outcome sees them updated.
        job.Finish();
        RaiseChanged();
    }

    // A handler that throws must not take a worker thread down with it.
    private void RaiseChanged()
    {
        try
        {
            Changed?.Invoke();
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "A worker pool Changed handler threw");
        }
    }
}
