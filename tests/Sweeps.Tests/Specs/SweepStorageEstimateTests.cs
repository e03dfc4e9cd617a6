using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Tests.Specs;

/// <summary>
/// The storage estimate of a sweep against a sum over its expanded runs and groups, and the
/// <see cref="SweepLimits.MaxStoredBytes"/> cap the validator checks it against.
/// </summary>
public class SweepStorageEstimateTests
{
    private const string Setting = "ScaleSweep:Limits:MaxStoredBytes";

    /// <summary>1 alpha x 1 beta x 2 gamma x 1 N x 1 B x 1 eta x 2 seeds = 4 runs in 2 groups.</summary>
    private static readonly SweepSpec Small = new(
        "small", ModelKind.Projected, [2.0], [0.4], [0.0, 1.0], [64], [null], [0.05], 1000, 1000, [0, 1], 10, null, null);

    /// <summary>
    /// The plain reference: every run of the expanded grid adds its row (steps, loss, weight norm: 24 bytes a
    /// point, 512 fixed) and its seed copy in its group (steps, loss: 16 a point); every group adds its mean
    /// and SEM curves twice (outcome and report: 48 a point) and 512 fixed.
    /// </summary>
    private static long ReferenceBytes(SweepSpec spec)
    {
        SweepGrid grid = spec.Grid();
        long total = 0;
        foreach (SimulationConfig run in grid.Runs)
        {
            long points = LogGrid.Steps(run.Steps, run.PointsPerDecade).Length;
            total += (24 * points) + 512 + (16 * points);
        }

        foreach (GroupConfig group in grid.Groups)
        {
            long points = LogGrid.Steps(group.Steps, spec.PointsPerDecade).Length;
            total += (2 * 24 * points) + 512;
        }

        return total;
    }

    public static TheoryData<string> SmallSpecs => new() { "small", "test-valid", "one-run", "dense" };

    private static SweepSpec SpecNamed(string name) => name switch
    {
        "small" => Small,
        "test-valid" => TestSpecs.Parse(TestSpecs.Valid),
        "one-run" => Small with { Gamma = [0.0], Seeds = [7], Steps = 1 },
        "dense" => Small with { Steps = 123_457, PointsPerDecade = SimulationConfigValidation.MaxPointsPerDecade, Seeds = [0, 1, 2] },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(SmallSpecs))]
    public void EstimateIsTheSumOverTheExpandedRunsAndGroups(string name)
    {
        SweepSpec spec = SpecNamed(name);
        SweepGrid grid = spec.Grid();

        SweepStorage storage = SweepStorageEstimate.Of(spec);

        Assert.Equal(grid.Runs.Count, storage.Runs);
        Assert.Equal(grid.Groups.Count, storage.Groups);
        Assert.Equal(LogGrid.Steps(spec.Steps, spec.PointsPerDecade).Length, storage.PointsPerCurve);
        Assert.Equal(ReferenceBytes(spec), storage.TotalBytes);
        Assert.Equal((storage.Runs * storage.BytesPerRun) + (storage.Groups * storage.BytesPerGroup), storage.TotalBytes);
    }

    [Fact]
    public void SmallSpecByHand()
    {
        // 1000 steps at 10 per decade: 0, 1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, ..., 631, 794, 1000 (29 steps).
        SweepStorage storage = SweepStorageEstimate.Of(Small);

        Assert.Equal(new SweepStorage(4, 2, 29, (40 * 29) + 512, (48 * 29) + 512, (4 * 1672) + (2 * 1904)), storage);
    }

    [Fact]
    public void PointsAndBytesAreThoseOfARecordedCurve()
    {
        // The linear network records all three arrays (the projected model leaves the weight norm empty).
        var config = new SimulationConfig(ModelKind.LinearNetwork, 2.0, 0.4, 8, 1.0, 4, 2, 0.05, 1000, 0, 10);
        ISimulation run = SimulationFactory.Create(config);
        run.Advance(config.Steps);
        LossCurve curve = run.Curve;

        SweepStorage storage = SweepStorageEstimate.Of(Small with { Model = ModelKind.LinearNetwork, Gamma = [1.0], N = [4], B = [2], M = 8 });

        Assert.Equal(config.Steps, run.Step);
        Assert.Equal(curve.Count, storage.PointsPerCurve);
        long curveBytes = (curve.Steps.Length * sizeof(long)) + (curve.Loss.Length * sizeof(double)) + (curve.WeightNormPerWidth.Length * sizeof(double));
        Assert.Equal(curveBytes, SweepStorageEstimate.RunBytesPerPoint * (long)storage.PointsPerCurve);
    }

    [Fact]
    public void HundredThousandSeedsAreEstimatedWithoutExpandingTheRuns()
    {
        // The example: 100,000 runs of 100 steps at 10 points per decade, as one grid point.
        SweepSpec spec = Small with
        {
            Gamma = [0.0], Steps = 100, Seeds = Enumerable.Range(0, 100_000).Select(i => (ulong)i).ToArray(),
        };

        long before = GC.GetAllocatedBytesForCurrentThread();
        SweepStorage storage = SweepStorageEstimate.Of(spec);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Expanding would allocate a configuration per run, megabytes; the estimate allocates one step grid.
        Assert.True(allocated < 16 * 1024, $"the estimate allocated {allocated} bytes");
        Assert.Equal(100_000, storage.Runs);
        Assert.Equal(1, storage.Groups);
        Assert.Equal(19, storage.PointsPerCurve);
        Assert.Equal((40 * 19) + 512, storage.BytesPerRun);
        Assert.Equal((100_000 * storage.BytesPerRun) + storage.BytesPerGroup, storage.TotalBytes);
        Assert.Equal(127_201_424, storage.TotalBytes);
        SweepSpecValidator.Validate(spec, new SweepLimits());
    }

    [Fact]
    public void HundredThousandGroupsAreEstimatedAsRunsTimesPerRunPlusGroups()
    {
        // 100 alpha x 100 beta x 10 eta x 1 seed: the same 100,000 runs, each its own group.
        SweepSpec spec = Small with
        {
            Alpha = Enumerable.Range(0, 100).Select(i => 1.5 + (i / 100.0)).ToArray(),
            Beta = Enumerable.Range(1, 100).Select(i => i / 100.0).ToArray(),
            Gamma = [0.0],
            Eta = Enumerable.Range(1, 10).Select(i => i / 100.0).ToArray(),
            Seeds = [0],
            Steps = 100,
        };

        SweepStorage storage = SweepStorageEstimate.Of(spec);

        Assert.Equal(100_000, storage.Runs);
        Assert.Equal(100_000, storage.Groups);
        Assert.Equal(100_000 * (storage.BytesPerRun + storage.BytesPerGroup), storage.TotalBytes);
        Assert.Equal(269_600_000, storage.TotalBytes);
    }

    [Fact]
    public void AHugeGridSaturatesInsteadOfWrapping()
    {
        double[] doubles = Enumerable.Range(2, 1024).Select(i => (double)i).ToArray();
        SweepSpec huge = Small with
        {
            Alpha = doubles, Beta = doubles, Gamma = doubles, Eta = doubles,
            N = Enumerable.Range(1, 1024).ToArray(),
            B = Enumerable.Range(1, 1024).Select(i => (long?)i).ToArray(),
            Seeds = Enumerable.Range(0, 1024).Select(i => (ulong)i).ToArray(),
        };

        SweepStorage storage = SweepStorageEstimate.Of(huge);

        Assert.Equal(long.MaxValue, storage.Runs);
        Assert.Equal(long.MaxValue, storage.TotalBytes);
    }

    [Fact]
    public void ALowerCapRefusesASmallSpecWithTheEstimateTheCapAndTheSetting()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.Valid);
        SweepStorage storage = SweepStorageEstimate.Of(spec);
        var limits = new SweepLimits { MaxStoredBytes = 64 * 1024 };

        // 64 runs x 34 points in 16 groups: 64 x 1872 + 16 x 2144 = 154,112 bytes = 150.5 KiB.
        Assert.Equal(154_112, storage.TotalBytes);
        SweepSpecException e = TestSpecs.RejectsWith(
            TestSpecs.Valid, limits, "$",
            "64 runs x 34 recorded points (steps = 3000 at pointsPerDecade = 10) is out of range",
            "would store about 150.5 KiB", "above the cap of 64 KiB per sweep", $"({Setting})",
            "use fewer seeds or grid points, or lower steps or pointsPerDecade.");
        Assert.Equal(
            "$: 64 runs x 34 recorded points (steps = 3000 at pointsPerDecade = 10) is out of range: the sweep would store about 150.5 KiB, "
            + $"above the cap of 64 KiB per sweep ({Setting}); use fewer seeds or grid points, or lower steps or pointsPerDecade.",
            e.Message);

        // The coordinator's check of a spec object says the same.
        TestSpecs.AssertRejection(() => SweepSpecValidator.Validate(spec, limits), "$", "150.5 KiB", "64 KiB", Setting);
    }

    [Fact]
    public void TheDefaultCapRefusesInGiB()
    {
        // 100 alpha x 100 beta x 10 eta x 1 seed of 10^8 steps at 200 per decade: 1300 points a run.
        SweepSpec spec = Small with
        {
            Alpha = Enumerable.Range(0, 100).Select(i => 1.5 + (i / 100.0)).ToArray(),
            Beta = Enumerable.Range(1, 100).Select(i => i / 100.0).ToArray(),
            Gamma = [0.0],
            Eta = Enumerable.Range(1, 10).Select(i => i / 100.0).ToArray(),
            Seeds = [0],
            Steps = 100_000_000,
            PointsPerDecade = 200,
        };

        TestSpecs.AssertRejection(
            () => SweepSpecValidator.Validate(spec, new SweepLimits()), "$",
            "100000 runs x 1300 recorded points (steps = 100000000 at pointsPerDecade = 200) is out of range",
            "would store about 10.7 GiB, above the cap of 10 GiB per sweep", Setting);
    }

    [Fact]
    public void ASpecAtTheCapPassesAndOneByteOverIsRefused()
    {
        SweepSpec spec = TestSpecs.Parse(TestSpecs.Valid);
        long bytes = SweepStorageEstimate.Of(spec).TotalBytes;

        SweepSpecValidator.Validate(spec, new SweepLimits { MaxStoredBytes = bytes });
        SweepSpecValidator.Validate(spec, new SweepLimits { MaxStoredBytes = bytes + 1 });
        TestSpecs.RejectsWith(TestSpecs.Valid, new SweepLimits { MaxStoredBytes = bytes - 1 }, "$", Setting);
    }

    [Fact]
    public void TheRunCountCapIsReportedFirst()
    {
        var limits = new SweepLimits { MaxRunsPerSweep = 63, MaxStoredBytes = 1 };

        TestSpecs.RejectsWith(TestSpecs.Valid, limits, "$", "= 64 runs is out of range", "ScaleSweep:Limits:MaxRunsPerSweep");
    }

    [Fact]
    public void DefaultCapIsTenGiBAndACapBelowOneIsAConfigurationError()
    {
        Assert.Equal(10L * 1024 * 1024 * 1024, new SweepLimits().MaxStoredBytes);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SweepSpecValidator.Validate(Small, new SweepLimits { MaxStoredBytes = 0 }));
        Assert.Contains(Setting, e.Message);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1023, "1023 bytes")]
    [InlineData(1024, "1 KiB")]
    [InlineData(154_112, "150.5 KiB")]
    [InlineData(1L << 20, "1 MiB")]
    [InlineData(3L << 29, "1.5 GiB")]
    [InlineData(10L << 30, "10 GiB")]
    public void BytesAreShownInBinaryUnits(long bytes, string shown)
    {
        Assert.Equal(shown, SweepSpecRanges.Bytes(bytes));
    }
}
