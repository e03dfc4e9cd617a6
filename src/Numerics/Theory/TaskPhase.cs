namespace ScaleSweep.Numerics.Theory;

/// <summary>
/// Task difficulty of a power-law task (Section 2 and Table 1 of Bordelon, Atanasov and Pehlevan 2024).
/// The phase decides which two terms of the sum of power laws (eq. 8-9) balance at the compute optimum.
/// </summary>
public enum TaskPhase
{
    /// <summary>beta &lt; 1: the target has infinite RKHS norm (eq. 7); feature learning improves the exponents.</summary>
    Hard,

    /// <summary>1 &lt;= beta &lt; 2 - 1/alpha: gradient flow balances the finite-N transient at the compute optimum.</summary>
    Easy,

    /// <summary>beta &gt;= 2 - 1/alpha: the finite-N and SGD transients balance at the compute optimum.</summary>
    SuperEasy,
}
