using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ScaleSweep.Grains.Workers;

using ScaleSweep.Grains.Abstractions.Grains;

namespace ScaleSweep.Grains.Placement;

/// <summary>
/// Posts this silo's worker load to the <see cref="IWorkerBoardGrain"/> every second (and soon after
/// a job starts or ends) and copies the board into <see cref="ClusterLoadView"/>.
/// </summary>
public sealed class WorkerLoadPublisher(
    WorkerPool pool,
    ClusterLoadView view,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    ILogger<WorkerLoadPublisher> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _poke = new(0);
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WorkerLoadPublisher), ServiceLifecycleStage.Active, Start, Stop);

    private Task Start(CancellationToken cancellationToken)
    {
        view.SetLocalSlots(pool.Slots);
        pool.Changed += () => _poke.Release();
        _loop = Task.Run(Loop);
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

    private async Task Loop()
    {
        IWorkerBoardGrain board = grains.GetGrain<IWorkerBoardGrain>(0);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var load = new WorkerLoad(silo.SiloAddress, pool.Slots, pool.Running + pool.Queued, DateTime.UtcNow);
                view.Refresh(await board.Post(load));
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not post worker load; retrying");
            }

            try
            {
                // Wake early on a pool change, but post at most every 100 ms.
                await _poke.WaitAsync(Period, _stop.Token);
                await Task.Delay(100, _stop.Token);
                while (_poke.CurrentCount > 0)
                {
                    await _poke.WaitAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
