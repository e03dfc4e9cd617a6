using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Tests.Models.MlpCircle;

/// <summary>
/// The hand-written backward pass against central finite differences, for every entry of every weight tensor,
/// and one SGD step of the simulation against eta gamma_0^2 N times that gradient.
/// </summary>
public sealed class MlpGradientTests
{
    private const int Width = 8;
    private const int Batch = 5;

    /// <summary>
    /// Central differences with step h = 1e-5 have truncation error O(h^2 |phi'''|) and rounding error
    /// O(eps / h) ~ 1e-11 relative; a difference that straddled the kink of a ReLU would break the bound, and at
    /// these seeds none does. Bound: every entry within 1e-7 of the largest entry of its tensor.
    /// </summary>
    private const double Tolerance = 1e-7;

    public static TheoryData<int, double> Cases() => new()
    {
        { 1, 1.0 }, { 2, 1.0 }, { 3, 1.0 }, { 1, 1.5 }, { 2, 1.5 }, { 3, 1.5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BackwardMatchesCentralDifferencesForEveryWeight(int depth, double qPhi)
    {
        var network = new MlpNetwork(Width, depth, qPhi, seed: 3, capacity: Batch);
        (double[] cos, double[] sin, double[] target) = Inputs(7);

        // Loss (1/2B) sum_b (r_b - t_b)^2, so dLoss/dr_b = (r_b - t_b)/B.
        double[] readout = new double[Batch], outputGradient = new double[Batch];
        network.Forward(cos, sin, Batch, readout, forTraining: true);
        for (int b = 0; b < Batch; b++)
        {
            outputGradient[b] = (readout[b] - target[b]) / Batch;
        }

        network.Backward(outputGradient);
        for (int layer = 0; layer < network.LayerCount; layer++)
        {
            double[] analytic = network.Gradient(layer).ToArray();
            Span<double> weights = network.Weights(layer);
            double largest = analytic.Max(Math.Abs);
            Assert.True(largest > 1e-3, $"layer {layer}: gradient vanishes ({largest}), the check would be empty");
            for (int k = 0; k < weights.Length; k++)
            {
                double saved = weights[k];
                const double h = 1e-5;
                weights[k] = saved + h;
                double up = Loss(network, cos, sin, target);
                weights[k] = saved - h;
                double down = Loss(network, cos, sin, target);
                weights[k] = saved;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - analytic[k]) <= Tolerance * largest,
                    $"depth {depth}, q_phi {qPhi}, layer {layer}, entry {k}: backward {analytic[k]:R}, central difference {numeric:R}");
            }
        }
    }

    /// <summary>
    /// One step of the simulation moves every weight by -eta gamma_0^2 N dLoss/dweight, the loss being
    /// (1/2B) sum_b (f_b - y_b)^2 with f = (r - r_0)/(gamma_0 N) on the batch of step 0, differentiated here
    /// by central differences through a copy of the network; same bound as above, relative to the largest step.
    /// </summary>
    [Fact]
    public void OneStepDescendsTheBatchLossAtRateEtaGammaSquaredN()
    {
        const double gamma0 = 0.7, eta = 0.3;
        var settings = new MlpCircleSettings(1.2, 1.5, 2, 16);
        var config = SimulationConfig.ForMlpCircle(settings, gamma0, Width, Batch, eta, 10, 5);
        var simulation = (MlpCircleSimulation)SimulationFactory.Create(config);
        var probe = new MlpNetwork(Width, settings.Depth, settings.QPhi, config.Seed, Batch);
        var initial = new MlpNetwork(Width, settings.Depth, settings.QPhi, config.Seed, Batch);
        simulation.Advance(1);

        // The batch of step 0, as the simulation draws it.
        var rng = new CounterRng(config.Seed, RandomStream.Batch, 0);
        double[] cos = new double[Batch], sin = new double[Batch], y = new double[Batch], r0 = new double[Batch];
        for (int b = 0; b < Batch; b++)
        {
            (sin[b], cos[b]) = DeterministicMath.SinCosTurns(rng.NextOpenUniform());
            y[b] = simulation.Target.Evaluate(cos[b], sin[b]);
        }

        initial.Forward(cos, sin, Batch, r0, forTraining: false);
        double scale = 1.0 / (gamma0 * Width), rate = eta * gamma0 * gamma0 * Width;
        double BatchLoss()
        {
            double[] r = new double[Batch];
            probe.Forward(cos, sin, Batch, r, forTraining: false);
            double sum = 0;
            for (int b = 0; b < Batch; b++)
            {
                double e = (r[b] - r0[b]) * scale - y[b];
                sum += e * e;
            }

            return sum / (2 * Batch);
        }

        for (int layer = 0; layer < probe.LayerCount; layer++)
        {
            Span<double> weights = probe.Weights(layer);
            ReadOnlySpan<double> after = simulation.Network.Weights(layer);
            double[] expected = new double[weights.Length], actual = new double[weights.Length];
            for (int k = 0; k < weights.Length; k++)
            {
                double saved = weights[k];
                const double h = 1e-5;
                weights[k] = saved + h;
                double up = BatchLoss();
                weights[k] = saved - h;
                double down = BatchLoss();
                weights[k] = saved;
                expected[k] = -rate * (up - down) / (2 * h);
                actual[k] = after[k] - saved;
            }

            double largest = expected.Max(Math.Abs);
            Assert.True(largest > 1e-4, $"layer {layer}: the step is empty");
            for (int k = 0; k < weights.Length; k++)
            {
                Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-6 * largest,
                    $"layer {layer}, entry {k}: step {actual[k]:R}, -eta gamma0^2 N grad {expected[k]:R}");
            }
        }
    }

    private static double Loss(MlpNetwork network, double[] cos, double[] sin, double[] target)
    {
        double[] readout = new double[Batch];
        network.Forward(cos, sin, Batch, readout, forTraining: false);
        double sum = 0;
        for (int b = 0; b < Batch; b++)
        {
            double e = readout[b] - target[b];
            sum += e * e;
        }

        return sum / (2 * Batch);
    }

    private static (double[] Cos, double[] Sin, double[] Target) Inputs(ulong seed)
    {
        var rng = new CounterRng(seed, RandomStream.Batch, 0);
        double[] cos = new double[Batch], sin = new double[Batch], target = new double[Batch];
        for (int b = 0; b < Batch; b++)
        {
            (sin[b], cos[b]) = DeterministicMath.SinCosTurns(rng.NextOpenUniform());
            target[b] = rng.NextGaussian();
        }

        return (cos, sin, target);
    }
}
