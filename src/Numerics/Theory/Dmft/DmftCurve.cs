namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The DMFT's expected loss curve at the recorded steps, with what the solver did to get it.
/// </summary>
/// <param name="Steps">Recorded steps: <see cref="Models.LogGrid.Steps"/> of T, as simulations record.</param>
/// <param name="Loss">Expected loss L(t) = C0(t, t) (eq. 5, 22) at each recorded step.</param>
/// <param name="WeightNormPerWidth">C_w(t, t) = |w(t)|^2 / N at each recorded step.</param>
/// <param name="ModesUsed">Representative modes summed over.</param>
/// <param name="ModesExact">True when the modes are the task itself (no quadrature).</param>
/// <param name="TimePoints">Time points solved for (every step 0..T).</param>
/// <param name="Iterations">Sweeps over the time grid (1: the causal equations are solved by forward substitution).</param>
/// <param name="Residual">Largest defect of the closed equations at the solution, relative (0 when not measured).</param>
/// <param name="Solver">Which equations were solved.</param>
public sealed record DmftCurve(
    long[] Steps,
    double[] Loss,
    double[] WeightNormPerWidth,
    int ModesUsed,
    bool ModesExact,
    long TimePoints,
    int Iterations,
    double Residual,
    string Solver)
{
    /// <summary>
    /// Training on a finite set of P samples (eq. 41): the expected train loss C_1(t, t) = E |Psi v0(t)|^2 / P at
    /// the same steps as <see cref="Loss"/> (the test loss). Empty for online training, where every batch is fresh.
    /// </summary>
    public double[] TrainLoss { get; init; } = [];

    /// <summary>The time grid solved on, in words: "uniform, every step" or the geometric grid's description.</summary>
    public string TimeGrid { get; init; } = "uniform, every step";

    /// <summary>
    /// Geometric grid only: the first solved step where eta lambda_max (1 + gamma C_w(t,t)) &gt;= 2, i.e. where
    /// the SGD recursion's top mode is past its step-size stability limit, so SGD (and the uniform solution)
    /// leave the gradient flow; null when not reached. |w|^2/N grows without bound on hard tasks
    /// (t^(1 - 2 beta/(1 + beta))), so a long enough rich run always gets there.
    /// </summary>
    public long? StepStabilityLimit { get; init; }
}
