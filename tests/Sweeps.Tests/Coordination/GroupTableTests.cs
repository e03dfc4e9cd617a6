using ScaleSweep.Sweeps.Coordination;

namespace ScaleSweep.Sweeps.Tests.Coordination;

/// <summary>A sweep's view of its groups: the budget shared in grid order, done groups, totals.</summary>
public sealed class GroupTableTests
{
    private static GroupProgress Group(int g, int final, int inFlight = 0, bool done = false) =>
        new(g, new GroupTotals(10, 10 - final - inFlight, 0, inFlight, final, 0, 0, 0, final * 100L, final * 2.0), done);

    [Fact]
    public void TheBudgetGoesToTheFirstGroupsNotDoneAsFarAsTheyHaveOpenRuns()
    {
        var table = new GroupTable(new SweepRecord(), groups: 5, seedsPerGroup: 10);
        Assert.Equal([(0, 10), (1, 5)], table.Allocate(15));
        Assert.Empty(table.Allocate(15));

        table.Note(Group(0, final: 8, inFlight: 2));
        Assert.Equal([(0, 2), (1, 10), (2, 3)], table.Allocate(15));

        table.Note(Group(0, final: 10, done: true));
        Assert.False(table.Budgets.ContainsKey(0));
        Assert.Equal([(2, 5)], table.Allocate(15));
        Assert.Equal(new Dictionary<int, int> { [1] = 10, [2] = 5 }, table.Budgets);
    }

    [Fact]
    public void DoneGroupsFormAPrefixAndTheFewBeyondAndNeverCountTwice()
    {
        var record = new SweepRecord();
        var table = new GroupTable(record, groups: 4, seedsPerGroup: 10);
        Assert.True(table.Note(Group(2, 10, done: true)));
        Assert.False(table.Note(Group(2, 10, done: true)));
        Assert.Equal(0, record.DonePrefix);
        Assert.Equal([2], record.DoneBeyond);
        table.Note(Group(0, 10, done: true));
        table.Note(Group(1, 10, done: true));
        Assert.Equal((3, 0), (record.DonePrefix, record.DoneBeyond.Count));
        Assert.False(table.AllDone);
        table.Note(Group(3, 10, done: true));
        Assert.True(table.AllDone);
        Assert.Equal(new GroupTotals(40, 0, 0, 0, 40, 0, 0, 0, 4000, 80.0), table.Totals());
        Assert.Equal(2.0, table.MeanRunSeconds());
    }

    [Fact]
    public void TotalsAddDoneActiveAndUntouchedGroups()
    {
        var table = new GroupTable(new SweepRecord(), groups: 3, seedsPerGroup: 10);
        Assert.Null(table.MeanRunSeconds());
        table.Note(Group(0, 10, done: true));
        table.Note(Group(1, 4, inFlight: 3));
        GroupTotals totals = table.Totals();
        Assert.Equal((30, 14, 3, 13), (totals.Runs, totals.Completed, totals.Computing, totals.Pending));
        Assert.Equal(1400, totals.StepsDone);

        // A group that reported nothing yet (zero runs) is not noted.
        Assert.False(table.Note(new GroupProgress(2, GroupTotals.Zero, false)));
    }
}
