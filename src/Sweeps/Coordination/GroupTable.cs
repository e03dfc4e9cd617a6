namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A sweep's view of its groups, kept in its <see cref="SweepRecord"/>: which groups are done (a prefix
/// in grid order and the few done out of order), the summed totals of the done ones, the last totals of the
/// active ones, and each active group's budget (runs it may keep in flight). Nothing here is per run: a
/// sweep of 100,000 runs in 4 groups keeps 4 entries, and one of 100,000 groups keeps the groups that are
/// active now (at most the dispatch budget) besides two numbers.
/// </summary>
public sealed class GroupTable
{
    private readonly SweepRecord _record;
    private readonly HashSet<int> _doneBeyond;
    private readonly Dictionary<int, int> _budgets = [];

    /// <summary>The groups of <paramref name="record"/>'s sweep: <paramref name="groups"/> of <paramref name="seedsPerGroup"/> seeds each.</summary>
    public GroupTable(SweepRecord record, int groups, int seedsPerGroup)
    {
        ArgumentNullException.ThrowIfNull(record);
        _record = record;
        Count = groups;
        SeedsPerGroup = seedsPerGroup;
        _doneBeyond = [.. record.DoneBeyond];
    }

    /// <summary>Groups of the sweep.</summary>
    public int Count { get; }

    /// <summary>Seeds (runs) of each group.</summary>
    public int SeedsPerGroup { get; }

    /// <summary>Groups done.</summary>
    public int Done => _record.DonePrefix + _doneBeyond.Count;

    /// <summary>Every group is done.</summary>
    public bool AllDone => _record.DonePrefix == Count;

    /// <summary>Groups with a budget now.</summary>
    public IReadOnlyDictionary<int, int> Budgets => _budgets;

    /// <summary>Something stored changed since <see cref="MarkStored"/>.</summary>
    public bool Dirty { get; private set; }

    /// <summary>The record was stored.</summary>
    public void MarkStored() => Dirty = false;

    /// <summary>Notes that the record changed elsewhere.</summary>
    public void MarkDirty() => Dirty = true;

    /// <summary>Whether group <paramref name="group"/> is done (its aggregate stored).</summary>
    public bool IsDone(int group) => group < _record.DonePrefix || _doneBeyond.Contains(group);

    /// <summary>The budget group <paramref name="group"/> was last given; 0 when none.</summary>
    public int Budget(int group) => _budgets.GetValueOrDefault(group);

    /// <summary>Notes a group's report.</summary>
    /// <returns>True when it changed anything (it is stored with the next write).</returns>
    public bool Note(GroupProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        int g = progress.Group;
        // A group that has not loaded yet reports no runs: it counts as untouched until it does.
        if (g < 0 || g >= Count || IsDone(g) || (progress.Totals.Runs == 0 && !progress.Done))
        {
            return false;
        }

        if (progress.Done)
        {
            _record.Active.Remove(g);
            _budgets.Remove(g);
            _record.DoneTotals = _record.DoneTotals.Plus(progress.Totals);
            _doneBeyond.Add(g);
            while (_doneBeyond.Remove(_record.DonePrefix))
            {
                _record.DonePrefix++;
            }

            _record.DoneBeyond = [.. _doneBeyond.Order()];
            Dirty = true;
            return true;
        }

        if (_record.Active.TryGetValue(g, out GroupTotals? last) && last == progress.Totals)
        {
            return false;
        }

        _record.Active[g] = progress.Totals;
        Dirty = true;
        return true;
    }

    /// <summary>
    /// Shares <paramref name="budget"/> runs in flight among the groups that are not done, in grid order:
    /// each takes as many as it has runs left that are not final, until the budget is spent.
    /// </summary>
    /// <returns>The groups whose budget changed, with their new budget (0: stop handing out runs).</returns>
    public IReadOnlyList<(int Group, int Budget)> Allocate(int budget)
    {
        var next = new Dictionary<int, int>();
        int left = budget;
        for (int g = _record.DonePrefix; g < Count && left > 0; g++)
        {
            if (IsDone(g))
            {
                continue;
            }

            int open = _record.Active.TryGetValue(g, out GroupTotals? totals) ? totals.Runs - totals.Final : SeedsPerGroup;

            // A group with nothing open still gets one: it must be asked, to aggregate and report itself done.
            int share = Math.Min(Math.Max(open, 1), left);
            next[g] = share;
            left -= open == 0 ? 0 : share;
        }

        var changed = new List<(int, int)>();
        foreach ((int g, int b) in next)
        {
            if (_budgets.GetValueOrDefault(g) != b)
            {
                changed.Add((g, b));
            }
        }

        foreach (int g in _budgets.Keys)
        {
            if (!next.ContainsKey(g))
            {
                changed.Add((g, 0));
            }
        }

        _budgets.Clear();
        foreach ((int g, int b) in next)
        {
            _budgets[g] = b;
        }

        return changed;
    }

    /// <summary>Forgets every budget (the sweep stopped dispatching); the last totals stay for its status.</summary>
    public void ClearBudgets() => _budgets.Clear();

    /// <summary>The sweep's runs by status: done groups summed, active groups as last reported, the rest pending.</summary>
    public GroupTotals Totals()
    {
        GroupTotals totals = _record.DoneTotals;
        foreach (GroupTotals active in _record.Active.Values)
        {
            totals = totals.Plus(active);
        }

        int untouched = (Count - Done - _record.Active.Count) * SeedsPerGroup;
        return totals.Plus(new GroupTotals(untouched, untouched, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    /// <summary>Mean worker seconds of the runs that ended so far; null before the first.</summary>
    public double? MeanRunSeconds()
    {
        GroupTotals totals = Totals();
        return totals.Ended == 0 ? null : totals.ComputeSeconds / totals.Ended;
    }
}
