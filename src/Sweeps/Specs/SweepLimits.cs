namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// The caps a cluster puts on one sweep, bound from the configuration section
/// <see cref="SectionName"/>. They guard the cluster against a typo (an extra zero in "steps", a seed
/// count of 10^9) rather than encode anything about the model: the ranges the numerics allows are
/// checked separately and cannot be widened here.
/// </summary>
public sealed class SweepLimits
{
    /// <summary>The configuration section the limits are bound from.</summary>
    public const string SectionName = "ScaleSweep:Limits";

    /// <summary>
    /// Most runs (grid points times seeds) in one sweep; default 100,000. The coordinator keeps one
    /// state entry per run, so this bounds its stored state, and matches the CLI's largest seed count.
    /// </summary>
    public long MaxRunsPerSweep { get; set; } = 100_000;

    /// <summary>
    /// Most bytes one run may hold at its peak, as estimated by
    /// <see cref="Numerics.Models.SimulationConfig.EstimatedPeakBytes"/>; default 2 GiB. Several runs
    /// share a silo, so one run must stay a fraction of a machine's memory (the fast projected
    /// sampler at N = 4096, M = 10^4 needs about 0.9 GiB).
    /// </summary>
    public long MaxBytesPerRun { get; set; } = 2L << 30;

    /// <summary>
    /// Most SGD steps of one run; default 10^8. At the measured 1,000 fast steps a second of N = 1024
    /// that is a day of compute per run, far beyond the paper's t &lt;= 10^5, while still allowing
    /// long small-width runs. The numerics' own cap
    /// (<see cref="Numerics.Models.SimulationConfigValidation.MaxSteps"/>) applies when it is lower.
    /// </summary>
    public long MaxStepsPerRun { get; set; } = 100_000_000;

    /// <summary>
    /// Most bytes one sweep may leave in storage, as estimated by <see cref="SweepStorageEstimate.Of"/>
    /// (its runs' curves, their copies in their groups, and the groups' seed means); default 10 GiB. The
    /// estimate grows as runs x recorded points, and the points only as log(steps), so under
    /// <see cref="MaxRunsPerSweep"/> it is mostly a large pointsPerDecade that reaches it: a 100,000-run sweep of 10^6 steps at 10 points per decade (59 recorded
    /// points) stores about 274 MiB as one grid point of 100,000 seeds, and 593 MiB as 100,000 grid points
    /// of one seed. The cap is met near 1,300 recorded points per run: 10^8 steps at 200 points per decade
    /// store 4.9 GiB as one grid point and 10.7 GiB (refused) as 100,000.
    /// </summary>
    public long MaxStoredBytes { get; set; } = 10L << 30;

    /// <summary>
    /// Most bytes of a spec's JSON text (UTF-8); default 1 MiB, room for a list of 100,000 seeds.
    /// Checked before parsing, so a huge upload is refused without being read into a document.
    /// </summary>
    public long MaxSpecBytes { get; set; } = 1L << 20;

    /// <summary>
    /// Most steps of a finite-width theory curve (spec "theory": "matched" with a finite N or B); default
    /// 1000. The finite N, B equations with the Wishart self-term cost ~ nodes modes T^3 time and
    /// ~ nodes modes T^2 memory: 160 s and 2.9 GB at T = 10^3 with 48 modes and 6 nodes (N = 64).
    /// "infinite" has no such cost.
    /// </summary>
    public long MaxFiniteTheorySteps { get; set; } = 1000;

    /// <summary>
    /// Most steps of an N, B = infinity theory curve; default 100,000. Eq. 43-44 on the geometric time grid
    /// take seconds at T = 10^5 with 256 modes (the uniform grid, used when eta lambda_max &gt;= 1, ~ modes
    /// T^2: about 20 s at T = 10^4), and ~ modes T memory.
    /// </summary>
    public long MaxInfiniteTheorySteps { get; set; } = 100_000;

    /// <summary>
    /// Most bytes one theory solve may hold, as estimated from its modes, steps and column-norm nodes;
    /// default 4 GiB. Apart from <see cref="MaxBytesPerRun"/>: a sweep has one solve per distinct curve, not
    /// one per run, and the finite-width solver to T = 10^3 at N = 16..64 needs 2.7-3.6 GiB.
    /// </summary>
    public long MaxTheoryBytes { get; set; } = 4L << 30;

    /// <summary>Largest mode budget a spec's "theory" may ask for; default 4096 (the cost grows linearly in it).</summary>
    public int MaxTheoryModes { get; set; } = 4096;

    /// <summary>
    /// Most modes of a spec's measured task ("spectrum"); default 100,000. The values travel with every run's
    /// request (16 bytes a mode: 1.6 MB at the cap), so the cap bounds a message, not the numerics, whose own
    /// cap is far higher. Kernel spectra of data sets have at most as many modes as samples (60,000 for MNIST).
    /// </summary>
    public int MaxSpectrumModes { get; set; } = 100_000;

    /// <summary>The effective step cap: the lower of <see cref="MaxStepsPerRun"/> and the numerics' cap.</summary>
    public long StepsCap => Math.Min(MaxStepsPerRun, Numerics.Models.SimulationConfigValidation.MaxSteps);

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a cap below 1: that is a mistake in the
    /// cluster's configuration, not in a spec, so it is not reported as a <see cref="SweepSpecException"/>.
    /// </summary>
    public void EnsureValid()
    {
        Require(MaxRunsPerSweep, nameof(MaxRunsPerSweep));
        Require(MaxBytesPerRun, nameof(MaxBytesPerRun));
        Require(MaxStepsPerRun, nameof(MaxStepsPerRun));
        Require(MaxStoredBytes, nameof(MaxStoredBytes));
        Require(MaxSpecBytes, nameof(MaxSpecBytes));
        Require(MaxFiniteTheorySteps, nameof(MaxFiniteTheorySteps));
        Require(MaxInfiniteTheorySteps, nameof(MaxInfiniteTheorySteps));
        Require(MaxTheoryModes, nameof(MaxTheoryModes));
        Require(MaxTheoryBytes, nameof(MaxTheoryBytes));
        Require(MaxSpectrumModes, nameof(MaxSpectrumModes));
    }

    private static void Require(long value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"{SectionName}:{name} = {value} is out of range: it must be an integer >= 1.");
        }
    }
}
