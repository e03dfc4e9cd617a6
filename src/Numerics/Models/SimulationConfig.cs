using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// Everything that determines one run. A run's result is a function of this record alone.
/// </summary>
/// <param name="Model">Which model.</param>
/// <param name="Alpha">Capacity exponent alpha &gt; 1 of the power-law task (eq. 6).</param>
/// <param name="Beta">Source exponent beta &gt; 0 of the power-law task (eq. 6).</param>
/// <param name="M">Number of modes of the task.</param>
/// <param name="Gamma">Richness gamma of eq. 4 (0 = lazy), or gamma_0 of the linear network (&gt; 0).</param>
/// <param name="N">Width: number of learned features.</param>
/// <param name="Batch">SGD batch size B; null means infinite (population gradient, Psi^T Psi / B -&gt; Lambda).</param>
/// <param name="Eta">Learning rate eta; the default 0.05 is stable for the paper's settings (see docs/numerics.md).</param>
/// <param name="Steps">Number of SGD steps T; the curve is recorded up to and including step T.</param>
/// <param name="Seed">Seed of every random draw of the run (A0, w0, batches).</param>
/// <param name="PointsPerDecade">Log-spaced recording density of the loss curve.</param>
/// <param name="Sampler">Batch sampler; both are exact, the reference is literal and slow.</param>
public sealed record SimulationConfig(
    ModelKind Model,
    double Alpha,
    double Beta,
    int M,
    double Gamma,
    int N,
    long? Batch,
    double Eta,
    long Steps,
    ulong Seed,
    int PointsPerDecade = SimulationConfig.DefaultPointsPerDecade,
    Sampler Sampler = Sampler.Fast)
{
    public const double DefaultEta = 0.05;
    public const int DefaultPointsPerDecade = 10;

    /// <summary>A loss above this (or non-finite) stops the run as diverged.</summary>
    public const double DivergenceThreshold = 1e8;

    /// <summary>
    /// Bumped whenever a change to the numerics would change any run's bits, so stored results of
    /// older code are never mistaken for results of this one.
    /// </summary>
    public const int NumericsVersion = 1;

    /// <summary>A measured spectrum that replaces the power-law task; Alpha and Beta then only label it for theory.</summary>
    public Spectrum? CustomSpectrum { get; init; }

    /// <summary>
    /// Number of training samples P (Appendix D): the run trains on one fixed set Psi in R^{P x M} drawn
    /// from its seed, reused every step, with <see cref="Batch"/> = P for full-batch gradient descent and
    /// B &lt; P for multi-pass SGD. Null (P = infinity) is online training, a fresh batch every step.
    /// </summary>
    public long? P { get; init; }

    /// <summary>
    /// The MLP on the circle's own fields (q, q_phi, depth, K), for <see cref="ModelKind.MlpCircle"/> only; build
    /// such a configuration with <see cref="ForMlpCircle"/>, which fills <see cref="Alpha"/>, <see cref="Beta"/> and
    /// <see cref="M"/> from them (eq. 14, M = K). <see cref="Gamma"/> is its gamma_0.
    /// </summary>
    public MlpCircleSettings? Mlp { get; init; }

    /// <summary>
    /// A run of the MLP on the circle (Section 5.1): <paramref name="gamma0"/> its richness (&gt; 0), online SGD with
    /// batch <paramref name="batch"/>; alpha = 2 q_phi, beta = (2q - 1)/(2 q_phi) (eq. 14) and M = K label it.
    /// </summary>
    public static SimulationConfig ForMlpCircle(
        MlpCircleSettings settings, double gamma0, int n, long batch, double eta, long steps, ulong seed,
        int pointsPerDecade = DefaultPointsPerDecade)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SimulationConfig(
            ModelKind.MlpCircle, settings.Alpha, settings.Beta, settings.Harmonics, gamma0, n, batch, eta, steps, seed, pointsPerDecade)
        {
            Mlp = settings,
        };
    }

    /// <summary>True when the run trains on a finite set of <see cref="P"/> samples.</summary>
    public bool IsFiniteData => P is not null;

    /// <summary>The task: the custom spectrum if given, else the power-law task (alpha, beta, M).</summary>
    public Spectrum BuildSpectrum() => CustomSpectrum ?? Spectrum.PowerLaw(Alpha, Beta, M);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate() => SimulationConfigValidation.Validate(this);

    /// <summary>Bytes a run of this configuration holds at its peak, for capacity planning.</summary>
    public long EstimatedPeakBytes() => SimulationConfigValidation.EstimatedPeakBytes(this);

    /// <summary>
    /// The canonical text of this configuration: every field that changes the result, in a fixed
    /// order and round-trip number format, plus <see cref="NumericsVersion"/>.
    /// </summary>
    public string CanonicalText()
    {
        var text = new StringBuilder();
        text.Append("v=").Append(NumericsVersion);
        text.Append(";model=").Append(Model);
        text.Append(";sampler=").Append(Sampler);
        if (Mlp is { } mlp)
        {
            // The MLP's task is the circle's; alpha, beta and M are derived from it (eq. 14), so not repeated.
            text.Append(";task=").Append(FormattableString.Invariant($"circle({Number(mlp.Q)},{Number(mlp.QPhi)},{mlp.Harmonics})"));
            text.Append(";depth=").Append(mlp.Depth.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            AppendTask(text);
        }

        AppendRest(text);
        return text.ToString();
    }

    private void AppendTask(StringBuilder text)
    {
        text.Append(";task=").Append(CustomSpectrum is null
            ? FormattableString.Invariant($"power-law({Number(Alpha)},{Number(Beta)},{M})")
            : "spectrum:" + CustomSpectrum.Fingerprint + FormattableString.Invariant($",alpha={Number(Alpha)},beta={Number(Beta)}"));
    }

    private void AppendRest(StringBuilder text)
    {
        text.Append(";gamma=").Append(Number(Gamma));
        text.Append(";N=").Append(N.ToString(CultureInfo.InvariantCulture));
        text.Append(";B=").Append(Batch?.ToString(CultureInfo.InvariantCulture) ?? "inf");
        if (P is { } samples)
        {
            // Only when finite, so every online run keeps the fingerprint (and stored results) it had.
            text.Append(";P=").Append(samples.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(";eta=").Append(Number(Eta));
        text.Append(";T=").Append(Steps.ToString(CultureInfo.InvariantCulture));
        text.Append(";ppd=").Append(PointsPerDecade.ToString(CultureInfo.InvariantCulture));
        text.Append(";seed=").Append(Seed.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>SHA-256 of <see cref="CanonicalText"/>: the run's content address.</summary>
    public string Fingerprint() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText())));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
