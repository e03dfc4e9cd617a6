namespace ScaleSweep.Numerics.Models;

/// <summary>Where a simulation stands.</summary>
public enum SimulationStatus
{
    Running,
    Completed,

    /// <summary>The loss became non-finite or exceeded <see cref="SimulationConfig.DivergenceThreshold"/>.</summary>
    Diverged,
}
