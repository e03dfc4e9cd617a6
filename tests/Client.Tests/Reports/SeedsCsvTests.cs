using System.Globalization;
using ScaleSweep.Client.Reports;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Tests.Reports;

public class SeedsCsvTests
{
    [Fact]
    public void OneRowPerGroupSeedAndStepWithTheGroupColumnsOfCurvesCsv()
    {
        GroupSeedCurves first = new(0, new GroupConfig(2, 0.4, 0.25, 32, null, 0.05, 1000, 100),
        [
            new StoredSeedCurve([0, 1, 10], [1.5, 0.1 + 0.2, 1e-300], false, 7),
            new StoredSeedCurve([0, 1], [2, 1.5e9], true, 18446744073709551615),
        ]);
        GroupSeedCurves empty = new(1, new GroupConfig(2, 0.4, 0.25, 32, 16, 0.05, 1000, 100), []);
        GroupSeedCurves last = new(2, new GroupConfig(1.5, 1.2, 0, 64, 16, 0.1, 1000, 100), [new StoredSeedCurve([100], [0.125], false, 0)]);
        GroupSeedCurves finite = new(3, new GroupConfig(1.5, 1.2, 0, 64, 16, 0.1, 1000, 100, P: 128), [new StoredSeedCurve([100], [0.5], false, 3, [0.25])]);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SeedsCsv.WriteHeader(writer);
        foreach (GroupSeedCurves group in new[] { first, empty, last, finite })
        {
            SeedsCsv.WriteGroup("projected", group, writer);
        }

        Assert.Equal(
            "model,alpha,beta,gamma,N,P,B,eta,M,steps,seed,step,loss,diverged,train_loss\n"
            + "projected,2,0.4,0.25,32,inf,inf,0.05,1000,100,7,0,1.5,false,\n"
            + "projected,2,0.4,0.25,32,inf,inf,0.05,1000,100,7,1,0.30000000000000004,false,\n"
            + "projected,2,0.4,0.25,32,inf,inf,0.05,1000,100,7,10,1E-300,false,\n"
            + "projected,2,0.4,0.25,32,inf,inf,0.05,1000,100,18446744073709551615,0,2,true,\n"
            + "projected,2,0.4,0.25,32,inf,inf,0.05,1000,100,18446744073709551615,1,1500000000,true,\n"
            + "projected,1.5,1.2,0,64,inf,16,0.1,1000,100,0,100,0.125,false,\n"
            + "projected,1.5,1.2,0,64,128,16,0.1,1000,100,3,100,0.5,false,0.25\n",
            writer.ToString());
    }

    [Fact]
    public void SharesItsGroupColumnsWithCurvesCsv()
    {
        string group = CsvValues.GroupHeader + ",";
        Assert.StartsWith(group, SeedsCsv.Header, StringComparison.Ordinal);
        Assert.StartsWith(group, CurvesCsv.Header, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesACurveWithoutItsSeed()
    {
        GroupSeedCurves group = new(3, new GroupConfig(2, 0.4, 0, 32, null, 0.05, 1000, 100), [new StoredSeedCurve([0], [1], false)]);
        var error = Assert.Throws<ArgumentException>(() => SeedsCsv.WriteGroup("projected", group, TextWriter.Null));
        Assert.Contains("Group 3", error.Message, StringComparison.Ordinal);
    }
}
