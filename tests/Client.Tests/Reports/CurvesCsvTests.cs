using System.Globalization;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

public class CurvesCsvTests
{
    [Fact]
    public void OneRowPerGroupAndStepAfterTheHeader()
    {
        SweepReport report = SampleReports.WithEmptyGroup();

        string[] lines = CurvesCsv.Serialize(report).Split('\n');

        Assert.Equal("model,alpha,beta,gamma,N,P,B,eta,M,steps,step,mean,sem,n,train_mean,train_sem", lines[0]);
        Assert.Equal(string.Empty, lines[^1]); // the file ends with a line end
        Assert.Equal(report.Groups.Sum(g => g.Steps.Length), lines.Length - 2);
        Assert.All(lines[1..^1], l => Assert.Equal(16, l.Split(',').Length));
        Assert.All(lines[1..^1], l => Assert.EndsWith(",,", l, StringComparison.Ordinal)); // online: no train loss
    }

    [Fact]
    public void NumbersRoundTripInInvariantCulture()
    {
        SweepReport report = SampleReports.Create(gammas: [0.25], widths: [32], batches: [null, 16]);
        GroupReport group = report.Groups[0];

        string[] lines = CurvesCsv.Serialize(report).Split('\n');
        string[] row = lines[1 + 7].Split(',');

        Assert.Equal(["projected", "2", "0.4", "0.25", "32", "inf", "inf", "0.05", "1000", "100000"], row[..10]);
        Assert.Equal(group.Steps[7], long.Parse(row[10], CultureInfo.InvariantCulture));
        Assert.Equal(group.Mean[7], double.Parse(row[11], CultureInfo.InvariantCulture));
        Assert.Equal(group.Sem[7], double.Parse(row[12], CultureInfo.InvariantCulture));
        Assert.Equal(group.Seeds.ToString(CultureInfo.InvariantCulture), row[13]);
        Assert.Contains(lines, l => l.StartsWith("projected,2,0.4,0.25,32,inf,16,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finite_training_set_has_its_P_and_train_loss_columns()
    {
        SweepReport online = SampleReports.Create(gammas: [0.25], widths: [32], batches: [16]);
        GroupReport group = online.Groups[0] with
        {
            Config = online.Groups[0].Config with { P = 64 },
            TrainMean = online.Groups[0].Mean.Select(m => m / 2).ToArray(),
            TrainSem = online.Groups[0].Sem.Select(s => s / 2).ToArray(),
        };
        SweepReport report = online with { Groups = [group] };

        string[] row = CurvesCsv.Serialize(report).Split('\n')[1 + 3].Split(',');
        Assert.Equal(["32", "64", "16"], row[4..7]);
        Assert.Equal(group.TrainMean![3], double.Parse(row[14], CultureInfo.InvariantCulture));
        Assert.Equal(group.TrainSem![3], double.Parse(row[15], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// An mlp-circle sweep's rows carry q, qPhi and depth after the group's other columns; every other model's file is as
    /// before, byte for byte (the 16 columns of <see cref="CurvesCsv.Header"/>, none of the MLP's).
    /// </summary>
    [Fact]
    public void An_mlp_circle_sweep_adds_q_qPhi_and_depth_and_the_other_models_do_not()
    {
        SweepReport mlp = SampleReports.Mlp([(1.4, 0.75), (1.0, 1.0)], [0.01, 1.0]);

        string[] lines = CurvesCsv.Serialize(mlp).Split('\n');

        Assert.Equal("model,alpha,beta,gamma,N,P,B,eta,M,steps,q,qPhi,depth,step,mean,sem,n,train_mean,train_sem", lines[0]);
        Assert.Equal(CurvesCsv.HeaderOf("mlp-circle"), lines[0]);
        Assert.All(lines[1..^1], l => Assert.Equal(19, l.Split(',').Length));
        GroupReport group = mlp.Groups.Single(g => g.Config.Q == 1.0 && g.Config.Gamma == 1.0);
        string[] row = lines.First(l => l.StartsWith("mlp-circle,2,0.5,1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["mlp-circle", "2", "0.5", "1", "128", "inf", "32", "0.05", "256", "100000", "1", "1", "2"], row[..13]);
        Assert.Equal(group.Steps[0], long.Parse(row[13], CultureInfo.InvariantCulture));
        Assert.Equal(group.Mean[0], double.Parse(row[14], CultureInfo.InvariantCulture));
        Assert.Contains(lines, l => l.StartsWith("mlp-circle,1.5,", StringComparison.Ordinal) && l.Contains(",256,100000,1.4,0.75,2,", StringComparison.Ordinal));

        SweepReport projected = SampleReports.Create(gammas: [0.25], widths: [32], withIssues: false);
        foreach (SweepReport other in new[] { projected, SampleReports.AsLinearNetwork(projected) })
        {
            string csv = CurvesCsv.Serialize(other);
            Assert.StartsWith(CurvesCsv.Header + "\n", csv, StringComparison.Ordinal);
            Assert.Equal(CurvesCsv.Header, CurvesCsv.HeaderOf(other.Model));
            Assert.All(csv.Split('\n')[1..^1], l => Assert.Equal(16, l.Split(',').Length));
        }

        // The same groups written as the projected model's: the MLP's settings are left out, the rest identical.
        SweepReport asProjected = mlp with { Model = "projected" };
        string[] plain = CurvesCsv.Serialize(asProjected).Split('\n');
        Assert.Equal(CurvesCsv.Header, plain[0]);
        Assert.Equal(
            lines[1..^1].Select(l => string.Join(',', l.Split(',')[..10].Skip(1).Concat(l.Split(',')[13..]))),
            plain[1..^1].Select(l => string.Join(',', l.Split(',').Skip(1))));
    }
}
