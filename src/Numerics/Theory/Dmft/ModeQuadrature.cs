using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// Replaces the sum over the M modes of a power-law task (eq. 6, 42) by a few hundred weighted
/// representative modes. Everything the DMFT sums over modes is a smooth function of ln k once k is
/// past the first few modes (lambda_k = k^-alpha and wStar_k are powers of k, and the dynamics depend
/// on k only through them), so:
/// <list type="number">
/// <item>the first <c>head</c> modes are kept exactly (weight 1), where the discreteness of k matters;</item>
/// <item>the tail k = head+1 .. M is the midpoint-rule integral int_{head+1/2}^{M+1/2} f(x) dx of the
/// continued summand (Euler-Maclaurin: the error is O(f'') per mode and falls like x^-2), evaluated by
/// Gauss-Legendre on equal panels in u = ln x: x = e^u, dx = x du.</item>
/// </list>
/// At a node x the mode has lambda = x^-alpha and wStar = x^-((alpha beta + 1 - alpha)/2), the same formula
/// as <see cref="Spectrum.PowerLaw"/> at integer k.
/// </summary>
public static class ModeQuadrature
{
    /// <summary>Gauss-Legendre nodes per panel.</summary>
    public const int NodesPerPanel = 4;

    private static readonly double[] Nodes = [-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526];
    private static readonly double[] NodeWeights = [0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538];

    /// <summary>Every mode of a spectrum with weight 1 (exact sums).</summary>
    public static ModeSet Full(Spectrum spectrum)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var weight = new double[spectrum.M];
        Array.Fill(weight, 1.0);
        return new ModeSet(spectrum.Lambda.ToArray(), spectrum.WStar.ToArray(), weight, spectrum.M, isExact: true);
    }

    /// <summary>
    /// The power-law task (alpha, beta, M) with at most <paramref name="modes"/> representative modes:
    /// every mode when M &lt;= modes, else a head of exact modes (a quarter of the budget, at least 8)
    /// and Gauss-Legendre panels in ln k for the rest.
    /// </summary>
    public static ModeSet PowerLaw(double alpha, double beta, int m, int modes)
    {
        if (modes < 2 * NodesPerPanel + 8)
        {
            throw TheoryArguments.OutOfRange(modes, nameof(modes), $"an integer >= {2 * NodesPerPanel + 8}");
        }

        var spectrum = Spectrum.PowerLaw(alpha, beta, Math.Min(m, modes));
        if (m <= modes)
        {
            return Full(spectrum);
        }

        int head = Math.Max(8, modes / 4);
        int panels = (modes - head) / NodesPerPanel;
        int count = head + panels * NodesPerPanel;
        var lambda = new double[count];
        var wStar = new double[count];
        var weight = new double[count];
        spectrum.Lambda[..head].CopyTo(lambda);
        spectrum.WStar[..head].CopyTo(wStar);
        Array.Fill(weight, 1.0, 0, head);

        double wStarExponent = -0.5 * (alpha * beta + 1.0 - alpha);
        double uLow = Math.Log(head + 0.5);
        double uHigh = Math.Log(m + 0.5);
        double width = (uHigh - uLow) / panels;
        int j = head;
        for (int p = 0; p < panels; p++)
        {
            double center = uLow + (p + 0.5) * width;
            for (int q = 0; q < NodesPerPanel; q++)
            {
                double u = center + 0.5 * width * Nodes[q];
                double x = Math.Exp(u);
                lambda[j] = Math.Pow(x, -alpha);
                wStar[j] = Math.Pow(x, wStarExponent);
                weight[j] = 0.5 * width * NodeWeights[q] * x;
                j++;
            }
        }

        return new ModeSet(lambda, wStar, weight, m, isExact: false);
    }
}
