using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Issue 16's timing and precision of the exact floor: the time of <see cref="ProjectedFloor"/> at one
/// (N, M), and its error against the residual loss v^T Lambda v evaluated directly in M-space at the
/// coefficients c = K^-1 b (MathNet Cholesky), which has no cancellation and exceeds the floor only by
/// (dc)^T K (dc), second order in the error of c.
/// Usage: floor ALPHA BETA M N [SEED].
/// </summary>
public static class FloorReport
{
    public static int Run(string[] args)
    {
        double alpha = double.Parse(args[1], CultureInfo.InvariantCulture);
        double beta = double.Parse(args[2], CultureInfo.InvariantCulture);
        int m = int.Parse(args[3], CultureInfo.InvariantCulture);
        int n = int.Parse(args[4], CultureInfo.InvariantCulture);
        ulong seed = args.Length > 5 ? ulong.Parse(args[5], CultureInfo.InvariantCulture) : 0;
        var spectrum = Spectrum.PowerLaw(alpha, beta, m);

        var clock = Stopwatch.StartNew();
        double floor = ProjectedFloor.Compute(seed, spectrum, n);
        double seconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        double residual = ResidualLoss(seed, spectrum, n);
        double checkSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(FormattableString.Invariant(
            $"alpha={alpha} beta={beta} M={m} N={n} seed={seed}: floor {floor:E10} in {seconds:F1} s; residual {residual:E10} ({checkSeconds:F1} s); difference {floor - residual:E2} (relative {(floor - residual) / residual:E2}); S = {spectrum.InitialLoss:F6}"));
        return 0;
    }

    private static double ResidualLoss(ulong seed, Spectrum spectrum, int n)
    {
        int m = spectrum.M;
        var a0 = new double[(long)n * m];
        InitialFeatures.Fill(seed, n, m, a0);
        var k = Matrix<double>.Build.Dense(n, n);
        var b = Vector<double>.Build.Dense(n);
        var scaled = new double[m];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> rowI = a0.AsSpan(i * m, m);
            double bi = 0;
            for (int q = 0; q < m; q++)
            {
                scaled[q] = rowI[q] * spectrum.Lambda[q];
                bi += scaled[q] * spectrum.WStar[q];
            }

            b[i] = bi;
            for (int j = 0; j <= i; j++)
            {
                double value = System.Numerics.Tensors.TensorPrimitives.Dot(scaled, a0.AsSpan(j * m, m));
                k[i, j] = value;
                k[j, i] = value;
            }
        }

        Vector<double> c = k.Cholesky().Solve(b);
        var v = spectrum.WStar.ToArray();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = a0.AsSpan(i * m, m);
            for (int q = 0; q < m; q++)
            {
                v[q] -= c[i] * row[q];
            }
        }

        double loss = 0;
        for (int q = 0; q < m; q++)
        {
            loss += spectrum.Lambda[q] * v[q] * v[q];
        }

        return loss;
    }
}
