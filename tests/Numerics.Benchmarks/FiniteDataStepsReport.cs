using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Benchmarks;

/// <summary>
/// Steps per second of training on a finite set, literal eq. 32 against the fast model, in one process and
/// one run (the point M = 10^4, N = 128, P = 1024, gamma = 1; full batch and B = 128), their
/// ratio, and the fast model's one-off setup time (drawing the P x N features, the Gram matrix).
/// </summary>
public static class FiniteDataStepsReport
{
    public static SimulationConfig Config(long batch, Sampler sampler) =>
        new(ModelKind.Projected, 2.0, 0.4, 10_000, 1.0, 128, batch, 0.05, 100_000_000, 1, Sampler: sampler) { P = 1024 };

    public static int Run(string outputPath)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}");
        report.AppendLine("Finite data, M = 10^4, N = 128, P = 1024, gamma = 1:");
        report.AppendLine();
        report.AppendLine("| B | literal steps/s | fast steps/s | fast / literal | fast setup s | literal setup s |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (long batch in new[] { 1024L, 128L })
        {
            (double literal, double literalSetup) = StepsPerSecond(Config(batch, Sampler.Reference), 1, TimeSpan.FromSeconds(8));
            (double fast, double fastSetup) = StepsPerSecond(Config(batch, Sampler.Fast), 100, TimeSpan.FromSeconds(4));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {batch} | {literal:F2} | {fast:F0} | {fast / literal:F0}x | {fastSetup:F2} | {literalSetup:F2} |");
            Console.WriteLine(report.ToString().Split('\n')[^2]);
        }

        File.WriteAllText(outputPath, report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static (double StepsPerSecond, double SetupSeconds) StepsPerSecond(SimulationConfig config, int chunk, TimeSpan budget)
    {
        var setup = Stopwatch.StartNew();
        ISimulation simulation = SimulationFactory.Create(config);
        simulation.Advance(1);
        double setupSeconds = setup.Elapsed.TotalSeconds;
        simulation.Advance(chunk);
        long steps = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            steps += simulation.Advance(chunk);
        }

        return (steps / clock.Elapsed.TotalSeconds, setupSeconds);
    }
}
