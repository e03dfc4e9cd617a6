using ScaleSweep.Numerics.Analysis;

namespace ScaleSweep.Numerics.Tests.Analysis;

public class SeedAggregateTests
{
    private static readonly long[] Steps = [0, 1, 2, 3];

    [Fact]
    public void MeanAndSemMatchAHandComputation()
    {
        double[][] losses =
        [
            [1.0, 0.50, 0.30, 0.20],
            [2.0, 0.70, 0.35, 0.10],
            [4.0, 0.60, 0.40, 0.15],
        ];
        SeedAggregateResult result = SeedAggregate.Compute(
            [new SeedCurve(Steps, losses[0]), new SeedCurve(Steps, losses[1]), new SeedCurve(Steps, losses[2])]);

        Assert.Equal(3, result.Used);
        Assert.Equal(0, result.Diverged);
        Assert.Equal(Steps, result.Steps);
        for (int k = 0; k < Steps.Length; k++)
        {
            double mean = (losses[0][k] + losses[1][k] + losses[2][k]) / 3;
            double squares = 0;
            foreach (double[] seed in losses)
            {
                squares += (seed[k] - mean) * (seed[k] - mean);
            }

            double sem = Math.Sqrt(squares / 2) / Math.Sqrt(3);
            Assert.Equal(mean, result.Mean[k], 1e-14);
            Assert.Equal(sem, result.Sem[k], 1e-14);
        }

        // Step 0 by pencil: values 1, 2, 4 have mean 7/3, sample variance 7/3, so sem = sqrt(7) / 3.
        Assert.Equal(7.0 / 3, result.Mean[0], 1e-14);
        Assert.Equal(Math.Sqrt(7) / 3, result.Sem[0], 1e-14);
    }

    [Fact]
    public void DivergedSeedsAreExcludedButCounted()
    {
        SeedAggregateResult result = SeedAggregate.Compute(
        [
            new SeedCurve(Steps, [1.0, 0.5, 0.3, 0.2]),
            new SeedCurve([0, 1], [1.0, double.NaN], Diverged: true),
            new SeedCurve(Steps, [3.0, 0.7, 0.5, 0.4]),
        ]);

        Assert.Equal(2, result.Used);
        Assert.Equal(1, result.Diverged);
        Assert.Equal([2.0, 0.6, 0.4, 0.3], result.Mean.ToArray(), (x, y) => Math.Abs(x - y) < 1e-14);
    }

    [Fact]
    public void AllDivergedGivesAnEmptyResultNotAnException()
    {
        SeedAggregateResult result = SeedAggregate.Compute(
            [new SeedCurve(Steps, [1.0, 2.0, 1e300, double.PositiveInfinity], Diverged: true), new SeedCurve([0], [double.NaN], Diverged: true)]);

        Assert.Equal(0, result.Used);
        Assert.Equal(2, result.Diverged);
        Assert.Empty(result.Mean);
        Assert.Empty(result.Sem);
        Assert.Empty(result.Steps);
    }

    [Fact]
    public void ASingleSeedHasZeroSemAndReportsOneSeed()
    {
        SeedAggregateResult result = SeedAggregate.Compute([new SeedCurve(Steps, [1.0, 0.5, 0.3, 0.2])]);

        Assert.Equal(1, result.Used);
        Assert.Equal([1.0, 0.5, 0.3, 0.2], result.Mean);
        Assert.All(result.Sem, s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void DifferentStepsAreRejectedNamingTheSeedAndStep()
    {
        var error = Assert.Throws<ArgumentException>(() => SeedAggregate.Compute(
        [
            new SeedCurve(Steps, [1.0, 0.5, 0.3, 0.2]),
            new SeedCurve([0, 1, 2, 4], [1.0, 0.5, 0.3, 0.2]),
        ]));

        Assert.Contains("Seed 1", error.Message);
        Assert.Contains("step 4", error.Message);
        Assert.Contains("step 3", error.Message);
    }

    [Fact]
    public void DifferentLengthsAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SeedAggregate.Compute(
        [
            new SeedCurve(Steps, [1.0, 0.5, 0.3, 0.2]),
            new SeedCurve([0, 1, 2], [1.0, 0.5, 0.3]),
        ]));

        Assert.Contains("Seed 1 records 3 steps but seed 0 records 4", error.Message);
    }

    [Fact]
    public void ANonFiniteLossInAnUnflaggedSeedIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SeedAggregate.Compute(
            [new SeedCurve(Steps, [1.0, 0.5, double.NaN, 0.2])]));

        Assert.Contains("step 2", error.Message);
    }

    [Fact]
    public void StepsMustAscend()
    {
        var error = Assert.Throws<ArgumentException>(() => SeedAggregate.Compute(
            [new SeedCurve([0, 2, 1], [1.0, 0.5, 0.3])]));

        Assert.Contains("ascending", error.Message);
    }
}
