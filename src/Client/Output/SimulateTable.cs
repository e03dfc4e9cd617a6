using ScaleSweep.Client.Commands;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Simulation;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory;
using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>The readable report of `scalesweep simulate`: parameters, the mean curve, the fit, divergence.</summary>
internal static class SimulateTable
{
    /// <summary>Plain lines go straight to <paramref name="writer"/> (never wrapped); tables through <paramref name="console"/> over it.</summary>
    public static void Write(
        TextWriter writer, IAnsiConsole console, SimulateRequest request, SimulationConfig config, SimulationSummary summary)
    {
        writer.WriteLine(Header(request, config));
        SeedAggregateTable(console, summary);

        if (summary.Fit is { } fit)
        {
            string ci = double.IsFinite(fit.Ci.Lo) && double.IsFinite(fit.Ci.Hi)
                ? $"95% CI [{NumberFormat.Exponent(fit.Ci.Lo)}, {NumberFormat.Exponent(fit.Ci.Hi)}]"
                : "no CI (fewer than 2 seeds)";
            writer.WriteLine(
                $"fit: L ~ t^-{NumberFormat.Exponent(fit.Exponent)}, {ci}, over steps {fit.Window.T0}..{fit.Window.T1} ({fit.Points} points)");
        }
        else
        {
            writer.WriteLine($"fit: none ({ScaleSweepCli.OneLine(summary.FitError ?? "no curve")})");
        }

        if (config.CustomSpectrum is null)
        {
            double chi = Exponents.TimeExponent(config.Beta, config.Gamma);
            string regime = config.Gamma > 0 ? "rich" : "lazy";

            // The linear network is not projected, so it has no width bottleneck (Appendix G).
            string floor = config.Model == ScaleSweep.Numerics.Models.ModelKind.Projected
                ? $"; finite N sets a floor ~ N^-{NumberFormat.Exponent(Exponents.ModelBottleneck(config.Alpha, config.Beta))}"
                : "; no width bottleneck (both layers train freely)";
            writer.WriteLine($"theory (N, B -> inf): L ~ t^-{NumberFormat.Exponent(chi)} ({regime}){floor}");
        }

        int diverged = summary.Aggregate.Diverged;
        string which = diverged == 0
            ? string.Empty
            : ": " + string.Join(", ", summary.DivergedRuns.Select(r => $"seed {r.Seed} at step {r.DivergedAtStep}"));
        writer.WriteLine($"diverged: {diverged} of {request.Seeds} seeds{which}");

        if (request.PerSeed)
        {
            PerSeedTable(console, summary);
        }
    }

    private static string Header(SimulateRequest request, SimulationConfig config)
    {
        string task = config.CustomSpectrum is { } s
            ? $"spectrum={request.SpectrumPath} ({s.M} modes)"
            : $"alpha={NumberFormat.Parameter(config.Alpha)} beta={NumberFormat.Parameter(config.Beta)} M={config.M}";
        string model = config.Model == ModelKind.LinearNetwork ? "linear-network" : "projected";
        string sampler = config.Sampler == Sampler.Reference ? "reference" : "fast";
        ulong last = request.Seed0 + (ulong)(request.Seeds - 1);
        return $"simulate {model}: {task} gamma={NumberFormat.Parameter(config.Gamma)} N={config.N} "
            + $"B={BatchSize.Format(config.Batch)} eta={NumberFormat.Parameter(config.Eta)} steps={config.Steps} "
            + $"seeds={request.Seeds} ({request.Seed0}..{last}) sampler={sampler}";
    }

    private static void SeedAggregateTable(IAnsiConsole console, SimulationSummary summary)
    {
        var aggregate = summary.Aggregate;
        if (aggregate.Used == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("step").RightAligned());
        table.AddColumn(new TableColumn("mean").RightAligned());
        table.AddColumn(new TableColumn("sem").RightAligned());
        table.AddColumn(new TableColumn("n").RightAligned());
        bool norms = summary.WeightNormMean is not null;
        if (norms)
        {
            table.AddColumn(new TableColumn("|w|^2/N").RightAligned());
        }

        for (int k = 0; k < aggregate.Steps.Count; k++)
        {
            var cells = new List<string>
            {
                NumberFormat.Integer(aggregate.Steps[k]),
                NumberFormat.Value(aggregate.Mean[k]),
                NumberFormat.Value(aggregate.Sem[k]),
                NumberFormat.Integer(aggregate.Used),
            };
            if (norms)
            {
                cells.Add(NumberFormat.Value(summary.WeightNormMean![k]));
            }

            table.AddRow(cells.Select(c => new Text(c)).ToArray());
        }

        console.Write(table);
    }

    private static void PerSeedTable(IAnsiConsole console, SimulationSummary summary)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("seed").RightAligned());
        table.AddColumn("status");
        table.AddColumn(new TableColumn("last step").RightAligned());
        table.AddColumn(new TableColumn("last loss").RightAligned());
        foreach (SeedRun run in summary.Runs)
        {
            string status = run.Diverged ? $"diverged at step {run.DivergedAtStep}" : "completed";
            int count = run.Curve.Count;
            table.AddRow(
                new Text(run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(status),
                new Text(count == 0 ? "-" : NumberFormat.Integer(run.Curve.Steps[count - 1])),
                new Text(count == 0 ? "-" : NumberFormat.Value(run.Curve.Loss[count - 1])));
        }

        console.Write(table);
    }
}
