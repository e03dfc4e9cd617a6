namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// How far a DMFT solve has got: the SGD time t of the last time point it solved for, out of T. The solver
/// writes it once per time point (where it also checks for cancellation); any thread may read it, so a
/// progress display can say where a long solve is. It changes nothing the solver computes.
/// </summary>
public sealed class DmftProgress
{
    private long _time;

    /// <summary>The SGD time t the solve has reached (0 before it starts).</summary>
    public long Time => Volatile.Read(ref _time);

    internal void Reached(long time) => Volatile.Write(ref _time, time);
}
