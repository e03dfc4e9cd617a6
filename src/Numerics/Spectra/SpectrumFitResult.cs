namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// Capacity and source exponents estimated from a spectrum over a window of modes (<see cref="SpectrumFit"/>).
/// </summary>
/// <param name="Alpha">alpha, the decay rate of lambda_k ~ k^-alpha.</param>
/// <param name="AlphaCi">Percentile interval of alpha from the bootstrap over modes; (NaN, NaN) without resamples.</param>
/// <param name="Beta">beta = (r - 1)/alpha, where r is the decay rate of the target power lambda_k wStar_k^2 ~ k^-r.</param>
/// <param name="BetaCi">Percentile interval of beta from the same resamples (alpha and r refitted together).</param>
/// <param name="PowerDecay">r = alpha beta + 1, the decay rate of lambda_k wStar_k^2.</param>
/// <param name="LambdaIntercept">Natural log of lambda the line predicts at k = 1.</param>
/// <param name="PowerIntercept">Natural log of lambda wStar^2 the line predicts at k = 1.</param>
/// <param name="Window">First and last mode of the fit, both included.</param>
/// <param name="Modes">Number of modes in the fit.</param>
public sealed record SpectrumFitResult(
    double Alpha,
    (double Lo, double Hi) AlphaCi,
    double Beta,
    (double Lo, double Hi) BetaCi,
    double PowerDecay,
    double LambdaIntercept,
    double PowerIntercept,
    (int K0, int K1) Window,
    int Modes);
