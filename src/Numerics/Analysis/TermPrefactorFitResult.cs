using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>The fitted prefactors of eq. 8-9's four terms (<see cref="TermPrefactorFit"/>), each &gt;= 0.</summary>
/// <param name="GradientFlow">a of a t^-(beta m).</param>
/// <param name="ModelBottleneck">b of b N^-(alpha min(2, beta)).</param>
/// <param name="FiniteNTransient">c of c (1/N) t^-((1-1/alpha) m).</param>
/// <param name="SgdTransient">d of d (eta/B) t^-((2-1/alpha) m).</param>
/// <param name="RmsRelativeError">Root mean square of (fit - loss)/loss over the fitted points.</param>
/// <param name="Points">Points fitted.</param>
public sealed record TermPrefactorFitResult(
    double GradientFlow, double ModelBottleneck, double FiniteNTransient, double SgdTransient, double RmsRelativeError, int Points)
{
    /// <summary>The four fitted terms at one time for one curve's N and B.</summary>
    public PowerLawTerms At(double t, double alpha, double beta, double gamma, double n, double b, double eta)
    {
        PowerLawTerms unit = SumOfPowerLaws.Terms(t, alpha, beta, gamma, n, b, eta);
        return new PowerLawTerms(
            GradientFlow * unit.GradientFlow, ModelBottleneck * unit.ModelBottleneck, FiniteNTransient * unit.FiniteNTransient, SgdTransient * unit.SgdTransient);
    }
}
