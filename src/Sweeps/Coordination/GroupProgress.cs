namespace ScaleSweep.Sweeps.Coordination;

/// <summary>Where one group of a sweep stands, as its group grain tells the sweep grain.</summary>
/// <param name="Group">The group's index in grid order.</param>
/// <param name="Totals">Its runs by status.</param>
/// <param name="Done">Every run is final and the group's aggregate is stored: the sweep need not ask again.</param>
/// <param name="Unstored">Runs in flight whose grains last said they cannot reach storage (they keep their data and retry).</param>
[GenerateSerializer, Immutable]
public sealed record GroupProgress(
    [property: Id(0)] int Group,
    [property: Id(1)] GroupTotals Totals,
    [property: Id(2)] bool Done,
    [property: Id(3)] int Unstored = 0);
