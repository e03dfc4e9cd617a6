using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Models.MlpCircle;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Steps per second of the MLP on the circle over width, batch, depth and activation, the time of one exact
/// test loss on the quadrature grid, and the rate of the step's products: 4 (L - 1) B N^2 multiply-adds a step
/// (trained and initial network forward, the backward's two products), counted in full although the backward
/// skips the units a ReLU switches off.
/// </summary>
public static class MlpCircleStepsReport
{
    public static SimulationConfig Config(int n, long batch, int depth, double qPhi) =>
        SimulationConfig.ForMlpCircle(new MlpCircleSettings(1.0, qPhi, depth, 256), 1.0, n, batch, 0.1, 100_000_000, 1);

    public static int Run(string outputPath)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
        report.AppendLine("MLP on the circle, q = 1, K = 256 (Q = 1024), gamma_0 = 1, eta = 0.1:");
        report.AppendLine();
        report.AppendLine("| N | B | L | q_phi | steps/s | ms/step | GFLOP/s (4 (L-1) B N^2 MAC) | one exact loss, ms |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        (int N, long B, int L, double QPhi)[] points =
        [
            (128, 32, 2, 1.0), (256, 32, 2, 1.0), (256, 32, 2, 1.5), (256, 32, 3, 1.0), (256, 128, 2, 1.0), (512, 32, 2, 1.0),
        ];
        foreach (var (n, b, l, qPhi) in points)
        {
            SimulationConfig config = Config(n, b, l, qPhi);
            var simulation = (MlpCircleSimulation)SimulationFactory.Create(config);
            simulation.Advance(20);
            long steps = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(4))
            {
                steps += simulation.Advance(10);
            }

            if (simulation.Status != SimulationStatus.Running)
            {
                throw new InvalidOperationException($"N = {n}, B = {b}, L = {l}, q_phi = {qPhi}: the run stopped ({simulation.Status}) at step {simulation.Step}; steps/s would be wrong.");
            }

            double perSecond = steps / clock.Elapsed.TotalSeconds;
            double flops = 8.0 * (l - 1) * b * n * (double)n * perSecond / 1e9;
            var lossClock = Stopwatch.StartNew();
            double[] output = new double[simulation.Grid.Points];
            simulation.OutputOnGrid(output);
            double lossMs = lossClock.Elapsed.TotalMilliseconds;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {n} | {b} | {l} | {qPhi} | {perSecond:F0} | {1000 / perSecond:F2} | {flops:F1} | {lossMs:F1} |");
            Console.WriteLine(report.ToString().Split('\n')[^2]);
        }

        File.WriteAllText(outputPath, report.ToString());
        Console.WriteLine(report);
        return 0;
    }
}
