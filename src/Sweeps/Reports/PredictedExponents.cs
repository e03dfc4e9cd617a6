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

    /// <summary>
    /// The time exponent of a group: for the MLP on the circle chi = beta max(1, 2/(1+beta)) of eq. 14's beta, the rich
    /// exponent, since every run has gamma_0 &gt; 0; the phase text adds eq. 14, the NTK's measured decay beside
    /// alpha = 2 q_phi, and that a small gamma_0 only approaches the lazy chi = beta. Other models as <see cref="Time(ModelKind, double, double, double)"/>.
    /// </summary>
    public static PredictedExponent Time(ModelKind model, GroupConfig group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Mlp is not { } mlp)
        {
            return Time(model, group.Alpha, group.Beta, group.Gamma);
        }

        double chi = Exponents.TimeExponent(group.Beta, group.Gamma);
        double lazy = Exponents.TimeExponent(group.Beta, 0.0);
        string phase = PhaseName(Exponents.Phase(group.Alpha, group.Beta))
            + "; eq. 14: alpha = 2 qPhi, beta = (2q-1)/(2 qPhi); " + KernelNote(mlp.QPhi, mlp.Depth)
            + (chi == lazy ? string.Empty : FormattableString.Invariant($"; small gamma0 approaches the lazy chi = beta = {lazy:0.####}"));
        return new PredictedExponent(chi, phase, Regime(group.Gamma));
    }

    /// <summary>E.g. "kernel: lambda_k ~ k^-1.99 (2 qPhi = 2)", the NTK's decay over k = 16..128 (<see cref="MlpKernelDecay"/>).</summary>
    public static string KernelNote(double qPhi, int depth)
    {
        MlpKernelDecay.Fit fit = MlpKernelDecay.Of(qPhi, depth);
        string alpha = FormattableString.Invariant($"2 qPhi = {2 * qPhi:0.####}");
        if (double.IsNaN(fit.Exponent))
        {
            return $"kernel: too few nonzero lambda_k at k = {MlpKernelDecay.FirstHarmonic}..{MlpKernelDecay.LastHarmonic} to fit ({alpha})";
        }

        string which = fit.Used == fit.Harmonics ? string.Empty : $", {fit.Used} of {fit.Harmonics} harmonics nonzero";
        return FormattableString.Invariant($"kernel: lambda_k ~ k^-{fit.Exponent:0.00} ({alpha}{which})");
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
        else if (model == ModelKind.MlpCircle)
        {
            phase += "; mlp-circle: Table 1 of the projected model at eq. 14's alpha, beta, a reference only";
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
