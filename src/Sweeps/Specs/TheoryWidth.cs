namespace ScaleSweep.Sweeps.Specs;

/// <summary>Which width and batch a sweep's DMFT theory curves are computed at.</summary>
public enum TheoryWidth
{
    /// <summary>Each group's own N and B (the finite-width equations 26-31 when either is finite).</summary>
    Matched = 0,

    /// <summary>N, B -&gt; infinity (eq. 43-44): one curve per (alpha, beta, gamma, eta), shared by every N and B.</summary>
    Infinite = 1,
}
