namespace ScaleSweep.Sweeps.Dmft;

/// <summary>
/// Where a DMFT curve stands, as its grain reports it. A solve is deterministic and has no steps to blow
/// up, so unlike a run it never diverges; a solve that throws fails at once (it would throw again).
/// </summary>
[GenerateSerializer]
public enum DmftCurveStatus
{
    /// <summary>Not asked for yet.</summary>
    Pending,

    /// <summary>Handed to a worker pool, waiting for a slot.</summary>
    Queued,

    /// <summary>Being solved on a worker slot.</summary>
    Solving,

    /// <summary>Solved and stored.</summary>
    Completed,

    /// <summary>The solver threw; the error says why.</summary>
    Failed,

    /// <summary>No sweep wants it any more; its solve was stopped.</summary>
    Cancelled,
}
