using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory;

namespace ScaleSweep.Sweeps.Reports;

/// <summary>The paper's exponents for the groups and frontiers of a report, with the phase text that explains them.</summary>
internal static class PredictedExponents
{
    /// <summary>The time exponent chi of eq. 10-11 for the group's (beta, gamma).</summary>
    /// <remarks>
    /// The paper derives no time exponent for the linear network; Appendix G.2 observes t^-2beta/(1+beta)
    /// for beta &lt; 1 and t^-beta above, which is the projected model's rich exponent. That is what the
    /// code has, so it is reported, and the phase text says where it comes from.
    /// </remarks>
    public static PredictedExponent Time(ModelKind model, double alpha, double beta, double gamma)
    {
        double chi = Exponents.TimeExponent(beta, gamma);
        string phase = PhaseName(Exponents.Phase(alpha, beta));
        if (model == ModelKind.LinearNetwork)
        {
            // Short: it is a table cell. docs/reports.md (groups[].phase) says the rest (no closed form; the rate App. G.2 observes).
            phase += "; linear network: observed rate, App. G.2";
        }

        return new PredictedExponent(chi, phase, Regime(gamma));
    }

    /// <summary>Table 1's compute-optimal r_C for the frontier's (alpha, beta) and lazy or rich gamma.</summary>
    /// <remarks>
    /// Table 1 is derived for the projected model, whose width bottleneck N^-(alpha min(2, beta)) sets the
    /// trade-off; the linear network has no such bottleneck, so there the value is only a reference.
    /// </remarks>
    public static PredictedExponent ComputeOptimal(ModelKind model, FrontierConfig config)
    {
        double rc = Exponents.ComputeOptimal(config.Alpha, config.Beta, config.Gamma);
        string phase = PhaseName(Exponents.Phase(config.Alpha, config.Beta));
        if (model == ModelKind.LinearNetwork)
        {
            phase += "; linear network: Table 1 of the projected model, a reference only";
        }

        return new PredictedExponent(rc, phase, Regime(config.Gamma));
    }

    /// <summary>
    /// The data bottleneck of eq. 78, L(t -> infinity, P) ~ P^-(alpha min(2, beta)), for a data-scaling line.
    /// The paper derives it as the model bottleneck of eq. 76, for lazy and rich training alike.
    /// </summary>
    public static PredictedExponent Data(DataScalingConfig config) => new(
        Exponents.ModelBottleneck(config.Alpha, config.Beta),
        PhaseName(Exponents.Phase(config.Alpha, config.Beta)),
        Regime(config.Gamma));

    /// <summary>"hard", "easy" or "super-easy", as `scalesweep theory` writes them.</summary>
    public static string PhaseName(TaskPhase phase) => phase switch
    {
        TaskPhase.Hard => "hard",
        TaskPhase.Easy => "easy",
        _ => "super-easy",
    };

    private static string Regime(double gamma) => gamma > 0.0 ? "rich" : "lazy";
}
