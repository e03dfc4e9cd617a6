using Orleans.Runtime;

namespace ScaleSweep.Grains.Hosting;

/// <summary>
/// A loop that runs beside a silo from the moment it is active until it stops, off the grain scheduler:
/// the shape every per-silo background service here shares (the worker-load publisher, the membership
/// log). Stopping cancels <see cref="Stopping"/> and waits for the loop within the silo's stop budget.
/// </summary>
public abstract class SiloLoop : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>Cancelled when the silo stops.</summary>
    protected CancellationToken Stopping => _stop.Token;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, Start, Stop);

    /// <summary>What runs before the loop starts, on the lifecycle's own call.</summary>
    protected virtual void OnStarting()
    {
    }

    /// <summary>The loop; returns when <see cref="Stopping"/> is cancelled.</summary>
    protected abstract Task RunAsync();

    private Task Start(CancellationToken cancellationToken)
    {
        OnStarting();
        _loop = Task.Run(RunAsync);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
