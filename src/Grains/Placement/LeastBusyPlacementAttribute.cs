using Orleans.Placement;

namespace ScaleSweep.Grains.Placement;

/// <summary>Marks a grain class for <see cref="LeastBusyPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class LeastBusyPlacementAttribute() : PlacementAttribute(LeastBusyPlacement.Singleton);
