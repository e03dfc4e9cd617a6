using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>The list of sweeps (see <see cref="ISweepIndexGrain"/>).</summary>
public sealed class SweepIndexGrain(
    [PersistentState("index", StorageNames.Sweeps)] IPersistentState<SweepIndexState> state) : Grain, ISweepIndexGrain
{
    public async Task Add(SweepSummary sweep)
    {
        if (state.State.Sweeps.Exists(s => s.Id == sweep.Id))
        {
            return;
        }

        state.State.Sweeps.Add(sweep);
        await state.WriteStateAsync();
    }

    public Task<SweepSummary[]> List() =>
        Task.FromResult(state.State.Sweeps.OrderByDescending(s => s.CreatedAt).ToArray());
}
