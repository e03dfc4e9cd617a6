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
        SeedsCsv.WriteHeader("projected", writer);
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
        foreach (string model in new[] { "projected", "linear-network", "mlp-circle" })
        {
            string groupOf = CsvValues.GroupHeaderOf(model) + ",";
            Assert.StartsWith(groupOf, SeedsCsv.HeaderOf(model), StringComparison.Ordinal);
            Assert.StartsWith(groupOf, CurvesCsv.HeaderOf(model), StringComparison.Ordinal);
        }
    }

    /// <summary>An mlp-circle sweep's rows carry q, qPhi and depth after the group's other columns, as its curves.csv does; the other models' rows do not.</summary>
    [Fact]
    public void An_mlp_circle_sweep_adds_q_qPhi_and_depth()
    {
        var config = new GroupConfig(2, 0.8999999999999999, 1, 128, 32, 0.1, 900, 5000, Q: 1.4, QPhi: 1, Depth: 2);
        GroupSeedCurves group = new(0, config, [new StoredSeedCurve([0, 10], [0.5, 0.25], false, 3)]);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SeedsCsv.WriteHeader("mlp-circle", writer);
        SeedsCsv.WriteGroup("mlp-circle", group, writer);

        Assert.Equal(
            "model,alpha,beta,gamma,N,P,B,eta,M,steps,q,qPhi,depth,seed,step,loss,diverged,train_loss\n"
            + "mlp-circle,2,0.8999999999999999,1,128,inf,32,0.1,900,5000,1.4,1,2,3,0,0.5,false,\n"
            + "mlp-circle,2,0.8999999999999999,1,128,inf,32,0.1,900,5000,1.4,1,2,3,10,0.25,false,\n",
            writer.ToString());

        using var linear = new StringWriter(CultureInfo.InvariantCulture);
        SeedsCsv.WriteHeader("linear-network", linear);
        SeedsCsv.WriteGroup("linear-network", group with { Config = config with { Q = null, QPhi = null, Depth = null } }, linear);
        Assert.Equal(
            "model,alpha,beta,gamma,N,P,B,eta,M,steps,seed,step,loss,diverged,train_loss\n"
            + "linear-network,2,0.8999999999999999,1,128,inf,32,0.1,900,5000,3,0,0.5,false,\n"
            + "linear-network,2,0.8999999999999999,1,128,inf,32,0.1,900,5000,3,10,0.25,false,\n",
            linear.ToString());
    }

    [Fact]
    public void RefusesACurveWithoutItsSeed()
    {
        GroupSeedCurves group = new(3, new GroupConfig(2, 0.4, 0, 32, null, 0.05, 1000, 100), [new StoredSeedCurve([0], [1], false)]);
        var error = Assert.Throws<ArgumentException>(() => SeedsCsv.WriteGroup("projected", group, TextWriter.Null));
        Assert.Contains("Group 3", error.Message, StringComparison.Ordinal);
    }
}
