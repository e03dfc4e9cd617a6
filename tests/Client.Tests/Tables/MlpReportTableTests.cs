using ScaleSweep.Client.Output;
using ScaleSweep.Client.Reports;
using ScaleSweep.Client.Tests.Reports;
using ScaleSweep.Numerics.Models.MlpCircle;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Tables;

/// <summary>The group table of an mlp-circle sweep: the MLP's own parameters as columns, K above, the theory's notes below; 80 columns.</summary>
public class MlpReportTableTests
{
    /// <summary>The sample report with its groups turned into the MLP's at qPhi = 1, q = 1 and 1.4 (beta = 0.5 and 0.9 by eq. 14).</summary>
    private static SweepReport MlpReport()
    {
        SweepReport sample = SampleReports.Create(betas: [0.5, 0.9], gammas: [0.01, 1.0], widths: [128], withIssues: false);
        GroupReport[] groups = sample.Groups.Select(g =>
        {
            double q = g.Config.Beta == 0.5 ? 1.0 : 1.4;
            var settings = new MlpCircleSettings(q, 1.0, 2, q == 1.0 ? 2931 : 900);
            return g with
            {
                Config = g.Config with { Alpha = settings.Alpha, Beta = settings.Beta, M = settings.Harmonics, Q = q, QPhi = 1.0, Depth = 2 },
                Theory = g.Theory with { Phase = "hard; eq. 14: alpha = 2 qPhi, beta = (2q-1)/(2 qPhi); kernel: lambda_k ~ k^-2.01 (2 qPhi = 2)" },
            };
        }).ToArray();
        return sample with { Model = "mlp-circle", Groups = groups, Frontiers = [] };
    }

    [Fact]
    public void TheTableNamesQBetaAndGamma0AndFitsIn80Columns()
    {
        var writer = new StringWriter();
        ReportTables.Write(writer, ConsoleFactory.For(writer, isTerminal: false, 80), MlpReport());
        string[] lines = Rendered.Lines(writer.ToString());

        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.Contains(lines, l => l.StartsWith("groups: 4 (K=900..2931, steps=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("every group: qPhi=1, depth=2, N=128", StringComparison.Ordinal));
        string header = Assert.Single(lines, l => l.Contains("fit chi", StringComparison.Ordinal));
        Assert.Matches(@"^\s+q\s+beta\s+gamma0\s+fit chi", header);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+1\.4\s+0\.9\s")); // beta to 10 digits, not 0.8999999999999999
        Assert.Contains("kernel: lambda_k ~ k^-2.01 (2 qPhi = 2)", string.Join(" ", lines.Select(l => l.Trim())));
    }

    /// <summary>The loss plots of an MLP sweep: a panel per q (not per eq. 14's beta), one line per gamma0, depth and K in the title.</summary>
    [Fact]
    public void TheLossPlotsAreNamedAndTitledByTheMlpsOwnParameters()
    {
        IReadOnlyList<LossPanel> panels = ReportPlots.LossPanels(MlpReport());

        Assert.Equal(["loss-q1", "loss-q1.4"], panels.Select(p => p.BaseName));
        Assert.Equal("gamma0", panels[0].Series.Name);
        Assert.Equal("loss, mlp-circle: qPhi=1 q=1 N=128 B=inf eta=0.05 depth=2 K=2931; one line per gamma0, seed mean +- SEM", panels[0].Title);
        Assert.StartsWith("loss-beta0.5", ReportPlots.LossPanels(SampleReports.Create(betas: [0.5, 0.9], withIssues: false))[0].BaseName);
    }

    [Fact]
    public void ReportJsonWritesQQPhiAndDepthOnlyForTheMlpAndReadsThemBack()
    {
        SweepReport mlp = MlpReport();
        string json = ReportJson.Serialize(mlp);

        Assert.Contains("\"q\": 1.4", json);
        Assert.Contains("\"qPhi\": 1", json);
        Assert.Contains("\"depth\": 2", json);
        Assert.DoesNotContain("\"mlp\"", json);
        Assert.Equal(mlp.Groups.Select(g => g.Config), ReportJson.Deserialize(json).Groups.Select(g => g.Config));

        string projected = ReportJson.Serialize(SampleReports.Create(withIssues: false));
        Assert.DoesNotContain("qPhi", projected);
        Assert.DoesNotContain("\"q\"", projected);
        Assert.DoesNotContain("depth", projected);
    }
}
