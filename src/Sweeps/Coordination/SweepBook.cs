using ScaleSweep.Sweeps.Grid;
using ScaleSweep.Sweeps.Specs;
using ScaleSweep.Sweeps.Dmft;

namespace ScaleSweep.Sweeps.Coordination;

/// <summary>
/// A coordinator's books on one submitted sweep: its stored <see cref="SweepRecord"/>, its groups
/// (<see cref="GroupTable"/>) and theory curves, and its throughput. Every change of the sweep's state is
/// made here; the sweep grain makes the grain calls and writes the record when <see cref="Dirty"/> says so
/// (or at once, where a transition must be stored before it answers).
/// </summary>
public sealed class SweepBook
{
    private SweepBook(SweepRecord record, SweepGrid grid)
    {
        Record = record;
        Grid = grid;
        Groups = new GroupTable(record, grid.Groups.Count, grid.SeedsPerGroup);
        Theory = new SweepDmftCurves(DmftCurvePlan.Requests(record.Spec!));
        Theory.MarkFinal(record.TheoryFinished);
    }

    /// <summary>The stored state this changes in place.</summary>
    public SweepRecord Record { get; private set; }

    /// <summary>The sweep's spec.</summary>
    public SweepSpec Spec => Record.Spec!;

    /// <summary>The sweep's grid (its groups and frontiers; its runs are never expanded here).</summary>
    public SweepGrid Grid { get; }

    /// <summary>Runs of the sweep.</summary>
    public int RunCount => Grid.Groups.Count * Grid.SeedsPerGroup;

    /// <summary>Its groups.</summary>
    public GroupTable Groups { get; private set; }

    /// <summary>Its DMFT curves.</summary>
    public SweepDmftCurves Theory { get; }

    /// <summary>Its steps per second.</summary>
    public StepRate Rate { get; } = new();

    /// <summary>Where the sweep stands, as stored.</summary>
    public SweepState State => Record.State;

    /// <summary>The sweep dispatches and polls.</summary>
    public bool Running => Record.State == SweepState.Running;

    /// <summary>Every group and curve is final: the report can be built.</summary>
    public bool AllFinal => Groups.AllDone && Theory.AllFinal;

    /// <summary>The record changed since it was last stored.</summary>
    public bool Dirty => Groups.Dirty;

    /// <summary>The books on a stored sweep; null when no spec was ever stored.</summary>
    public static SweepBook? Open(SweepRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Spec is null ? null : new SweepBook(record, record.Spec.Grid());
    }

    /// <summary>Fills the empty <paramref name="record"/> for a newly submitted, running sweep (every run pending).</summary>
    public static SweepBook Submit(SweepRecord record, SweepSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(spec);
        record.Spec = spec;
        record.State = SweepState.Running;
        record.CreatedAt = now;
        return new SweepBook(record, spec.Grid());
    }

    /// <summary>Takes <paramref name="record"/>, just read again from storage (another process runs the sweep), as the sweep's.</summary>
    public void Reread(SweepRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record;
        Groups = new GroupTable(record, Grid.Groups.Count, Grid.SeedsPerGroup);
        Theory.MarkFinal(record.TheoryFinished);
    }

    /// <summary>An activation goes on with a running sweep: it is no longer interrupted.</summary>
    public void Reactivate()
    {
        if (Record.Interrupted)
        {
            Record.Interrupted = false;
            Groups.MarkDirty();
        }
    }

    /// <summary>The running sweep's coordinator leaves with its silo: its runs stop too.</summary>
    public void Interrupt() => Record.Interrupted = true;

    /// <summary>Notes a group's report; true when it changed anything.</summary>
    public bool Note(GroupProgress progress) => Groups.Note(progress);

    /// <summary>Cancels the sweep: no group gets a budget, and the runs not final count as cancelled.</summary>
    public void Cancel()
    {
        Groups.ClearBudgets();
        foreach ((int g, GroupTotals t) in Record.Active.ToArray())
        {
            int open = t.Pending + t.Queued + t.Computing;
            Record.Active[g] = t with { Pending = 0, Queued = 0, Computing = 0, Cancelled = t.Cancelled + open };
        }

        Record.State = SweepState.Cancelled;
        Groups.MarkDirty();
    }

    /// <summary>A cancelled or failed sweep runs again; false (nothing changes) for any other.</summary>
    public bool Reopen()
    {
        if (Record.State is not (SweepState.Cancelled or SweepState.Failed))
        {
            return false;
        }

        Record.State = SweepState.Running;
        Record.Error = null;
        Groups.MarkDirty();
        return true;
    }

    /// <summary>The report is stored: the sweep is completed.</summary>
    /// <param name="reportSeconds">How long the report took to gather and build.</param>
    public void Complete(double reportSeconds)
    {
        Record.State = SweepState.Completed;
        Record.ReportSeconds = reportSeconds;
    }

    /// <summary>The sweep cannot go on, for <paramref name="error"/>.</summary>
    public void Fail(string error)
    {
        Record.State = SweepState.Failed;
        Record.Error = error;
    }

    /// <summary>Stores the keys of the final curves with the next write, when more are final than stored.</summary>
    public void NoteTheoryFinished()
    {
        if (Theory.Done != Record.TheoryFinished.Count)
        {
            Record.TheoryFinished = Theory.FinalKeys().ToList();
            Groups.MarkDirty();
        }
    }

    /// <summary>The record was stored.</summary>
    public void MarkStored() => Groups.MarkStored();

    /// <summary>The sweep's status (see <see cref="SweepStatusBuilder"/>).</summary>
    /// <param name="id">The sweep id.</param>
    /// <param name="readOnly">Seen from a read-only silo: a running sweep whose silo shut down shows as interrupted.</param>
    /// <param name="slots">Worker slots of the cluster.</param>
    /// <param name="warning">See <see cref="SweepWarning"/>.</param>
    public SweepStatus Status(string id, bool readOnly, int slots, string? warning) =>
        SweepStatusBuilder.Build(id, Spec, Record.State, interrupted: readOnly && Running && Record.Interrupted, Groups.Totals(), RunCount, Theory,
            Rate.StepsPerSecond, slots, Record.Error, Record.CreatedAt, warning, Record.ReportSeconds);
}
