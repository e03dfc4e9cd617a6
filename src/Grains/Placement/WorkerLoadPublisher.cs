using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ScaleSweep.Grains.Hosting;
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
    ILogger<WorkerLoadPublisher> logger) : SiloLoop
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _poke = new(0);

    protected override void OnStarting()
    {
        view.SetLocalSlots(pool.Slots);
        pool.Changed += () => _poke.Release();
    }

    protected override async Task RunAsync()
    {
        IWorkerBoardGrain board = grains.GetGrain<IWorkerBoardGrain>(0);
        while (!Stopping.IsCancellationRequested)
        {
            try
            {
                var load = new WorkerLoad(silo.SiloAddress, pool.Slots, pool.Running + pool.Queued, DateTime.UtcNow);
                view.Refresh(await board.Post(load));
            }
            catch (Exception e) when (!Stopping.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not post worker load; retrying");
            }

            try
            {
                // Wake early on a pool change, but post at most every 100 ms.
                await _poke.WaitAsync(Period, Stopping);
                await Task.Delay(100, Stopping);
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
