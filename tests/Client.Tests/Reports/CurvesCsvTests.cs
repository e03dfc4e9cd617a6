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

        Assert.Equal("model,alpha,beta,gamma,N,B,eta,M,steps,step,mean,sem,n", lines[0]);
        Assert.Equal(string.Empty, lines[^1]); // the file ends with a line end
        Assert.Equal(report.Groups.Sum(g => g.Steps.Length), lines.Length - 2);
        Assert.All(lines[1..^1], l => Assert.Equal(13, l.Split(',').Length));
    }

    [Fact]
    public void NumbersRoundTripInInvariantCulture()
    {
        SweepReport report = SampleReports.Create(gammas: [0.25], widths: [32], batches: [null, 16]);
        GroupReport group = report.Groups[0];

        string[] lines = CurvesCsv.Serialize(report).Split('\n');
        string[] row = lines[1 + 7].Split(',');

        Assert.Equal(["projected", "2", "0.4", "0.25", "32", "inf", "0.05", "1000", "100000"], row[..9]);
        Assert.Equal(group.Steps[7], long.Parse(row[9], CultureInfo.InvariantCulture));
        Assert.Equal(group.Mean[7], double.Parse(row[10], CultureInfo.InvariantCulture));
        Assert.Equal(group.Sem[7], double.Parse(row[11], CultureInfo.InvariantCulture));
        Assert.Equal(group.Seeds.ToString(CultureInfo.InvariantCulture), row[12]);
        Assert.Contains(lines, l => l.StartsWith("projected,2,0.4,0.25,32,16,", StringComparison.Ordinal));
    }
}
