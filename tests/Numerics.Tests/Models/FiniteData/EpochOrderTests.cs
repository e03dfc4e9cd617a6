using ScaleSweep.Numerics.Models.FiniteData;

namespace ScaleSweep.Numerics.Tests.Models.FiniteData;

public class EpochOrderTests
{
    [Fact]
    public void EachEpochVisitsDistinctSamplesInBatchesOfB()
    {
        var order = new EpochOrder(3, 23, 5);
        Assert.Equal(4, order.StepsPerEpoch);
        for (long epoch = 0; epoch < 6; epoch++)
        {
            var seen = new HashSet<int>();
            for (long j = 0; j < 4; j++)
            {
                ReadOnlySpan<int> batch = order.Batch(epoch * 4 + j);
                Assert.Equal(5, batch.Length);
                foreach (int mu in batch)
                {
                    Assert.InRange(mu, 0, 22);
                    Assert.True(seen.Add(mu), $"sample {mu} twice in epoch {epoch}");
                }
            }

            Assert.Equal(20, seen.Count);
        }
    }

    [Fact]
    public void AStepsBatchDoesNotDependOnTheStepsBeforeIt()
    {
        var walked = new EpochOrder(8, 50, 7);
        for (long t = 0; t < 30; t++)
        {
            walked.Batch(t);
        }

        int[] afterWalk = walked.Batch(30).ToArray();
        int[] direct = new EpochOrder(8, 50, 7).Batch(30).ToArray();
        Assert.Equal(direct, afterWalk);
        Assert.NotEqual(new EpochOrder(9, 50, 7).Batch(30).ToArray(), direct);
    }

    [Fact]
    public void FullBatchIsEverySampleInOrder()
    {
        var order = new EpochOrder(1, 6, 6);
        Assert.True(order.IsFullBatch);
        Assert.Equal([0, 1, 2, 3, 4, 5], order.Batch(17).ToArray());
    }

    [Fact]
    public void OrdersAreUniform()
    {
        // Over E epochs the first sample of the order is each of the P samples with probability 1/P: counts are
        // binomial(E, 1/P), standard error sqrt(E (1/P)(1 - 1/P)); 5 SE over 10 counts fails by chance < 1e-5.
        const int p = 10, epochs = 20_000;
        var counts = new int[p];
        var order = new EpochOrder(4, p, 1);
        for (long e = 0; e < epochs; e++)
        {
            counts[order.Batch(e * p)[0]]++;
        }

        double expected = (double)epochs / p, se = Math.Sqrt(epochs * (1.0 / p) * (1 - 1.0 / p));
        Assert.All(counts, c => Assert.InRange(c, expected - 5 * se, expected + 5 * se));
    }
}
