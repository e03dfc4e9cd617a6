using System.Security.Cryptography;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// A task in the eigenbasis of the limiting kernel: eigenvalues Lambda = diag(lambda_1..lambda_M)
/// of the feature covariance (eq. 2) and target coefficients WStar (y = WStar . psi, eq. 3).
/// Immutable; construct through <see cref="PowerLaw"/>, <see cref="SpectrumCsv"/> or
/// <see cref="FromValues"/>, which validate.
/// </summary>
public sealed class Spectrum
{
    private readonly double[] _lambda;
    private readonly double[] _wStar;

    private Spectrum(double[] lambda, double[] wStar, string description)
    {
        _lambda = lambda;
        _wStar = wStar;
        Description = description;
        double initialLoss = 0;
        for (int k = 0; k < lambda.Length; k++)
        {
            initialLoss += wStar[k] * wStar[k] * lambda[k];
        }

        InitialLoss = initialLoss;
        Fingerprint = ComputeFingerprint(lambda, wStar);
    }

    /// <summary>Eigenvalues lambda_k of the feature covariance, k = 1..M.</summary>
    public ReadOnlySpan<double> Lambda => _lambda;

    /// <summary>Target coefficients wStar_k in the same basis.</summary>
    public ReadOnlySpan<double> WStar => _wStar;

    /// <summary>Number of modes M.</summary>
    public int M => _lambda.Length;

    /// <summary>L(0) = sum_k wStar_k^2 lambda_k, the loss of the zero predictor.</summary>
    public double InitialLoss { get; }

    /// <summary>Where the spectrum came from, for reports.</summary>
    public string Description { get; }

    /// <summary>SHA-256 of the values, so runs on equal spectra share one content address.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// The power-law task of eq. 6: lambda_k = k^-alpha and wStar_k^2 lambda_k = k^-(alpha beta + 1),
    /// k = 1..M, with no further normalisation, so L(0) = sum_k k^-(alpha beta + 1). Powers use
    /// <see cref="DeterministicMath.Pow"/> so the task has the same bits on every machine.
    /// </summary>
    public static Spectrum PowerLaw(double alpha, double beta, int m)
    {
        SpectrumValidation.CheckAlpha(alpha);
        SpectrumValidation.CheckBeta(beta);
        SpectrumValidation.CheckModeCount(m);
        var lambda = new double[m];
        var wStar = new double[m];
        double wStarExponent = -0.5 * (alpha * beta + 1.0 - alpha);
        for (int k = 1; k <= m; k++)
        {
            lambda[k - 1] = DeterministicMath.Pow(k, -alpha);
            wStar[k - 1] = DeterministicMath.Pow(k, wStarExponent);
        }

        return new Spectrum(lambda, wStar, FormattableString.Invariant($"power-law(alpha={alpha}, beta={beta}, M={m})"));
    }

    /// <summary>A spectrum from given values (copied), validated mode by mode.</summary>
    public static Spectrum FromValues(ReadOnlySpan<double> lambda, ReadOnlySpan<double> wStar, string description)
    {
        if (lambda.Length != wStar.Length)
        {
            throw new SpectrumException($"lambda has {lambda.Length} values but wstar has {wStar.Length}: they must have one value per mode.");
        }

        SpectrumValidation.CheckModeCount(lambda.Length);
        for (int k = 0; k < lambda.Length; k++)
        {
            SpectrumValidation.CheckMode(k + 1, lambda[k], wStar[k], location: null);
        }

        return new Spectrum(lambda.ToArray(), wStar.ToArray(), description);
    }

    private static string ComputeFingerprint(double[] lambda, double[] wStar)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8];
        foreach (double[] values in new[] { lambda, wStar })
        {
            BitConverter.TryWriteBytes(buffer, values.Length);
            hash.AppendData(buffer[..4]);
            foreach (double v in values)
            {
                BitConverter.TryWriteBytes(buffer, BitConverter.DoubleToInt64Bits(v));
                hash.AppendData(buffer);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
