using ScaleSweep.Client.Commands;
using ScaleSweep.Client.Options;
using ScaleSweep.Client.Simulation;
using ScaleSweep.Numerics.Analysis;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Numerics.Theory;
using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>The readable report of `scalesweep simulate`: parameters, the mean curve, the fit, divergence.</summary>
internal static class SimulateTable
{
    /// <summary>Writes to <paramref name="writer"/>, every line broken between words to the width of <paramref name="console"/> (over the same writer).</summary>
    public static void Write(
        TextWriter writer, IAnsiConsole console, SimulateRequest request, SimulationConfig config, SimulationSummary summary)
    {
        int width = console.Profile.Width;
        foreach (string line in TextWrap.Items(Header(request, config), width, " "))
        {
            writer.WriteLine(line);
        }

        SeedAggregateTable(writer, width, summary);

        if (summary.Fit is { } fit)
        {
            string ci = double.IsFinite(fit.Ci.Lo) && double.IsFinite(fit.Ci.Hi)
                ? $"95% CI [{NumberFormat.Exponent(fit.Ci.Lo)}, {NumberFormat.Exponent(fit.Ci.Hi)}]"
                : "no CI (fewer than 2 seeds)";
            TextWrap.Write(
                writer,
                $"fit: {FittedLaw(fit.Exponent)}, {ci}, over steps {fit.Window.T0}..{fit.Window.T1} ({fit.Points} points)",
                width);
        }
        else
        {
            TextWrap.Write(writer, $"fit: none ({Reason.Clause(summary.FitError ?? "no curve")})", width);
        }

        if (config.Mlp is { } mlp)
        {
            // Every MLP run is rich in the muP sense (gamma_0 > 0); a small gamma_0 only approaches the lazy limit.
            double rich = Exponents.TimeExponent(config.Beta, config.Gamma);
            double lazy = Exponents.TimeExponent(config.Beta, 0.0);
            string lazyNote = rich == lazy ? string.Empty : $", t^-{NumberFormat.Exponent(lazy)} as gamma_0 -> 0 (lazy)";
            TextWrap.Write(
                writer,
                $"theory (N, B -> inf): L ~ t^-{NumberFormat.Exponent(rich)} (rich){lazyNote}; eq. 14: alpha = 2 q_phi = "
                + $"{NumberFormat.Parameter(mlp.Alpha)}, beta = (2q - 1)/(2 q_phi) = {NumberFormat.Parameter(mlp.Beta)}",
                width);
        }
        else if (config.CustomSpectrum is null)
        {
            double chi = Exponents.TimeExponent(config.Beta, config.Gamma);
            string regime = config.Gamma > 0 ? "rich" : "lazy";

            // The linear network is not projected, so it has no width bottleneck (Appendix G).
            // For beta > 1 the exact floor follows alpha min(1, beta), not eq. 12: both are named (docs/numerics.md).
            double paper = Exponents.ModelBottleneck(config.Alpha, config.Beta);
            double corrected = Exponents.ModelBottleneckMeasured(config.Alpha, config.Beta);
            string floor = config.Model != ScaleSweep.Numerics.Models.ModelKind.Projected
                ? "; no width bottleneck (both layers train freely)"
                : corrected == paper
                    ? $"; finite N sets a floor ~ N^-{NumberFormat.Exponent(paper)}"
                    : $"; finite N sets a floor ~ N^-{NumberFormat.Exponent(corrected)} (alpha min(1, beta), measured; eq. 12 says N^-{NumberFormat.Exponent(paper)})";
            if (config.P is not null)
            {
                floor += $", finite P one ~ P^-{NumberFormat.Exponent(Exponents.ModelBottleneck(config.Alpha, config.Beta))} (eq. 78)";
            }

            TextWrap.Write(writer, $"theory (N, B -> inf): L ~ t^-{NumberFormat.Exponent(chi)} ({regime}){floor}", width);
        }

        int diverged = summary.Aggregate.Diverged;
        string which = diverged == 0
            ? string.Empty
            : ": " + string.Join(", ", summary.DivergedRuns.Select(r => $"seed {r.Seed} at step {r.DivergedAtStep}"));
        TextWrap.Write(writer, $"diverged: {diverged} of {request.Seeds} seeds{which}", width);

        if (request.PerSeed)
        {
            PerSeedTable(writer, width, summary);
        }
    }

    /// <summary>"simulate projected:", then one item per setting, so a line breaks between settings, not inside one.</summary>
    private static List<string> Header(SimulateRequest request, SimulationConfig config)
    {
        string model = ModelKindNames.Name(config.Model);
        var items = new List<string> { $"simulate {model}:" };
        if (config.Mlp is { } mlp)
        {
            items.AddRange([$"q={NumberFormat.Parameter(mlp.Q)}", $"qPhi={NumberFormat.Parameter(mlp.QPhi)}", $"depth={mlp.Depth}", $"K={mlp.Harmonics}"]);
        }
        else if (config.CustomSpectrum is { } s)
        {
            items.Add($"spectrum={request.SpectrumPath} ({s.M} modes)");
        }
        else
        {
            items.AddRange([$"alpha={NumberFormat.Parameter(config.Alpha)}", $"beta={NumberFormat.Parameter(config.Beta)}", $"M={config.M}"]);
        }

        string sampler = config.Sampler == Sampler.Reference ? "reference" : "fast";
        ulong last = request.Seed0 + (ulong)(request.Seeds - 1);
        items.AddRange(
        [
            $"gamma={NumberFormat.Parameter(config.Gamma)}", $"N={config.N}", .. (config.P is { } p ? [$"P={p}"] : Array.Empty<string>()), $"B={BatchSize.Format(config.Batch)}",
            $"eta={NumberFormat.Parameter(config.Eta)}", $"steps={config.Steps}", $"seeds={request.Seeds} ({request.Seed0}..{last})",
            $"sampler={sampler}",
        ]);
        return items;
    }

    private static void SeedAggregateTable(TextWriter writer, int width, SimulationSummary summary)
    {
        var aggregate = summary.Aggregate;
        if (aggregate.Used == 0)
        {
            return;
        }

        var table = new TextTable().AddColumn("step").AddColumn("mean").AddColumn("sem").AddColumn("n");
        bool norms = summary.WeightNormMean is not null;
        if (norms)
        {
            table.AddColumn("|w|^2/N");
        }

        SeedAggregateResult? train = summary.Train;
        if (train is not null)
        {
            table.AddColumn("train").AddColumn("train sem");
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

            if (train is not null)
            {
                cells.Add(NumberFormat.Value(train.Mean[k]));
                cells.Add(NumberFormat.Value(train.Sem[k]));
            }

            table.AddRow(cells.ToArray());
        }

        table.Write(writer, width);
    }

    private static void PerSeedTable(TextWriter writer, int width, SimulationSummary summary)
    {
        var table = new TextTable().AddColumn("seed").AddColumn("status", right: false).AddColumn("last step").AddColumn("last loss");
        foreach (SeedRun run in summary.Runs)
        {
            string status = run.Diverged ? $"diverged at step {run.DivergedAtStep}" : "completed";
            int count = run.Curve.Count;
            table.AddRow(
                run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                status,
                count == 0 ? "-" : NumberFormat.Integer(run.Curve.Steps[count - 1]),
                count == 0 ? "-" : NumberFormat.Value(run.Curve.Loss[count - 1]));
        }

        table.Write(writer, width);
    }

    /// <summary>"L ~ t^-chi" with the fitted chi; a negative chi (a rising loss, e.g. overfitting on finite data)
    /// is named as such rather than printed as "t^--0.01".</summary>
    private static string FittedLaw(double chi) => chi >= 0
        ? $"L ~ t^-{NumberFormat.Exponent(chi)}"
        : $"L ~ t^-chi with chi = {NumberFormat.Exponent(chi)} (the loss rises)";
}
