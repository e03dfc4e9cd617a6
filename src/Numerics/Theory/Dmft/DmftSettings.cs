using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The model whose expected loss curve the DMFT predicts: the power-law task (alpha, beta, M) of eq. 6,
/// richness gamma and learning rate eta of eq. 4, width N and batch B (each &gt;= 1 or +infinity), the
/// number of SGD steps T, and the number of training samples P (+infinity: online training, a fresh batch
/// every step; finite: full-batch gradient descent on one fixed set of P samples, Appendix D). The conventions
/// are the simulation's (<see cref="Models.ProjectedFast"/>, <see cref="Models.FiniteData.ProjectedFiniteData"/>):
/// f = w . A psi / N, w(0) = 0, A(0) i.i.d. N(0, 1).
/// </summary>
/// <param name="Alpha">Capacity exponent alpha &gt; 1.</param>
/// <param name="Beta">Source exponent beta &gt; 0.</param>
/// <param name="M">Number of modes of the task.</param>
/// <param name="Gamma">Richness gamma &gt;= 0 (0 = lazy).</param>
/// <param name="N">Width N &gt;= 1, or <see cref="double.PositiveInfinity"/>.</param>
/// <param name="Batch">Batch size B &gt;= 1, or <see cref="double.PositiveInfinity"/>.</param>
/// <param name="Eta">Learning rate eta &gt; 0.</param>
/// <param name="Steps">Last step T &gt;= 0; the curve covers steps 0..T.</param>
/// <param name="P">
/// Training samples P: an integer &gt;= 1, or <see cref="double.PositiveInfinity"/> (default, online training).
/// When finite, the batch is the whole set every step (B = +infinity here; the simulation's B = P) and the
/// curve is that of eq. 41 (<see cref="DataReuseDmft"/>), with the train loss beside the test loss.
/// </param>
public sealed record DmftSettings(
    double Alpha,
    double Beta,
    int M,
    double Gamma,
    double N,
    double Batch,
    double Eta,
    long Steps,
    double P = double.PositiveInfinity)
{
    /// <summary>
    /// A measured task replacing the power law (alpha, beta): its modes, summed exactly or in bins
    /// (<see cref="ModeQuadrature.Binned"/>); <see cref="M"/> must be its mode count, and <see cref="Alpha"/>,
    /// <see cref="Beta"/> are then only labels (any value, NaN for none). Null: the power law.
    /// </summary>
    public Spectrum? Spectrum { get; init; }

    /// <summary>Largest T the solvers accept (the infinite-width solver stores O(modes T) numbers).</summary>
    public const long MaxSteps = 10_000_000;

    /// <summary>True when N, B and P are all infinite (eq. 43-44 apply).</summary>
    public bool IsInfinite => double.IsPositiveInfinity(N) && double.IsPositiveInfinity(Batch) && !IsFiniteData;

    /// <summary>True when the model trains on a finite set of <see cref="P"/> samples (eq. 41 applies).</summary>
    public bool IsFiniteData => !double.IsPositiveInfinity(P);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Spectrum is null)
        {
            TheoryArguments.Alpha(Alpha);
            TheoryArguments.Beta(Beta);
        }

        TheoryArguments.IntegerInRange(M, 1, SpectrumValidation.MaxModes, "M", "number of modes");
        if (Spectrum is not null && Spectrum.M != M)
        {
            throw TheoryArguments.OutOfRange(M, "M", $"the spectrum's mode count, {Spectrum.M}");
        }

        TheoryArguments.Gamma(Gamma);
        TheoryArguments.SizeOrInfinity(N, "N");
        TheoryArguments.SizeOrInfinity(Batch, "B");
        TheoryArguments.FiniteAbove(Eta, 0.0, "eta", "learning rate");
        if (Steps < 0 || Steps > MaxSteps)
        {
            throw TheoryArguments.OutOfRange(Steps, "steps", $"an integer in [0, {MaxSteps}]");
        }

        if (IsFiniteData)
        {
            if (!double.IsFinite(P) || P < 1.0 || P != Math.Floor(P))
            {
                throw TheoryArguments.OutOfRange(P, "P", "an integer >= 1 or +infinity", "the number of training samples; infinity is online training");
            }

            if (!double.IsPositiveInfinity(Batch))
            {
                throw TheoryArguments.OutOfRange(
                    Batch, "B", $"+infinity when P is finite (P = {TheoryArguments.Format(P)})", "the DMFT of eq. 41 is full-batch gradient descent on the whole training set, the simulation's B = P");
            }
        }
    }
}
