namespace ScaleSweep.Numerics.Models;

/// <summary>
/// One run of one configuration, advanced in chunks. The loss at step t is the exact population
/// loss v0^T Lambda v0 before update t. Advancing in any chunking, or snapshotting and restoring
/// between chunks, gives the same bits.
/// </summary>
public interface ISimulation
{
    SimulationConfig Config { get; }

    /// <summary>Number of updates applied so far.</summary>
    long Step { get; }

    /// <summary>
    /// Loss at <see cref="Step"/>. A model whose exact loss costs more than a step (the MLP on the circle)
    /// computes it at recorded steps only and holds its latest batch loss between them.
    /// </summary>
    double Loss { get; }

    SimulationStatus Status { get; }

    /// <summary>The step whose loss was non-finite or above the threshold, when diverged.</summary>
    long? DivergedAtStep { get; }

    /// <summary>The recorded points up to the current step (a copy).</summary>
    LossCurve Curve { get; }

    /// <summary>
    /// Applies up to <paramref name="maxSteps"/> updates, stopping early at the last step, at
    /// divergence or when <paramref name="cancellationToken"/> fires (checked between steps, so the
    /// state stays consistent). Returns the number applied.
    /// </summary>
    long Advance(long maxSteps, CancellationToken cancellationToken = default);

    /// <summary>The full state as a versioned, checksummed payload for <see cref="SimulationFactory.Restore"/>.</summary>
    byte[] Snapshot();
}
