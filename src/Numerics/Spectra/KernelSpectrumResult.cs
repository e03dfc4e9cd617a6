namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// The spectrum of an empirical random-feature kernel and the target's coefficients in its eigenbasis
/// (<see cref="KernelSpectrum.Compute"/>).
/// </summary>
/// <param name="Spectrum">lambda_k (descending) and wStar_k &gt;= 0 of the modes kept.</param>
/// <param name="Dropped">Eigenvalues at or below <paramref name="Threshold"/>, left out as numerically zero.</param>
/// <param name="Threshold">The cut, in lambda units: lambda_1 max(n, N) 2^-52.</param>
/// <param name="MeanSquare">|y|^2 / n, the target's mean square.</param>
/// <param name="Captured">
/// sum_k lambda_k wStar_k^2 = |P y|^2 / n, P the projection on the kept eigenvectors: equal to
/// <paramref name="MeanSquare"/> when the kernel has full rank n, smaller by the part of y outside its range otherwise.
/// </param>
public sealed record KernelSpectrumResult(Spectrum Spectrum, int Dropped, double Threshold, double MeanSquare, double Captured);
