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

    /// <summary>
    /// A measured spectrum with at most <paramref name="modes"/> representative modes: every mode when M &lt;= modes,
    /// else a head of exact modes (a quarter of the budget, at least 8) and the rest in bins of consecutive modes,
    /// equal in ln k, each stood for by one mode of weight (its mode count) n whose lambda is the bin's mean and whose
    /// wStar carries the bin's target power (n wStar^2 lambda = sum_k wStar_k^2 lambda_k).
    /// </summary>
    /// <remarks>
    /// A measured spectrum is not a smooth function of k (it may step, or interleave two levels, as a circle kernel's
    /// even and odd harmonics do), so the power law's Gauss-Legendre nodes would invent values between the modes; bins
    /// keep what every DMFT sum needs first, sum_k lambda_k and the target power sum_k wStar_k^2 lambda_k, exactly, and
    /// differ from the exact sums at second order in a bin's spread of lambda. The DMFT is even in each wStar_k, so the
    /// representative's sign does not matter.
    /// </remarks>
    public static ModeSet Binned(Spectrum spectrum, int modes)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        if (modes < 2 * NodesPerPanel + 8)
        {
            throw TheoryArguments.OutOfRange(modes, nameof(modes), $"an integer >= {2 * NodesPerPanel + 8}");
        }

        int m = spectrum.M;
        if (m <= modes)
        {
            return Full(spectrum);
        }

        int head = Math.Max(8, modes / 4);
        int bins = modes - head;
        var lambda = new List<double>(modes);
        var wStar = new List<double>(modes);
        var weight = new List<double>(modes);
        ReadOnlySpan<double> l = spectrum.Lambda, w = spectrum.WStar;
        for (int k = 0; k < head; k++)
        {
            lambda.Add(l[k]);
            wStar.Add(w[k]);
            weight.Add(1.0);
        }

        // Bin b holds modes (index) [start, end): edges at ln k equally spaced from head to m, at least one mode each.
        double uLow = Math.Log(head), uHigh = Math.Log(m);
        int start = head;
        for (int b = 1; b <= bins && start < m; b++)
        {
            int end = b == bins ? m : Math.Max(start + 1, Math.Min(m, (int)Math.Round(Math.Exp(uLow + ((uHigh - uLow) * b / bins)))));
            double sumLambda = 0, power = 0;
            for (int k = start; k < end; k++)
            {
                sumLambda += l[k];
                power += w[k] * w[k] * l[k];
            }

            int n = end - start;
            double mean = sumLambda / n;
            lambda.Add(mean);
            wStar.Add(mean > 0 ? Math.Sqrt(power / (n * mean)) : 0.0);
            weight.Add(n);
            start = end;
        }

        return new ModeSet(lambda.ToArray(), wStar.ToArray(), weight.ToArray(), m, isExact: false);
    }
}
