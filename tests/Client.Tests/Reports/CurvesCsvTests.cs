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
}
