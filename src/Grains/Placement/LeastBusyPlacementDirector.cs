using Orleans.Runtime.Placement;

namespace ScaleSweep.Grains.Placement;

/// <summary>Places grains marked <see cref="LeastBusyPlacementAttribute"/> (see <see cref="LeastBusyPlacement"/>).</summary>
public sealed class LeastBusyPlacementDirector(ClusterLoadView view) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        SiloAddress[] compatible = context.GetCompatibleSilos(target);
        Array.Sort(compatible);
        return Task.FromResult(view.Choose(compatible));
    }
}
