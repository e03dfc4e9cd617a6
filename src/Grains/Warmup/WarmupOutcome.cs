namespace ScaleSweep.Grains.Warmup;

/// <summary>What a silo's warm-up did (<see cref="SiloWarmup"/>).</summary>
/// <param name="Rounds">Rounds of the batch run.</param>
/// <param name="Runs">Simulations computed over every round.</param>
/// <param name="Elapsed">Wall time, pauses included.</param>
/// <param name="MethodsCompiled">Methods the process compiled meanwhile, by the warm-up or anything else.</param>
/// <param name="Compilation">Time the process spent compiling meanwhile.</param>
/// <param name="Failed">Whether a round threw (logged; the silo starts all the same).</param>
public sealed record WarmupOutcome(int Rounds, int Runs, TimeSpan Elapsed, long MethodsCompiled, TimeSpan Compilation, bool Failed);
