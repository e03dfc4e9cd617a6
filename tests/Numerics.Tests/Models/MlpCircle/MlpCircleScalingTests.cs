using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Numerics.Random;
using Xunit.Abstractions;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>
/// The parameterisation's promises: at initialisation the output variance scales as 1/(gamma_0^2 N) and the
/// function-space kernel does not depend on N; as gamma_0 -&gt; 0 features move by O(gamma_0) while the loss
/// curve tends to a limit (the lazy, NTK regime). Statistical checks use fixed seeds and 4 standard errors.
/// </summary>
public sealed class MlpCircleScalingTests(ITestOutputHelper output)
{
    private const int Angles = 64;
    private const int Seeds = 24;

    /// <summary>
    /// ReLU, depth 2, uncentred readout r = w . phi(h^2): E[r^2 / N] = E[phi(h^2)^2] = E[phi(h^1)^2] / 2 = 1/4
    /// exactly at every N (h^1 ~ N(0, 1) since |x| = 1; ReLU is homogeneous), so the uncentred output
    /// r/(gamma_0 N) has variance 1/(4 gamma_0^2 N). Kernel diagonal per unit learning rate,
    /// K(theta, theta)/eta = gamma_0^2 N sum_p (df/dp)^2 = (1/N) sum_p (dr/dp)^2: readout part and hidden part
    /// are 1/4 each exactly, the input part 1/4 + O(1/N) (its two factors share W^1). Checked within 4 standard
    /// errors over 24 seeds (plus 1/N for the total).
    /// </summary>
    [Theory]
    [InlineData(32)]
    [InlineData(128)]
    [InlineData(512)]
    public void OutputVarianceAndKernelAtInitialisationAreWidthIndependent(int n)
    {
        double[] outputSquare = new double[Seeds], readoutPart = new double[Seeds], hiddenPart = new double[Seeds], total = new double[Seeds];
        (double[] cos, double[] sin) = AnglesOfTheGrid();
        double[] readout = new double[Angles], one = new double[1];
        for (int s = 0; s < Seeds; s++)
        {
            var network = new MlpNetwork(n, 2, 1.0, (ulong)(100 + s), Angles);
            network.Forward(cos, sin, Angles, readout, forTraining: false);
            outputSquare[s] = readout.Average(r => r * r) / n;
            for (int a = 0; a < Angles; a += 8)
            {
                network.Forward(cos.AsSpan(a, 1), sin.AsSpan(a, 1), 1, one, forTraining: true);
                network.Backward([1.0]);
                double r = SquareNorm(network.Gradient(2)) / n, h = SquareNorm(network.Gradient(1)) / n, i = SquareNorm(network.Gradient(0)) / n;
                readoutPart[s] += r / (Angles / 8);
                hiddenPart[s] += h / (Angles / 8);
                total[s] += (r + h + i) / (Angles / 8);
            }
        }

        AssertMean(outputSquare, 0.25, 0, $"N = {n}: E[r^2/N]");
        AssertMean(readoutPart, 0.25, 0, $"N = {n}: readout part of K/eta");
        AssertMean(hiddenPart, 0.25, 0, $"N = {n}: hidden part of K/eta");
        AssertMean(total, 0.75, 1.0 / n, $"N = {n}: K(theta, theta)/eta");
    }

    /// <summary>
    /// 50 steps at gamma_0 = 0.0025, 0.005, 0.01 (N = 128, B = 16, eta = 0.5): the relative change of the last
    /// hidden layer's features phi(h^2) doubles with gamma_0 (ratio within 5% of 2: the O(gamma_0^2) term), while
    /// the loss at step 50 changes by less than 1% (the lazy limit is a limit of the dynamics, not a frozen net).
    /// </summary>
    [Fact]
    public void FeaturesMoveLinearlyInGammaZeroAndTheLossTendsToTheLazyLimit()
    {
        double[] gammas = [0.0025, 0.005, 0.01];
        double[] change = new double[gammas.Length], loss = new double[gammas.Length];
        for (int g = 0; g < gammas.Length; g++)
        {
            var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.0, 1.0, 2, 64), gammas[g], 128, 16, 0.5, 50, 1);
            var simulation = (MlpCircleSimulation)SimulationFactory.Create(config);
            simulation.Advance(long.MaxValue);
            loss[g] = simulation.Curve.Loss[^1];
            change[g] = RelativeFeatureChange(simulation.Network, simulation.InitialNetwork);
            output.WriteLine($"gamma_0 = {gammas[g]}: relative feature change {change[g]:G4}, loss at 50 {loss[g]:G6}");
        }

        Assert.True(loss[0] < 0.8 * InitialLoss(), "the lazy runs must learn");
        for (int g = 1; g < gammas.Length; g++)
        {
            Assert.InRange(change[g] / change[g - 1], 1.9, 2.1);
            Assert.True(Math.Abs(loss[g] - loss[g - 1]) <= 0.01 * loss[g - 1], $"loss {loss[g]} against {loss[g - 1]}");
        }

        static double InitialLoss() => new CircleTarget(1.0, 64).Power();
    }

    /// <summary>
    /// An easy target (q = 2, ReLU, beta = 1.5), rich (gamma_0 = 1), N = 64, B = 16, eta = 0.5: the loss falls
    /// below 2% of L(0) within 1000 steps and every decade of recorded steps lowers it.
    /// </summary>
    [Fact]
    public void TheLossDecreasesOnAnEasyTarget()
    {
        var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(2.0, 1.0, 2, 64), 1.0, 64, 16, 0.5, 1000, 2);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        var curve = simulation.Curve;
        output.WriteLine(string.Join(", ", curve.Steps.Zip(curve.Loss, (t, l) => $"{t}: {l:G4}")));
        Assert.Equal(SimulationStatus.Completed, simulation.Status);
        Assert.True(curve.Loss[^1] < 0.02 * curve.Loss[0], $"L(1000) = {curve.Loss[^1]}, L(0) = {curve.Loss[0]}");
        int[] decades = [0, Array.IndexOf(curve.Steps, 10L), Array.IndexOf(curve.Steps, 100L), curve.Count - 1];
        for (int d = 1; d < decades.Length; d++)
        {
            Assert.True(curve.Loss[decades[d]] < curve.Loss[decades[d - 1]]);
        }
    }

    /// <summary>
    /// The default K for a 1000-step run (q = 1, ReLU) leaves a truncation error sum_{k&gt;K} k^-2 / 2 more than 10
    /// times below the loss actually reached at the last step, lazy or rich (N = 128, B = 32, eta = 0.25).
    /// </summary>
    [Theory]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void TheDefaultTruncationErrorIsFarBelowTheLastLoss(double gamma0)
    {
        const double q = 1.0, qPhi = 1.0;
        const long steps = 1000;
        int k = MlpCircleSettings.DefaultHarmonics(q, qPhi, steps);
        var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(q, qPhi, 2, k), gamma0, 128, 32, 0.25, steps, 4, pointsPerDecade: 2);
        var simulation = SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        double last = simulation.Curve.Loss[^1], truncation = CircleTarget.TruncationError(q, k);
        output.WriteLine($"gamma_0 = {gamma0}: K = {k}, truncation {truncation:G4}, L({steps}) = {last:G4}");
        Assert.True(truncation < 0.1 * last, $"K = {k}: truncation {truncation}, last loss {last}");
    }

    /// <summary>
    /// The grid loss of a trained network against the same loss on a grid 4 times finer: the aliasing of the
    /// network's harmonics above Q - K changes the loss by less than 1e-4 of itself at Q = max(1024, 4K).
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void TheQuadratureGridErrorIsFarBelowTheLoss(double qPhi)
    {
        var config = SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.0, qPhi, 2, 256), 1.0, 64, 16, 0.1, 300, 6);
        var simulation = (MlpCircleSimulation)SimulationFactory.Create(config);
        simulation.Advance(long.MaxValue);
        Assert.Equal(SimulationStatus.Completed, simulation.Status);
        double coarse = simulation.Curve.Loss[^1];

        var target = simulation.Target;
        var fine = new CircleQuadrature(target, 4 * simulation.Grid.Points);
        double[] r = new double[64], r0 = new double[64];
        double sum = 0, scale = 1.0 / (config.Gamma * config.N);
        for (int start = 0; start < fine.Points; start += 64)
        {
            simulation.Network.Forward(fine.Cos.Slice(start, 64), fine.Sin.Slice(start, 64), 64, r, forTraining: false);
            simulation.InitialNetwork.Forward(fine.Cos.Slice(start, 64), fine.Sin.Slice(start, 64), 64, r0, forTraining: false);
            for (int j = 0; j < 64; j++)
            {
                double e = (r[j] - r0[j]) * scale - fine.Target[start + j];
                sum += e * e;
            }
        }

        double precise = sum / fine.Points;
        output.WriteLine($"q_phi = {qPhi}: loss on Q = {simulation.Grid.Points}: {coarse:R}, on 4Q: {precise:R}, relative {Math.Abs(coarse - precise) / precise:G3}");
        Assert.True(Math.Abs(coarse - precise) <= 1e-4 * precise);
    }

    private static double RelativeFeatureChange(MlpNetwork trained, MlpNetwork initial)
    {
        (double[] cos, double[] sin) = AnglesOfTheGrid();
        double[] readout = new double[Angles];
        trained.Forward(cos, sin, Angles, readout, forTraining: false);
        double[][] now = Enumerable.Range(0, Angles).Select(b => trained.Features(trained.Depth, b).ToArray()).ToArray();
        initial.Forward(cos, sin, Angles, readout, forTraining: false);
        double moved = 0, size = 0;
        for (int b = 0; b < Angles; b++)
        {
            ReadOnlySpan<double> before = initial.Features(initial.Depth, b);
            for (int i = 0; i < before.Length; i++)
            {
                double d = now[b][i] - before[i];
                moved += d * d;
                size += before[i] * before[i];
            }
        }

        return Math.Sqrt(moved / size);
    }

    private static (double[] Cos, double[] Sin) AnglesOfTheGrid()
    {
        double[] cos = new double[Angles], sin = new double[Angles];
        for (int a = 0; a < Angles; a++)
        {
            (sin[a], cos[a]) = DeterministicMath.SinCosTurns((a + 0.5) / Angles);
        }

        return (cos, sin);
    }

    private static double SquareNorm(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (double v in x)
        {
            sum += v * v;
        }

        return sum;
    }

    private void AssertMean(double[] values, double expected, double bias, string what)
    {
        double mean = values.Average();
        double se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        output.WriteLine($"{what}: {mean:G5} (SE {se:G3}), expected {expected}");
        Assert.True(Math.Abs(mean - expected) <= 4 * se + bias, $"{what}: {mean} (SE {se}) against {expected}");
    }
}
